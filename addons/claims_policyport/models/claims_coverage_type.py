# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class ClaimsCoverageType(models.Model):
    _name = "claims.coverage.type"
    _inherit = ["claims.coverage.type", "claims.policyport.lookup.mixin"]
