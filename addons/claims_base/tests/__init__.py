from . import test_claim_money
from . import test_security_groups
