# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from ..tools.window_actions import records_of


class ClaimsClaim(models.Model):
    """A claim's packages e-mailed to outsiders, and the mail that comes back."""

    _inherit = "claims.claim"

    # Packages e-mailed to outsiders
    package_ids = fields.One2many("claims.package", "claim_id", string="Packages")
    package_count = fields.Integer(compute="_compute_package_count")

    # ------------------------------------------------------------------ computes

    def _compute_package_count(self):
        counts = dict(self.env["claims.package"]._read_group(
            [("claim_id", "in", self.ids)], ["claim_id"], ["__count"]))
        for claim in self:
            claim.package_count = counts.get(claim, 0)

    # ------------------------------------------------------------------ actions

    def action_view_packages(self):
        return records_of(self, "claims_base.claims_package_action", "claim_id")

    # ------------------------------------------------------------------ mail thread

    def _post_incoming_mail(self, **values):
        """Log a mail received for this claim (a reply to one of its packages, a reviewed
        mail) as an internal message, and file its attachments as documents.

        The callers check the mail first (the gateway's routing, a handler's review); this
        writes as superuser. The message is of the internal subtype "Package reply": the
        desk's followers hear of it, portal participants never see it, and the files reach
        them only as documents, under the rules of their category.

        :param values: ``message_post`` values (body, subject, author, attachments...)
        :returns: ``(message, documents)``
        """
        self.ensure_one()
        claim = self.sudo().with_context(
            mail_create_nosubscribe=True, mail_post_autofollow_author_skip=True,
            attachments_mime_plainxml=True,
        )
        message = claim.message_post(
            message_type="email",
            subtype_xmlid="claims_base.mt_claim_package_reply",
            is_internal=True,
            **values,
        )
        documents = claim.env["claims.document"]._create_from_mail_attachments(
            message.attachment_ids, claim)
        return message, documents
