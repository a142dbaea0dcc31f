from . import incident_form
from . import portal
from . import api
from . import main
