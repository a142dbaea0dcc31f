# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class ClaimsDocument(models.Model):
    """A file on a claim or an incident, filed in a category.

    The file is an ir.attachment held by this record (res_model claims.document), so reading
    the file follows this record's access rules, category by category, not the claim's.
    """

    _name = "claims.document"
    _description = "Claim document"
    _order = "category_id, id desc"

    name = fields.Char(required=True)
    claim_id = fields.Many2one("claims.claim", ondelete="cascade", index=True)
    incident_id = fields.Many2one("claims.incident", ondelete="cascade", index=True)
    company_id = fields.Many2one(
        "res.company", compute="_compute_company_id", store=True, index=True
    )
    category_id = fields.Many2one(
        "claims.document.category", required=True, index=True, group_expand="_read_group_categories"
    )
    is_published = fields.Boolean(
        string="Published externally",
        readonly=True,
        help="Fixed when attached: attach the file again to change it.",
    )
    attachment_id = fields.Many2one("ir.attachment", readonly=True, ondelete="restrict")
    datas = fields.Binary(string="File", attachment=False, compute="_compute_datas",
                          inverse="_inverse_datas")
    mimetype = fields.Char(related="attachment_id.mimetype")
    file_size = fields.Integer(related="attachment_id.file_size")
    user_id = fields.Many2one("res.users", string="Added by", default=lambda self: self.env.user,
                              readonly=True)

    @api.constrains("claim_id", "incident_id")
    def _check_one_parent(self):
        """A document belongs to a claim or to an incident."""
        if any(bool(d.claim_id) == bool(d.incident_id) for d in self):
            raise ValidationError(self.env._("A document belongs to either a claim or an incident."))

    @api.depends("claim_id.company_id", "incident_id.company_id")
    def _compute_company_id(self):
        for document in self:
            document.company_id = document.claim_id.company_id or document.incident_id.company_id

    def _compute_datas(self):
        for document in self:
            document.datas = document.attachment_id.sudo().datas if document.attachment_id else False

    def _inverse_datas(self):
        for document in self:
            if document.attachment_id:
                raise UserError(self.env._(
                    "A document's file is fixed: attach the new file as a new document."))
            if document.datas:
                document.attachment_id = self.env["ir.attachment"].sudo().create({
                    "name": document.name,
                    "datas": document.datas,
                    "res_model": self._name,
                    "res_id": document.id,
                })

    @api.model
    def _read_group_categories(self, categories, domain):
        return categories.search([])

    @api.model_create_multi
    def create(self, vals_list):
        documents = super().create(vals_list)
        documents.filtered(lambda d: d.claim_id and d.is_published)._notify_claim_followers()
        return documents

    def write(self, vals):
        if "is_published" in vals:
            raise UserError(self.env._(
                "Publishing is fixed when a document is attached: attach it again to change it."))
        return super().write(vals)

    @api.model
    def _create_from_attachments(self, attachments, category, target, published=False):
        """File existing attachments as documents of a claim or incident (target record)."""
        field = "claim_id" if target._name == "claims.claim" else "incident_id"
        documents = self.create([{
            "name": attachment.name,
            "category_id": category.id,
            field: target.id,
            "is_published": published,
        } for attachment in attachments])
        for document, attachment in zip(documents, attachments, strict=True):
            attachment.sudo().write({"res_model": self._name, "res_id": document.id})
            document.attachment_id = attachment
        return documents

    @api.model
    def _create_from_mail_attachments(self, attachments, claim):
        """File a mail's attachments on a claim, each in the category its file name maps to."""
        documents = self.browse()
        by_category = {}
        for attachment in attachments:
            category = self.env["claims.document.category"]._get_for_mail_filename(
                attachment.name
            )
            by_category.setdefault(category, self.env["ir.attachment"])
            by_category[category] |= attachment
        for category, category_attachments in by_category.items():
            documents |= self._create_from_attachments(category_attachments, category, claim)
        return documents

    def _notify_claim_followers(self):
        """One "Document added" message per claim, for followers of that subtype.

        Only for published documents: the names of internal ones (a medical note) must not
        reach outsiders following the claim.
        """
        for claim in self.claim_id:
            documents = self.filtered(lambda d, c=claim: d.claim_id == c)
            items = Markup().join(
                Markup("<li>%s (%s)</li>") % (document.name, document.category_id.name)
                for document in documents
            )
            claim.sudo().message_post(
                body=Markup("<p>%s</p><ul>%s</ul>") % (
                    self.env._("Documents added:") if len(documents) > 1
                    else self.env._("Document added:"),
                    items,
                ),
                author_id=self.env.user.partner_id.id,
                message_type="notification",
                subtype_xmlid="claims_base.mt_claim_document",
            )
