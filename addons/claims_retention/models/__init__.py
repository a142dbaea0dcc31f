# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import claims_claim
from . import claims_claim_anonymise
from . import claims_incident
from . import claims_retention_log
from . import res_company
from . import res_config_settings
from . import res_partner
