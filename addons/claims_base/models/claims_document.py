# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from ..tools.files import safe_filename

PARENT_FIELDS = {"claims.claim": "claim_id", "claims.incident": "incident_id"}


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
        "res.company", compute="_compute_company_id", store=True, index=True, precompute=True
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
    # Thumbnails: images are resized by /web/image; a PDF's first page is rendered once in
    # the browser and kept on the attachment (mail's ir.attachment.thumbnail).
    checksum = fields.Char(related="attachment_id.checksum")
    has_thumbnail = fields.Boolean(related="attachment_id.has_thumbnail")
    user_id = fields.Many2one("res.users", string="Added by", default=lambda self: self.env.user,
                              readonly=True)
    portal_partner_ids = fields.Many2many(
        "res.partner",
        string="Seen in the portal by",
        compute="_compute_portal_partner_ids",
        search="_search_portal_partner_ids",
        help="Active participants of the claim or incident whose role may see this "
        "published document's category.",
    )

    @api.constrains("claim_id", "incident_id")
    def _check_one_parent(self):
        """A document belongs to a claim or to an incident."""
        if any(bool(d.claim_id) == bool(d.incident_id) for d in self):
            raise ValidationError(
                self.env._("A document belongs to either a claim or an incident.")
            )

    @api.depends("claim_id.company_id", "incident_id.company_id")
    def _compute_company_id(self):
        for document in self:
            document.company_id = document.claim_id.company_id or document.incident_id.company_id

    def _compute_portal_partner_ids(self):
        rows = dict.fromkeys(self.ids, ())
        if self.ids:
            self.env.cr.execute(self._portal_partner_sql(SQL("d.id IN %s", tuple(self.ids))))
            for document_id, partner_ids in self.env.cr.fetchall():
                rows[document_id] = partner_ids
        for document in self:
            document.portal_partner_ids = [fields.Command.set(rows.get(document.id, ()))]

    def _search_portal_partner_ids(self, operator, value):
        if operator != "in":
            return NotImplemented
        partner_ids = tuple(v for v in value if isinstance(v, int)) or (0,)
        query = self._portal_partner_sql(SQL("p.partner_id IN %s", partner_ids))
        return [("id", "any!", SQL("SELECT id FROM (%s) AS portal_documents", query))]

    @api.model
    def _portal_partner_sql(self, condition):
        """(document id, partner ids) of published documents whose category the active
        participants' role on the same claim or incident may see, under ``condition``."""
        return SQL(
            """
            SELECT d.id, ARRAY_AGG(DISTINCT p.partner_id)
              FROM claims_document d
              JOIN claims_document_category_claims_participant_role_rel r
                ON r.claims_document_category_id = d.category_id
              JOIN claims_participant p
                ON p.role_id = r.claims_participant_role_id
               AND p.active
               AND (p.claim_id = d.claim_id OR p.incident_id = d.incident_id)
             WHERE d.is_published AND %s
          GROUP BY d.id
            """,
            condition,
        )

    def _compute_datas(self):
        for document in self:
            attachment = document.attachment_id
            document.datas = attachment.sudo().datas if attachment else False

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
        # group_expand: the kanban shows every category, a small configuration table
        return categories.search([])  # pylint: disable=no-search-all

    @api.model_create_multi
    def create(self, vals_list):
        documents = super().create(vals_list)
        published = documents.filtered(lambda d: d.claim_id and d.is_published)
        published._notify_claim_followers()
        for claim in published.claim_id:
            self.env["claims.package"]._inform_of(
                claim, "document", published.filtered(lambda d, c=claim: d.claim_id == c),
                lambda document: f"document:{document.id}")
        return documents

    def write(self, vals):
        if "is_published" in vals:
            raise UserError(self.env._(
                "Publishing is fixed when a document is attached: attach it again to change it."))
        previous_categories = {}
        if "category_id" in vals:
            previous_categories = {
                document: document.category_id
                for document in self
                if document.category_id.id != vals["category_id"]
            }
        result = super().write(vals)
        for document, category in previous_categories.items():
            document._get_parent().message_post(body=self.env._(
                "Document %(document)s moved from %(old)s to %(new)s.",
                document=document.name,
                old=category.display_name,
                new=document.category_id.display_name,
            ))
        return result

    # ------------------------------------------------------------------ business

    @api.model
    def add_uploaded_files(self, parent_model, parent_id, category_id, attachment_ids):
        """File attachments just uploaded on a claim or incident as documents of a category.

        Called by the documents kanban after ``/web/binary/upload_attachment`` put the files on
        the claim (or incident). Only the caller's own fresh uploads on that very record are
        accepted, and the caller must be allowed to edit the record and create documents.

        :returns: the ids of the new documents
        :raises AccessError: another model, a record the user may not edit, or an attachment
            that is not the user's own upload on that record
        """
        if parent_model not in PARENT_FIELDS:
            raise AccessError(self.env._("Documents are filed on claims and incidents only."))
        parent = self.env[parent_model].browse(parent_id).exists()
        if not parent:
            raise UserError(self.env._("This record no longer exists."))
        parent.check_access("write")
        self.check_access("create")
        category = self.env["claims.document.category"].browse(category_id).exists()
        if not category:
            raise UserError(self.env._("This document category no longer exists."))
        category.check_access("read")
        attachments = self.env["ir.attachment"].browse(attachment_ids).exists()
        attachments_sudo = attachments.sudo()
        filed = self.sudo().search_count([("attachment_id", "in", attachments.ids)], limit=1)
        if (
            not attachments
            or len(attachments) != len(set(attachment_ids))
            or filed
            or any(
                attachment.res_model != parent_model
                or attachment.res_id != parent.id
                or attachment.create_uid != self.env.user
                or attachment.type != "binary"
                for attachment in attachments_sudo
            )
        ):
            raise AccessError(self.env._("Only your own new uploads on this record can be filed."))
        documents = self._create_from_attachments(attachments, category, parent)
        if "message_main_attachment_id" in parent and (
            parent.sudo().message_main_attachment_id in attachments
        ):
            # the upload route made it the record's main attachment; it now belongs elsewhere
            parent.sudo().message_main_attachment_id = False
        parent.message_post(body=self.env._(
            "Uploaded into %(category)s: %(names)s",
            category=category.display_name,
            names=", ".join(documents.mapped("name")),
        ))
        return documents.ids

    def _get_parent(self):
        """The claim or incident this document belongs to."""
        self.ensure_one()
        return self.claim_id or self.incident_id

    @api.model
    def _create_from_attachments(self, attachments, category, target, published=False):
        """File existing attachments as documents of a claim or incident (target record).

        Uploads (desk, portal, phone form) and mail attachments come this way: the document
        and its file keep the base name of the uploaded name only (``safe_filename``).
        """
        field = "claim_id" if target._name == "claims.claim" else "incident_id"
        names = [safe_filename(attachment.sudo().name) for attachment in attachments]
        documents = self.create([{
            "name": name,
            "category_id": category.id,
            field: target.id,
            "is_published": published,
        } for name in names])
        for document, attachment, name in zip(documents, attachments, names, strict=True):
            values = {"res_model": self._name, "res_id": document.id}
            if attachment.sudo().name != name:
                values["name"] = name
            attachment.sudo().write(values)
            document.attachment_id = attachment
        return documents

    # ------------------------------------------------------------------ mail

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
