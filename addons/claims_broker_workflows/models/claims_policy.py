# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ClaimsPolicy(models.Model):
    _inherit = "claims.policy"

    line_of_business = fields.Selection(
        selection_add=[("building", "Building")],
        ondelete={"building": lambda policies: policies.write({"line_of_business": "property"})},
    )
