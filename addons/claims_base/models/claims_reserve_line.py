# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class ClaimsReserveLine(models.Model):
    """One change of a coverage's reserve. Posted lines are never edited or deleted."""

    _name = "claims.reserve.line"
    _description = "Reserve change"
    _order = "date desc, id desc"
    _check_company_auto = True

    coverage_id = fields.Many2one(
        "claims.claim.coverage", required=True, ondelete="restrict", index=True,
        check_company=True,
    )
    claim_id = fields.Many2one(related="coverage_id.claim_id", store=True, index=True,
                               precompute=True)
    company_id = fields.Many2one(related="coverage_id.company_id", store=True, precompute=True)
    currency_id = fields.Many2one(related="coverage_id.currency_id")
    amount_change = fields.Monetary(string="Change", required=True)
    amount_total = fields.Monetary(
        string="New total", readonly=True,
        help="The coverage's total reserve after this change.",
    )
    reason = fields.Char(required=True)
    user_id = fields.Many2one(
        "res.users", string="By", default=lambda self: self.env.user, readonly=True, required=True
    )
    date = fields.Datetime(default=fields.Datetime.now, readonly=True, required=True)

    @api.model_create_multi
    def create(self, vals_list):
        coverages = self.env["claims.claim.coverage"].browse(
            {vals["coverage_id"] for vals in vals_list if vals.get("coverage_id")}
        )
        running = coverages._read_ledgers()[0]
        # the lines' related claim and company, read for all of them at once (not one
        # query per line while they are precomputed)
        coverages.claim_id.fetch(["company_id"])
        for vals in vals_list:
            # who and when are facts, not input
            vals["user_id"] = self.env.user.id
            vals["date"] = fields.Datetime.now()
            coverage_id = vals.get("coverage_id")
            running[coverage_id] = running.get(coverage_id, 0.0) + vals.get("amount_change", 0.0)
            vals["amount_total"] = running[coverage_id]
        return super().create(vals_list)

    def write(self, vals):
        if vals:
            raise UserError(self.env._(
                "A posted reserve change is never edited: post a correcting line instead."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_posted(self):
        raise UserError(self.env._(
            "A posted reserve change is never deleted: post a correcting line instead."))
