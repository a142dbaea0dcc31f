# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import test_claims_recovery_access
from . import test_claims_recovery_limitation
from . import test_claims_recovery_money
from . import test_claims_recovery_payment_link
from . import test_claims_recovery_rpc
from . import test_claims_recovery_stages
