from . import claims_claim
from . import claims_policy
from . import claims_policyport_backend
from . import claims_policyport_importer
from . import res_partner
