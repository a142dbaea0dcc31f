# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class ClaimsClaim(models.Model):
    """A claim shows its exchanges and sync status, and cannot be deleted once bound."""

    _name = "claims.claim"
    _inherit = ["claims.claim", "claims.exchange.record.mixin"]
