# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import os

from odoo import api, fields, models


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

    mail_extensions = fields.Char(
        string="Incoming mail extensions",
        help="Comma-separated file extensions (e.g. jpg, png) whose attachments, in replies to "
        "claim packages, are filed in this category. Others go to the default category of "
        "the Claims settings (Correspondence unless changed).",
    )

    _code_unique = models.Constraint("UNIQUE (code)", "A document category code is unique.")

    @api.model
    def _get_for_mail_filename(self, filename):
        """The category a mail attachment called ``filename`` is filed in."""
        extension = os.path.splitext(filename or "")[1].lstrip(".").lower()
        if extension:
            for category in self.search([("mail_extensions", "!=", False)]):
                extensions = {
                    ext.strip().lstrip(".").lower() for ext in category.mail_extensions.split(",")
                }
                if extension in extensions:
                    return category
        param = self.env["ir.config_parameter"].sudo().get_param(
            "claims_base.mail_document_category_id"
        )
        category = self.browse(int(param)).exists() if param and param.isdigit() else self
        return category or self.env.ref("claims_base.claims_document_category_correspondence")
