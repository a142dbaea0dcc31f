# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ClaimsDocumentCategory(models.Model):
    _name = "claims.document.category"
    _description = "Document category"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    fold = fields.Boolean(help="Folded in the documents kanban.")
    active = fields.Boolean(default=True)
    role_ids = fields.Many2many(
        "claims.participant.role",
        string="Visible to roles",
        help="Participants with these roles see this category's published documents in "
        "the portal. Empty: internal only.",
    )

    _code_unique = models.Constraint("UNIQUE (code)", "A document category code is unique.")
