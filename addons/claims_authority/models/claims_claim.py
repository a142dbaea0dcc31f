# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ClaimsClaim(models.Model):
    """A claim lists its reserve requests; the form shows those waiting for approval."""

    _inherit = "claims.claim"

    reserve_request_ids = fields.One2many(
        "claims.reserve.request", "claim_id", string="Reserve requests",
        groups="claims_base.group_claims_user")
    reserve_request_pending_count = fields.Integer(
        string="Reserve requests to approve", compute="_compute_reserve_request_pending_count",
        groups="claims_base.group_claims_user")

    @api.depends("reserve_request_ids.state")
    def _compute_reserve_request_pending_count(self):
        for claim in self:
            claim.reserve_request_pending_count = len(
                claim.reserve_request_ids.filtered(lambda r: r.state == "pending"))
