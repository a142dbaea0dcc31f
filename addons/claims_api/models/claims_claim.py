# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

# Fields whose changes go to the change feed (claims.change) and its webhooks.
CHANGE_WATCHED_FIELDS = (
    "stage_id", "file_status", "user_id", "insurer_claim_number", "policy_id", "insurer_id",
    "date_loss", "date_reported", "date_assigned", "date_closed", "is_marked_off", "active",
)


class ClaimsClaim(models.Model):
    """A claim's creation and its followed changes are entries of the change feed."""

    _name = "claims.claim"
    _inherit = ["claims.claim", "claims.change.mixin"]

    _change_claim_field = "id"
    _change_watched_fields = CHANGE_WATCHED_FIELDS

    # ------------------------------------------------------------------ change feed

    def _get_change_kind(self, operation, changed):
        if operation == "create":
            return "claim_created"
        return "stage_changed" if "stage_id" in changed else "claim_updated"

    def _get_change_data(self, operation, changed):
        data = super()._get_change_data(operation, changed)
        if operation == "create" or "stage_id" in changed:
            data["stage"] = self.stage_id.name
        if "file_status" in changed:
            data["file_status"] = self.file_status
        return data
