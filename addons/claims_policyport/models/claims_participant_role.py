# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class ClaimsParticipantRole(models.Model):
    _name = "claims.participant.role"
    _inherit = ["claims.participant.role", "claims.policyport.lookup.mixin"]
