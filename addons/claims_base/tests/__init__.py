from . import test_claim_money
from . import test_security_groups
from . import test_claim_portal_access
from . import test_claim_share_wizard
from . import test_incident_phone_form
