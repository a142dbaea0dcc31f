# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import secrets
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import consteq

from ..tools.files import safe_filename

MAX_PHOTO_BYTES = 5 * 1024 * 1024
MAX_PHOTOS = 10
PHOTO_MIMETYPES = ("image/jpeg", "image/png", "image/webp")
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
MAX_DOCUMENTS = 5
DOCUMENT_MIMETYPES = ("application/pdf",)
# what the driver says a PDF is -> the document category it is filed in
DOCUMENT_KINDS = {
    "police_report": "claims_base.claims_document_category_police_report",
    "accident_statement": "claims_base.claims_document_category_accident_statement",
    "other": "claims_base.claims_document_category_other",
}


class ClaimsIncidentUpload(models.Model):
    """A photo or a PDF uploaded from the phone form before the report is sent.

    The page uploads each photo as soon as it is taken (resized in the browser), and each
    PDF (police report, accident statement) as it is chosen, under the page's submission id;
    sending the report turns the uploads into documents of the new incident, photos in
    Photos and PDFs in the category of the kind the driver chose. The file is an attachment
    of this record, so nobody but the server (sudo) reads it; the browser proves ownership
    with ``key``. Uploads never claimed by a report are removed by the autovacuum after a
    day.
    """

    _name = "claims.incident.upload"
    _description = "Pending incident file"

    submission_uuid = fields.Char(required=True, index=True)
    key = fields.Char(required=True, default=lambda self: secrets.token_urlsafe(16))
    link_id = fields.Many2one("claims.incident.link", ondelete="cascade", index=True)
    user_id = fields.Many2one("res.users", ondelete="cascade", index=True)
    attachment_id = fields.Many2one("ir.attachment", ondelete="set null")
    category_id = fields.Many2one(
        "claims.document.category", ondelete="set null", help="Empty: a photo."
    )
    incident_id = fields.Many2one("claims.incident", ondelete="set null", index=True)
    company_id = fields.Many2one(
        "res.company", compute="_compute_company_id", store=True, index=True
    )

    @api.depends("link_id.company_id", "incident_id.company_id", "user_id")
    def _compute_company_id(self):
        """The company the photo is sent to: the link's, else the portal driver's."""
        Incident = self.env["claims.incident"]
        for upload in self:
            upload.company_id = (
                upload.incident_id.company_id
                or upload.link_id.company_id
                or (upload.user_id and Incident._intake_driver_company(upload.user_id))
                or False
            )

    @api.autovacuum
    def _gc_orphan_uploads(self):
        """Remove the uploads (and their files) no report claimed within a day."""
        orphans = self.sudo().search([
            ("incident_id", "=", False),
            ("create_date", "<", fields.Datetime.now() - timedelta(days=1)),
        ])
        orphans.attachment_id.unlink()
        orphans.unlink()

    @api.model
    def _create_photo(self, submission_uuid, name, data, mimetype, link=None, user=None,
                      category=None):
        """Store one photo, or a PDF of ``category``, (sudo) under the base name of ``name``
        and return the upload record.

        :raises UserError: an image too large to accept (``ir.attachment``)
        """
        upload = self.sudo().create({
            "submission_uuid": submission_uuid,
            "link_id": link.id if link else False,
            "user_id": user.id if user else False,
            "category_id": category.id if category else False,
        })
        upload.attachment_id = self.env["ir.attachment"].sudo().create({
            "name": safe_filename(name, "document.pdf" if category else "photo.jpg"),
            "raw": data,
            "mimetype": mimetype,
            "res_model": self._name,
            "res_id": upload.id,
        })
        return upload

    @api.model
    def _find_owned(self, refs, submission_uuid, link=None, user=None):
        """The pending uploads named by ``refs`` ("id:key" strings) that belong to this
        submission and to this link or user; refs that do not match are ignored."""
        uploads = self.sudo().browse()
        for ref in (refs or [])[:MAX_PHOTOS + MAX_DOCUMENTS]:
            upload_id, _sep, key = str(ref).partition(":")
            if not upload_id.isdigit():
                continue
            upload = self.sudo().browse(int(upload_id)).exists()
            if (
                upload
                and not upload.incident_id
                and upload.submission_uuid == submission_uuid
                and consteq(upload.key, key)
                and upload.link_id == (link or self.env["claims.incident.link"])
                and upload.user_id == (user or self.env["res.users"])
            ):
                uploads |= upload
        photos = uploads.filtered(lambda upload: not upload.category_id)
        return photos[:MAX_PHOTOS] | (uploads - photos)[:MAX_DOCUMENTS]
