# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ClaimsRecoveryCloseWizard(models.TransientModel):
    """Asks why the rest of a recovery is written off: on a partial receipt or a write-off.

    The rules are the recovery's (``action_receive``, ``action_write_off``); this form only
    collects the reason.
    """

    _name = "claims.recovery.close.wizard"
    _description = "Close a recovery with a write-off"

    recovery_id = fields.Many2one("claims.recovery", required=True, ondelete="cascade")
    mode = fields.Selection(
        [("partial", "Received in part"), ("write_off", "Written off")],
        required=True,
        default="partial",
    )
    currency_id = fields.Many2one(related="recovery_id.currency_id")
    amount_expected = fields.Monetary(related="recovery_id.amount_expected")
    amount_recovered = fields.Monetary(related="recovery_id.amount_recovered")
    amount_written_off = fields.Monetary(compute="_compute_amount_written_off")
    reason = fields.Text(required=True)

    @api.depends("recovery_id.amount_expected", "recovery_id.amount_recovered")
    def _compute_amount_written_off(self):
        for wizard in self:
            wizard.amount_written_off = max(
                wizard.amount_expected - wizard.amount_recovered, 0.0)

    def action_confirm(self):
        self.ensure_one()
        if self.mode == "partial":
            self.recovery_id.action_receive(reason=self.reason)
        else:
            self.recovery_id.action_write_off(self.reason)
        return {"type": "ir.actions.act_window_close"}
