# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .claims_recovery import CLOSED_STAGES, PAYMENT_TYPE_OF_KIND


class ClaimsPayment(models.Model):
    """A recovery payment may bring in the money of one recovery of its claim and coverage."""

    _inherit = "claims.payment"

    recovery_id = fields.Many2one(
        "claims.recovery",
        ondelete="restrict",
        index="btree_not_null",
        check_company=True,
        tracking=True,
        domain="[('claim_id', '=', claim_id), ('coverage_id', '=', coverage_id), "
        "('stage', 'in', ('identified', 'demanded', 'agreed'))]",
        help="The recovery this payment brings in; its paid amount counts as recovered there.",
    )

    @api.constrains("recovery_id", "claim_id", "coverage_id", "payment_type")
    def _check_recovery_matches(self):
        """A payment of a recovery is a recovery payment of its kind, claim and coverage."""
        for payment in self.filtered("recovery_id"):
            recovery = payment.recovery_id
            if recovery.coverage_id != payment.coverage_id or (
                    recovery.claim_id != payment.claim_id):
                raise ValidationError(self.env._(
                    "Payment %(payment)s is on another claim or coverage than its recovery "
                    "%(recovery)s.", payment=payment.name, recovery=recovery.name))
            if PAYMENT_TYPE_OF_KIND[recovery.kind] != payment.payment_type:
                raise ValidationError(self.env._(
                    "Payment %(payment)s of recovery %(recovery)s must be of the type "
                    "%(type)s.", payment=payment.name, recovery=recovery.name,
                    type=dict(self._fields["payment_type"]._description_selection(self.env))[
                        PAYMENT_TYPE_OF_KIND[recovery.kind]]))

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            self._check_recovery_open([vals.get("recovery_id") for vals in vals_list])
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and "recovery_id" in vals:
            if any(payment.state != "draft" for payment in self):
                raise UserError(self.env._(
                    "Only a draft payment is linked to a recovery or unlinked from it."))
            self._check_recovery_open([vals["recovery_id"]])
        return super().write(vals)

    def _check_recovery_open(self, recovery_ids):
        recoveries = self.env["claims.recovery"].browse(filter(None, recovery_ids))
        closed = recoveries.filtered(lambda r: r.stage in CLOSED_STAGES)
        if closed:
            raise UserError(self.env._(
                "Recovery %(recovery)s is closed: no further payment is linked to it.",
                recovery=closed[0].name))
