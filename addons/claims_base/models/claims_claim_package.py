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
    package_informed_count = fields.Integer(
        string="Recipients kept informed", compute="_compute_package_count"
    )

    # ------------------------------------------------------------------ computes

    def _compute_package_count(self):
        counts = dict(self.env["claims.package"]._read_group(
            [("claim_id", "in", self.ids)], ["claim_id"], ["__count"]))
        informed = dict(self.env["claims.package"]._read_group(
            [("claim_id", "in", self.ids), ("is_kept_informed", "=", True)],
            ["claim_id"], ["__count"]))
        for claim in self:
            claim.package_count = counts.get(claim, 0)
            claim.package_informed_count = informed.get(claim, 0)

    # ------------------------------------------------------------------ actions

    def action_view_packages(self):
        return records_of(self, "claims_base.claims_package_action", "claim_id")

    def action_stop_package_updates(self):
        """Stop mailing the claim's changes to every recipient of its packages."""
        self.check_access("write")
        packages = self.env["claims.package"].search(
            [("claim_id", "in", self.ids), ("is_kept_informed", "=", True)])
        packages.action_stop_updates()
        return True

    # ------------------------------------------------------------------ mail thread

    def _notify_thread(self, message, msg_vals=False, **kwargs):
        """Package recipients kept informed hear of a stage change and of a message to
        them by their own update mail (see ``claims.package._inform_of``)."""
        recipients_data = super()._notify_thread(message, msg_vals=msg_vals, **kwargs)
        if len(self) == 1:
            message_sudo = message.sudo()
            if message_sudo.subtype_id == self.env.ref("claims_base.mt_claim_stage"):
                self.env["claims.package"]._inform_of(
                    self, "stage", self.stage_id, lambda _stage: f"stage:{message_sudo.id}")
            elif self._get_packages_told_of(message_sudo):
                self.env["claims.package"]._inform_of(
                    self, "message", message_sudo, lambda msg: f"message:{msg.id}")
        return recipients_data

    def _notify_get_recipients(self, message, msg_vals=False, **kwargs):
        """A message to a package recipient kept informed goes out in their update mail,
        from their package's reply address, instead of Odoo's notification."""
        recipients = super()._notify_get_recipients(message, msg_vals=msg_vals, **kwargs)
        if len(self) != 1 or not recipients:
            return recipients
        partners = self._get_packages_told_of(message.sudo()).partner_id.filtered(
            "partner_share")
        return [r for r in recipients if r["id"] not in partners.ids]

    def _notify_get_recipients_groups(self, message, model_description, msg_vals=False):
        """The recipient of a package being mailed is a group of their own: their mail
        alone carries the account link (see ``_notify_by_email_render_layout``)."""
        groups = super()._notify_get_recipients_groups(
            message, model_description, msg_vals=msg_vals)
        package = self.env["claims.package"]._get_account_mail_package(self, message, msg_vals)
        if package:
            partner_id = package.partner_id.id
            groups.insert(0, [
                "claims_package_recipient",
                lambda pdata: pdata["id"] == partner_id,
                {"active": True, "has_button_access": False, "claims_package": package},
            ])
        return groups

    def _notify_by_email_render_layout(self, message, recipients_group, msg_vals=False,
                                       render_values=None):
        mail_body = super()._notify_by_email_render_layout(
            message, recipients_group, msg_vals=msg_vals, render_values=render_values)
        package = recipients_group.get("claims_package")
        if recipients_group.get("notification_group_name") == "claims_package_recipient" and (
                package):
            mail_body = package._add_account_link(
                mail_body, lang=(render_values or {}).get("lang"))
        return mail_body

    def _get_packages_told_of(self, message_sudo):
        """The packages whose recipients are mailed ``message``: a discussion message (not
        internal) addressed to them."""
        self.ensure_one()
        if (message_sudo.message_type != "comment" or message_sudo.is_internal
                or message_sudo.subtype_id.internal or not message_sudo.partner_ids):
            return self.env["claims.package"]
        return self.env["claims.package"]._get_informed_packages(self).filtered(
            lambda p: p.partner_id in message_sudo.partner_ids)

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
