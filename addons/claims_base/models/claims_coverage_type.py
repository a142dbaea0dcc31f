# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ClaimsCoverageType(models.Model):
    _name = "claims.coverage.type"
    _inherit = ["claims.shared.config.mixin"]
    _description = "Coverage type"
    _order = "sequence, name"

    code = fields.Char(required=True)

    _code_company_unique = models.UniqueIndex(
        "(code, COALESCE(company_id, 0))",
        "A coverage type code is unique per account.",
    )
