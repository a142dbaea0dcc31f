# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

WHAT = [("appointment", "Appointment"), ("planning", "Works date"), ("quote", "Quote"),
        ("invoice", "Invoice")]


class ClaimsSinappsTradeEntry(models.TransientModel):
    """What a trade working by e-mail answered, entered by a platform user: the same steps
    as the trade's portal (appointment, quote, works date, invoice), the same checks."""

    _name = "claims.sinapps.trade.entry"
    _description = "Enter a trade's answer"

    claim_id = fields.Many2one("claims.claim", required=True, readonly=True)
    partner_id = fields.Many2one("res.partner", string="Trade",
                                 compute="_compute_partner_id", store=True, readonly=False)
    what = fields.Selection(WHAT, required=True, default="appointment")
    date_start = fields.Datetime(string="Visit at")
    date_end = fields.Datetime(string="Arriving by")
    date_intervention = fields.Date(string="Works on")

    @api.depends("claim_id")
    def _compute_partner_id(self):
        for wizard in self:
            wizard.partner_id = wizard.claim_id.sinapps_trade_id

    def action_confirm(self):
        self.ensure_one()
        claim = self.claim_id
        claim.check_access("write")
        Outbound = self.env["claims.sinapps.outbound"]
        if self.what == "appointment":
            if not self.date_start:
                raise UserError(self.env._("When is the visit?"))
            start = fields.Datetime.context_timestamp(self, self.date_start).replace(tzinfo=None)
            end = self.date_end and fields.Datetime.context_timestamp(
                self, self.date_end).replace(tzinfo=None)
            Outbound._set_appointment(claim, start, end)
            return {"type": "ir.actions.act_window_close"}
        if self.what == "planning":
            if not self.date_intervention:
                raise UserError(self.env._("When are the works?"))
            Outbound._set_intervention(claim, self.date_intervention)
            return {"type": "ir.actions.act_window_close"}
        if not self.partner_id:
            raise UserError(self.env._("Add the trade to the claim as a repairer first."))
        return {
            "type": "ir.actions.act_window", "res_model": "claims.sinapps.deposit",
            "view_mode": "form", "target": "current",
            "context": {"default_claim_id": claim.id, "default_partner_id": self.partner_id.id,
                        "default_kind": self.what},
        }
