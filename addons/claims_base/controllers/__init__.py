from . import incident_form
from . import incident_form_page
from . import main
from . import package_account
from . import portal
