# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import test_claims_claim_anonymise
from . import test_claims_claim_legal_hold
from . import test_claims_retention_due
from . import test_claims_retention_rpc
