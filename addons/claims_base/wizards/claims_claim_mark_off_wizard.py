# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from ..models.claims_claim import MARK_OFF_REASONS


class ClaimsClaimMarkOffWizard(models.TransientModel):
    _name = "claims.claim.mark.off.wizard"
    _description = "Mark a claim off"

    claim_id = fields.Many2one("claims.claim", required=True, ondelete="cascade")
    reason = fields.Selection(MARK_OFF_REASONS, required=True, default="duplicate")
    note = fields.Char(help="e.g. the claim this one duplicates")

    def action_confirm(self):
        self.ensure_one()
        self.claim_id.action_mark_off(self.reason, note=self.note)
        return {"type": "ir.actions.act_window_close"}
