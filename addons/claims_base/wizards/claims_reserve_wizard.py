# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class ClaimsReserveWizard(models.TransientModel):
    """Post one reserve change (a ledger line) on a coverage of a claim, with its reason."""

    _name = "claims.reserve.wizard"
    _description = "Add reserve"

    claim_id = fields.Many2one("claims.claim", required=True, ondelete="cascade")
    currency_id = fields.Many2one(related="claim_id.currency_id")
    coverage_id = fields.Many2one(
        "claims.claim.coverage",
        required=True,
        domain="[('claim_id', '=', claim_id)]",
        compute="_compute_coverage_id",
        store=True,
        precompute=True,
        readonly=False,
    )
    amount_reserve = fields.Monetary(related="coverage_id.amount_reserve", string="Current reserve")
    amount_change = fields.Monetary(string="Change", required=True)
    reason = fields.Char(required=True)

    @api.depends("claim_id")
    def _compute_coverage_id(self):
        for wizard in self:
            if wizard.claim_id and len(wizard.claim_id.coverage_ids) == 1:
                wizard.coverage_id = wizard.claim_id.coverage_ids
            elif wizard.coverage_id.claim_id != wizard.claim_id:
                wizard.coverage_id = False

    def action_confirm(self):
        self.ensure_one()
        if self.coverage_id.claim_id != self.claim_id:
            raise UserError(self.env._("Choose one of the claim's coverages."))
        if not self.currency_id.compare_amounts(self.amount_change, 0):
            raise UserError(self.env._("A reserve change cannot be zero."))
        self.coverage_id._add_reserve(self.amount_change, self.reason)
        return {"type": "ir.actions.act_window_close"}
