from . import incident_form
from . import main
from . import portal
