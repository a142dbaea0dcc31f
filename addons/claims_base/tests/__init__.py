from . import test_claim_money
from . import test_security_groups
from . import test_claims_change_feed
from . import test_claims_api_routes
from . import test_claims_api_key_duration
from . import test_claims_webhook_events
