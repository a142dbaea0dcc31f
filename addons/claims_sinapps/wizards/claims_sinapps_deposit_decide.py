# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError

from ..models.claims_sinapps_deposit import VALIDATIONS

DECISIONS = [("accept", "Accept and deposit"), ("redo", "Ask for a new quote"),
             ("validate", "Validate"), ("refuse", "Refuse")]


class ClaimsSinappsDepositDecide(models.TransientModel):
    """The platform's decision on a trade's quote: deposit it to Sinapps (choosing who
    validates it), ask the trade for a new one (with the reason), or, when the platform
    validates it itself, validate or refuse it in Sinapps."""

    _name = "claims.sinapps.deposit.decide"
    _description = "Decide on a trade's quote"

    deposit_id = fields.Many2one("claims.sinapps.deposit", required=True, readonly=True)
    decision = fields.Selection(DECISIONS, required=True, readonly=True)
    validation = fields.Selection(VALIDATIONS, string="Validated in Sinapps",
                                  default="insurer")
    reason = fields.Text()

    def action_confirm(self):
        self.ensure_one()
        deposit = self.deposit_id
        expected = {"accept": ("submitted", "error"), "redo": ("submitted",),
                    "validate": ("pending",), "refuse": ("pending",)}[self.decision]
        deposit._check_state("quote", expected,
                             validation="platform" if self.decision in (
                                 "validate", "refuse") else None)
        if self.decision in ("redo", "refuse") and not (self.reason or "").strip():
            raise UserError(self.env._("Say why: the trade reads it."))
        if self.decision == "accept":
            if not self.validation:
                raise UserError(self.env._("Choose who validates the quote in Sinapps."))
            deposit._deposit(self.validation)
        elif self.decision == "redo":
            deposit.sudo().write({"state": "redo", "reason": self.reason})
            deposit._tell_trade(self.env._(
                "The platform asks you for a new quote instead of %(ref)s: %(reason)s",
                ref=deposit.reference, reason=self.reason))
        else:
            self.env["claims.sinapps.outbound"]._send(
                deposit.claim_id, "quote_decision", deposit,
                {"accept": self.decision == "validate", "reason": self.reason or ""})
        return {"type": "ir.actions.act_window_close"}
