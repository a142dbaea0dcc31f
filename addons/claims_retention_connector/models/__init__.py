# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import claims_claim
from . import claims_exchange
from . import claims_incident
