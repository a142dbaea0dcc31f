# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ClaimsClaimCloseWizard(models.TransientModel):
    """Close a claim: shows what stands against closing and asks a manager for a reason."""

    _name = "claims.claim.close.wizard"
    _description = "Close a claim"

    claim_id = fields.Many2one("claims.claim", required=True, ondelete="cascade")
    problems = fields.Text(compute="_compute_problems")
    has_problems = fields.Boolean(compute="_compute_problems")
    can_override = fields.Boolean(compute="_compute_problems")
    reason = fields.Char(help="Required when a manager closes a claim with money still open.")

    @api.depends("claim_id")
    def _compute_problems(self):
        is_manager = self.env.user.has_group("claims_base.group_claims_manager")
        for wizard in self:
            problems = wizard.claim_id._get_close_problems() if wizard.claim_id else []
            wizard.problems = "\n".join(problems)
            wizard.has_problems = bool(problems)
            wizard.can_override = is_manager

    def action_confirm(self):
        self.ensure_one()
        self.claim_id.action_close(reason=self.reason)
        return {"type": "ir.actions.act_window_close"}
