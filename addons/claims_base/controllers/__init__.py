from . import incident_form
from . import incident_form_page
from . import main
from . import portal
