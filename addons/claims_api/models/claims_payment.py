# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class ClaimsPayment(models.Model):
    """A payment's state changes are entries of the change feed (paid: a webhook event)."""

    _name = "claims.payment"
    _inherit = ["claims.payment", "claims.change.mixin"]

    _change_watched_fields = ("state",)

    # ------------------------------------------------------------------ change feed

    def _get_change_kind(self, operation, changed):
        return "payment_state_changed" if "state" in changed else False

    def _get_change_data(self, operation, changed):
        return {"payment": self.name, "state": self.state, "amount": self.amount}
