# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ClaimsPolicy(models.Model):
    _inherit = "claims.policy"

    amount_sum_insured = fields.Monetary(
        string="Building sum insured", currency_field="currency_id",
        help="The building policy's value, as Opus gives it.")
