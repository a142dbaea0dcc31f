from . import incident_form
from . import main
from . import package_account
from . import portal
