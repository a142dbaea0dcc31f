from . import test_claim_money
from . import test_security_groups
from . import test_claim_close
from . import test_incident_claims
from . import test_payment_rpc
from . import test_payment_rules
from . import test_deadline_working_days
from . import test_branch_isolation
