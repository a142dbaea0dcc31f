# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class ClaimsDocument(models.Model):
    """A document added to a claim is an entry of the change feed."""

    _name = "claims.document"
    _inherit = ["claims.document", "claims.change.mixin"]

    # ------------------------------------------------------------------ change feed

    def _get_change_kind(self, operation, changed):
        return "document_added" if operation == "create" and self.claim_id else False

    def _get_change_data(self, operation, changed):
        return {"document": self.name, "category": self.category_id.code}
