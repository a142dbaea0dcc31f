# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
import os
import re
import zipfile

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.files import safe_filename

PACKAGE_REPORT = "claims_base.claims_claim_report_package"


class ClaimsPackageSend(models.TransientModel):
    """Send a claim package: chosen documents in a zip and a PDF summary, one mail per
    recipient, each with its own reply address."""

    _name = "claims.package.send"
    _description = "Send claim package"

    claim_id = fields.Many2one("claims.claim", required=True, readonly=True)
    partner_ids = fields.Many2many(
        "res.partner", string="Recipients", required=True,
        help="Each recipient gets their own mail and reply address.",
    )
    role_id = fields.Many2one(
        "claims.participant.role",
        string="Sent as",
        required=True,
        default=lambda self: self._default_role_id(),
        help="The recipients' role on the claim: their updates tell what this role may see, "
        "and they join the claim in this role if they open an account.",
    )
    document_ids = fields.Many2many(
        "claims.document",
        string="Documents",
        domain="[('claim_id', '=', claim_id)]",
        compute="_compute_document_ids",
        store=True,
        readonly=False,
    )
    note = fields.Html(string="Message", sanitize=True)
    size_estimate = fields.Integer(string="Files (bytes)", compute="_compute_size_estimate")
    is_over_cap = fields.Boolean(compute="_compute_size_estimate")
    link_days = fields.Integer(compute="_compute_size_estimate")

    def _default_role_id(self):
        return self.env.ref("claims_base.claims_participant_role_lawyer", raise_if_not_found=False)

    @api.depends("claim_id")
    def _compute_document_ids(self):
        """Start from the claim's documents published externally."""
        for wizard in self:
            wizard.document_ids = wizard.claim_id.document_ids.filtered("is_published")

    @api.depends("document_ids")
    def _compute_size_estimate(self):
        Package = self.env["claims.package"]
        cap, days = Package._get_size_cap(), Package._get_link_days()
        for wizard in self:
            wizard.size_estimate = sum(wizard.document_ids.mapped("file_size"))
            wizard.is_over_cap = wizard.size_estimate > cap
            wizard.link_days = days

    def action_send(self):
        self.ensure_one()
        claim = self.claim_id
        claim.check_access("write")
        if not self.partner_ids:
            raise UserError(self.env._("Choose at least one recipient."))
        no_email = self.partner_ids.filtered(lambda p: not p.email_normalized)
        if no_email:
            raise UserError(self.env._(
                "These recipients have no valid e-mail address: %s",
                ", ".join(no_email.mapped("display_name"))))
        if self.document_ids.filtered(lambda d: d.claim_id != claim):
            raise UserError(self.env._("A package holds documents of its own claim only."))
        # packages hold the reply secrets: only this wizard makes them, after the checks above
        packages = self.env["claims.package"].sudo().create([{
            "claim_id": claim.id,
            "partner_id": partner.id,
            "email": partner.email_normalized,
            "role_id": self.role_id.id,
            "is_kept_informed": True,
            "document_ids": [fields.Command.set(self.document_ids.ids)],
        } for partner in self.partner_ids])
        summary = self._render_summary()
        zip_content = self._build_zip()
        slug = re.sub(r"[^\w-]+", "-", claim.name).strip("-")
        packages._send(
            f"{slug}-documents.zip", zip_content, f"{slug}-summary.pdf", summary, note=self.note
        )
        return {"type": "ir.actions.act_window_close"}

    # ------------------------------------------------------------------ helpers

    def _build_zip(self):
        """The chosen documents' files in one zip, one unique file name each.

        Names are base names (``safe_filename``): a document called ``../../x.txt`` or
        ``C:\\x\\y.txt`` unzips as ``x.txt`` or ``y.txt`` in the folder chosen, never
        elsewhere; names that differ only by case are numbered too, as a desktop would
        overwrite one with the other.
        """
        buffer = io.BytesIO()
        names = set()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for document in self.document_ids:
                attachment = document.attachment_id.sudo()
                if not attachment:
                    continue
                name = safe_filename(attachment.name or document.name)
                stem, extension = os.path.splitext(name)
                index = 1
                while name.casefold() in names:
                    index += 1
                    name = f"{stem} ({index}){extension}"
                names.add(name.casefold())
                archive.writestr(name, attachment.raw or b"")
        return buffer.getvalue()

    def _render_summary(self):
        """The PDF summary of the claim (data, coverages, participants, documents sent)."""
        content, _report_type = self.env["ir.actions.report"]._render_qweb_pdf(
            PACKAGE_REPORT, self.claim_id.ids,
            data={"document_ids": self.document_ids.ids},
        )
        return content
