from . import test_claim_money
from . import test_security_groups
from . import test_claims_package_send
from . import test_claims_package_reply
from . import test_claims_package_download
from . import test_claims_participant_notify
