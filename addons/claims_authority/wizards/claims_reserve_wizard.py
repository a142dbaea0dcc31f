# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ClaimsReserveWizard(models.TransientModel):
    """"Add reserve" under authority limits: a change above the user's reserve limit becomes a
    reserve request to approve (``claims.reserve.request``) instead of a ledger line; the
    wizard says so before it is confirmed."""

    _inherit = "claims.reserve.wizard"

    is_authority_enforced = fields.Boolean(compute="_compute_authority")
    authority_limit = fields.Monetary(string="Your reserve limit", compute="_compute_authority")
    is_above_authority = fields.Boolean(compute="_compute_authority")

    @api.depends("coverage_id", "amount_change")
    def _compute_authority(self):
        Limit = self.env["claims.authority.limit"]
        for wizard in self:
            coverage = wizard.coverage_id
            enforced = bool(coverage) and Limit._is_bound(self.env.user, "reserve") and (
                Limit._is_enforced(coverage.company_id))
            limit = Limit._get_limit(self.env.user, coverage.company_id,
                                     coverage.coverage_type_id, "reserve") if enforced else 0.0
            wizard.is_authority_enforced = enforced
            wizard.authority_limit = limit
            wizard.is_above_authority = enforced and wizard.currency_id.compare_amounts(
                abs(wizard.amount_change), limit) > 0

    def action_confirm(self):
        self.ensure_one()
        if not (self.is_above_authority and self.coverage_id.claim_id == self.claim_id):
            return super().action_confirm()
        request = self.env["claims.reserve.request"].create({
            "coverage_id": self.coverage_id.id,
            "amount_change": self.amount_change,
            "reason": self.reason,
        })
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "warning",
                "title": self.env._("Sent for approval"),
                "message": self.env._(
                    "The change is above your reserve limit: %(approver)s has been asked to "
                    "approve it.", approver=request.approver_id.name),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
