# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.claims_base.models.claims_claim import DESK

from .claims_claim_coverage import check_no_recovery_money_written


class ClaimsClaim(models.Model):
    """A claim's recoveries and its recovery reserve, for the desk only."""

    _inherit = "claims.claim"

    recovery_ids = fields.One2many(
        "claims.recovery", "claim_id", string="Pursued recoveries", groups=DESK
    )
    amount_recovery_reserve = fields.Monetary(
        string="Recovery reserve",
        compute="_compute_amount_recovery_reserve",
        store=True,
        groups=DESK,
        help="What the claim's open recoveries still expect to get back.",
    )

    @api.depends("coverage_ids.amount_recovery_reserve")
    def _compute_amount_recovery_reserve(self):
        for claim in self:
            claim.amount_recovery_reserve = sum(
                claim.coverage_ids.mapped("amount_recovery_reserve"))

    @api.model_create_multi
    def create(self, vals_list):
        check_no_recovery_money_written(self.env, vals_list)
        return super().create(vals_list)

    def write(self, vals):
        check_no_recovery_money_written(self.env, [vals])
        return super().write(vals)
