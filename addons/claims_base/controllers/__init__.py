from . import api
from . import incident_form
from . import portal
