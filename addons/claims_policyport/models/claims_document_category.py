# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class ClaimsDocumentCategory(models.Model):
    _name = "claims.document.category"
    _inherit = ["claims.document.category", "claims.policyport.lookup.mixin"]
