# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ClaimsSharedConfigMixin(models.AbstractModel):
    """Configuration an account defines for itself, or leaves shared by every account."""

    _name = "claims.shared.config.mixin"
    _description = "Shared or per-account configuration"
    _order = "sequence, id"
    _check_company_domain = models.check_company_domain_parent_of

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", help="Empty: shared by every account.")
