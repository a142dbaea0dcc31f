# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ClaimsClaimReopenWizard(models.TransientModel):
    _name = "claims.claim.reopen.wizard"
    _description = "Reopen a claim"

    claim_id = fields.Many2one("claims.claim", required=True, ondelete="cascade")
    reason = fields.Char(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.claim_id.action_reopen(reason=self.reason)
        return {"type": "ir.actions.act_window_close"}
