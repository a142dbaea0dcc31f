# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import test_claims_authority_limit_access
from . import test_claims_authority_limit_resolution
from . import test_claims_authority_rpc
from . import test_claims_payment_authority
from . import test_claims_reserve_request
