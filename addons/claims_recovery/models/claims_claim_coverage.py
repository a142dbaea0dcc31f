# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

RECOVERY_MONEY_FIELDS = ("amount_recovery_reserve",)


def check_no_recovery_money_written(env, vals_list):
    """The recovery reserve follows the recoveries: nobody writes it."""
    if any(set(RECOVERY_MONEY_FIELDS) & set(vals) for vals in vals_list):
        raise UserError(env._(
            "The recovery reserve is the sum of the open recoveries' outstanding amounts: "
            "change a recovery instead."))


class ClaimsClaimCoverage(models.Model):
    """The recovery reserve of a coverage: what its open recoveries still expect.

    Net incurred stays claims_base's: paid + pending + outstanding - recovered (paid recovery
    payments); the recovery reserve is shown beside it, not deducted.
    """

    _inherit = "claims.claim.coverage"

    recovery_ids = fields.One2many(
        "claims.recovery", "coverage_id", string="Pursued recoveries"
    )
    amount_recovery_reserve = fields.Monetary(
        string="Recovery reserve",
        compute="_compute_amount_recovery_reserve",
        store=True,
        help="What the open recoveries of this coverage still expect to get back.",
    )

    @api.depends("recovery_ids.amount_outstanding")
    def _compute_amount_recovery_reserve(self):
        for coverage in self:
            coverage.amount_recovery_reserve = sum(
                coverage.sudo().recovery_ids.mapped("amount_outstanding"))

    @api.model_create_multi
    def create(self, vals_list):
        check_no_recovery_money_written(self.env, vals_list)
        return super().create(vals_list)

    def write(self, vals):
        check_no_recovery_money_written(self.env, [vals])
        return super().write(vals)
