# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_amount

# Written by the ledger itself (a change within one's limit) or by an approved request.
AUTHORITY_FIELDS = {
    "authority_requested_by_id", "authority_approved_by_id", "authority_limit",
    "reserve_request_id",
}


class ClaimsReserveLine(models.Model):
    """Reserve changes under authority limits (see ``claims.authority.limit``).

    Where authority control is on for the coverage's company, a line larger (in absolute
    value) than the poster's reserve limit is refused, whatever the route (ORM, JSON-2); the
    "Add reserve" wizard turns such a change into a ``claims.reserve.request`` instead. Each
    line keeps its approval chain: who asked, who approved, at what limit; a change within
    one's own limit is asked and approved by its poster. Lines of an approved request are
    posted by the approver with the requester as "Asked by".

    Not bound: code running as superuser, and connector integration users: their lines are the
    insurer's figures (initial reserves of an import, corrections from the insurer's system).
    """

    _inherit = "claims.reserve.line"

    authority_requested_by_id = fields.Many2one(
        "res.users", string="Asked by", readonly=True, copy=False)
    authority_approved_by_id = fields.Many2one(
        "res.users", string="Approved by", readonly=True, copy=False)
    authority_limit = fields.Monetary(
        string="At limit", readonly=True, copy=False,
        help="The approver's reserve limit when the change was approved.")
    reserve_request_id = fields.Many2one(
        "claims.reserve.request", string="Request", readonly=True, copy=False,
        index="btree_not_null")

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            if any(AUTHORITY_FIELDS & set(vals) for vals in vals_list):
                raise UserError(self.env._(
                    "The approval chain of a reserve change is written by the ledger only."))
            vals_list = self._authority_check_changes(vals_list)
        return super().create(vals_list)

    def _authority_check_changes(self, vals_list):
        """Refuse a change above the poster's reserve limit; returns the values with the
        chain of the others."""
        Limit = self.env["claims.authority.limit"]
        user = self.env.user
        if not Limit._is_bound(user, "reserve"):
            return vals_list
        Coverage = self.env["claims.claim.coverage"]
        vals_list = [dict(vals) for vals in vals_list]
        for vals in vals_list:
            coverage = Coverage.browse(vals.get("coverage_id")).exists()
            if not coverage or not Limit._is_enforced(coverage.company_id):
                continue
            change = vals.get("amount_change", 0.0)
            limit = Limit._get_limit(user, coverage.company_id, coverage.coverage_type_id,
                                     "reserve")
            if coverage.currency_id.compare_amounts(abs(change), limit) > 0:
                raise AccessError(self.env._(
                    "A reserve change of %(change)s on %(coverage)s is above your reserve "
                    "limit of %(limit)s: ask for it with Add reserve, someone whose limit "
                    "covers it approves it.",
                    change=format_amount(self.env, change, coverage.currency_id),
                    coverage=coverage.display_name,
                    limit=format_amount(self.env, limit, coverage.currency_id)))
            vals.update(authority_requested_by_id=user.id, authority_approved_by_id=user.id,
                        authority_limit=limit)
        return vals_list
