# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
import secrets
from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.mail import email_normalize, email_split, unfold_references

from ..tools import mail_headers

DELIVERIES = [("attachment", "Zip attached"), ("link", "Download link")]
DEFAULT_SIZE_CAP_KB = 10240
DEFAULT_LINK_DAYS = 14
DEFAULT_REPLY_PREFIX = "claims"
TOKEN_PATTERN = re.compile(r"^[0-9a-f]{32}$")
# what of a parsed reply goes into its message on the claim (see _post_reply)
REPLY_MESSAGE_KEYS = (
    "author_id", "email_from", "subject", "body", "attachments", "message_id", "date", "parent_id",
)


def _new_token():
    return secrets.token_hex(16)


class ClaimsPackage(models.Model):
    """One claim package e-mailed to one recipient, and what it held.

    Two secrets per package: ``reply_token`` is in the recipient's reply address
    (``<prefix>+<reply_token>@<alias domain>``) and brings replies back to the claim;
    ``access_token`` is in the download link of packages over the size cap. Both stay out of
    anything a portal participant reads: the package and its replies are internal messages
    of the claim. A reply is only filed on the claim when it comes from the one address the
    package went to (``email``) and is not an automatic message (``_get_reply_review_reason``).

    Rights: claims users read the packages of their companies and create them through the
    "Send claim package" wizard; managers may delete them. The download route is public
    and checks the access token and its expiry.
    """

    _name = "claims.package"
    _description = "Claim package"
    _order = "date_sent desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    claim_id = fields.Many2one(
        "claims.claim", required=True, ondelete="cascade", index=True, check_company=True
    )
    company_id = fields.Many2one(related="claim_id.company_id", store=True, index=True)
    partner_id = fields.Many2one("res.partner", string="Recipient", required=True, index=True)
    role_id = fields.Many2one(
        "claims.participant.role",
        string="Sent as",
        readonly=True,
        help="The recipient's role on the claim: it decides what their updates tell and the "
        "role they join the claim in when they open an account.",
    )
    email = fields.Char(
        string="Sent to",
        required=True,
        help="The address the package went to: replies must come from it.",
    )
    document_ids = fields.Many2many("claims.document", string="Documents")
    date_sent = fields.Datetime(readonly=True, copy=False)
    delivery = fields.Selection(DELIVERIES, readonly=True)
    zip_attachment_id = fields.Many2one("ir.attachment", string="Zip", readonly=True)
    summary_attachment_id = fields.Many2one("ir.attachment", string="Summary", readonly=True)
    zip_size = fields.Integer(string="Zip size (bytes)", readonly=True)
    date_expiry = fields.Datetime(string="Link valid until", readonly=True, copy=False)
    download_count = fields.Integer(readonly=True, copy=False)
    date_last_download = fields.Datetime(readonly=True, copy=False)
    reply_count = fields.Integer(readonly=True, copy=False)
    date_last_reply = fields.Datetime(readonly=True, copy=False)
    mail_message_id = fields.Many2one("mail.message", string="Message", readonly=True, index=True)
    reply_token = fields.Char(
        required=True, readonly=True, copy=False, default=lambda self: _new_token()
    )
    access_token = fields.Char(
        required=True, readonly=True, copy=False, default=lambda self: _new_token()
    )
    reply_address = fields.Char(compute="_compute_reply_address")
    download_url = fields.Char(compute="_compute_download_url")

    _reply_token_unique = models.Constraint(
        "UNIQUE (reply_token)", "A package's reply token is unique."
    )
    _access_token_unique = models.Constraint(
        "UNIQUE (access_token)", "A package's access token is unique."
    )

    # ------------------------------------------------------------------ computes

    @api.depends("claim_id.name", "partner_id.name")
    def _compute_name(self):
        for package in self:
            package.name = f"{package.claim_id.name or ''} → {package.partner_id.name or ''}"

    @api.depends("reply_token", "claim_id.company_id")
    def _compute_reply_address(self):
        prefix = self._get_reply_prefix()
        for package in self:
            domain = package._get_alias_domain()
            package.reply_address = domain and f"{prefix}+{package.reply_token}@{domain}"

    @api.depends("access_token", "delivery")
    def _compute_download_url(self):
        for package in self:
            package.download_url = package.delivery == "link" and (
                f"{package.get_base_url()}/claims/package/{package.access_token}"
            )

    # ------------------------------------------------------------------ configuration

    @api.model
    def _get_param(self, key, default):
        value = self.env["ir.config_parameter"].sudo().get_param(f"claims_base.{key}")
        return value if value not in (None, False, "") else default

    @api.model
    def _get_reply_prefix(self):
        return str(self._get_param("package_reply_prefix", DEFAULT_REPLY_PREFIX)).strip().lower()

    @api.model
    def _get_size_cap(self):
        """The largest zip (in bytes) that is attached; above it the mail carries a link."""
        return int(self._get_param("package_size_cap_kb", DEFAULT_SIZE_CAP_KB)) * 1024

    @api.model
    def _get_link_days(self):
        return int(self._get_param("package_link_days", DEFAULT_LINK_DAYS))

    def _get_alias_domain(self):
        """The alias domain of the claim's company, else the first one configured."""
        self.ensure_one()
        alias_domain = self.claim_id.company_id.sudo().alias_domain_id
        if not alias_domain:
            alias_domain = self.env["mail.alias.domain"].sudo().search([], limit=1)
        return alias_domain.name

    # ------------------------------------------------------------------ sending

    def _send(self, zip_name, zip_content, summary_name, summary_content, note=None):
        """Mail each package to its recipient: the summary PDF, and the zip or a link to it."""
        over_cap = len(zip_content) > self._get_size_cap()
        now = fields.Datetime.now()
        Attachment = self.env["ir.attachment"].sudo()
        for package in self:
            if not package.reply_address:
                raise UserError(self.env._(
                    "Replies to claim packages need an alias domain: set one in Settings ▸ "
                    "Technical ▸ Email ▸ Alias Domains (see the Claims settings)."))
            package.write({
                "zip_attachment_id": Attachment.create({
                    "name": zip_name, "raw": zip_content, "mimetype": "application/zip",
                    "res_model": package._name, "res_id": package.id,
                }).id,
                "summary_attachment_id": Attachment.create({
                    "name": summary_name, "raw": summary_content,
                    "mimetype": "application/pdf",
                    "res_model": package._name, "res_id": package.id,
                }).id,
                "zip_size": len(zip_content),
                "delivery": "link" if over_cap else "attachment",
                "date_expiry": now + timedelta(days=package._get_link_days())
                if over_cap else False,
                "date_sent": now,
                "date_account_expiry": now + timedelta(days=package._get_account_days()),
            })
            attachments = package.summary_attachment_id
            if not over_cap:
                attachments |= package.zip_attachment_id
            body = self.env["ir.qweb"]._render(
                "claims_base.claims_package_mail_body",
                {"package": package, "note": note, "over_cap": over_cap},
            )
            # an internal message: the recipient gets the mail, the claim's portal
            # participants never see the files, the link or the reply address; the
            # account link is added to the recipient's mail only (claims.claim's
            # _notify_by_email_render_layout)
            message = package.claim_id.with_context(mail_post_autofollow=False).message_post(
                body=body,
                subject=self.env._("Claim %(claim)s: documents", claim=package.claim_id.name),
                message_type="comment",
                subtype_xmlid="claims_base.mt_claim_package",
                is_internal=True,
                partner_ids=package.partner_id.ids,
                attachment_ids=attachments.ids,
                reply_to=package.reply_address,
                email_layout_xmlid="mail.mail_notification_light",
            )
            package.mail_message_id = message
        return True

    # ------------------------------------------------------------------ incoming mail

    @api.model
    def _find_for_incoming(self, message_dict):
        """The package an incoming mail answers: by the token in a recipient address
        (To, Cc, Delivered-To), else by References / In-Reply-To.

        :returns: ``(package, path)``, path being ``"token"`` or ``"references"``;
            an empty package when the mail answers none.
        """
        prefix = self._get_reply_prefix()
        tokens = []
        for address in email_split(message_dict.get("recipients") or ""):
            local, _at, _domain = address.lower().partition("@")
            name, plus, token = local.partition("+")
            if plus and name == prefix and TOKEN_PATTERN.match(token):
                tokens.append(token)
        packages = self.sudo()
        if tokens:
            packages = self.sudo().search([("reply_token", "in", tokens)], limit=1)
            if packages:
                return packages, "token"
        references = message_dict.get("references") or message_dict.get("in_reply_to") or ""
        message_ids = [ref.strip() for ref in unfold_references(references)][-32:]
        if message_ids:
            messages = self.env["mail.message"].sudo().search(
                [("message_id", "in", message_ids)]
            )
            if messages:
                packages = self.sudo().search(
                    [("mail_message_id", "in", messages.ids)], order="id desc", limit=1
                )
                if packages:
                    return packages, "references"
        return self.sudo().browse(), False

    def _get_reply_review_reason(self, message):
        """Why a mail that answers this package goes to Mail to review, or False.

        :param message: the incoming ``email.message.Message``
        :returns: a reason of ``claims.mail.review`` (``auto_reply``, ``ambiguous_sender``,
            ``wrong_sender``, ``unauthenticated``) or False when the reply is filed
        """
        self.ensure_one()
        if mail_headers.is_automatic(message):
            return "auto_reply"
        sender = mail_headers.single_sender(message)
        if not sender:
            return "ambiguous_sender"
        if sender != email_normalize(self.email):
            return "wrong_sender"
        authserv_id = str(self._get_param("package_reply_authserv_id", "")).strip()
        if authserv_id and not mail_headers.dmarc_passed(message, authserv_id, sender):
            return "unauthenticated"
        return False

    def _post_reply(self, message_dict):
        """Log a reply from the package's recipient on its claim and file its attachments.

        Called by the mail gateway only (``mail.thread._message_route_process``), once the
        routing found that the mail answers this package and passed
        ``_get_reply_review_reason``. The reply is an internal message of the claim
        (followers of "Package reply" hear of it, portal participants do not see it); its
        attachments become documents of their category.

        :param dict message_dict: the parsed mail (``mail.thread.message_parse``)
        :returns: the id of the claim
        """
        self.ensure_one()
        package = self.sudo()
        values = {key: message_dict[key] for key in REPLY_MESSAGE_KEYS if message_dict.get(key)}
        package.claim_id.with_user(SUPERUSER_ID)._post_incoming_mail(
            incoming_email_to=message_dict.get("to_filtered") or False,
            incoming_email_cc=message_dict.get("cc_filtered") or False,
            **values,
        )
        package.write({
            "reply_count": package.reply_count + 1,
            "date_last_reply": fields.Datetime.now(),
        })
        return package.claim_id.id

    # ------------------------------------------------------------------ download

    @api.model
    def _get_for_download(self, access_token):
        """The package whose link this is, if the link is valid and not expired.

        :returns: ``(package, error)`` where error is ``"unknown"`` or ``"expired"``.
        """
        if not access_token or not TOKEN_PATTERN.match(access_token):
            return self.browse(), "unknown"
        package = self.sudo().search(
            [("access_token", "=", access_token), ("delivery", "=", "link")], limit=1
        )
        if not package or not package.zip_attachment_id:
            return self.browse(), "unknown"
        if not package.date_expiry or package.date_expiry <= fields.Datetime.now():
            return self.browse(), "expired"
        return package, False

    def _register_download(self):
        self.sudo().write({
            "download_count": self.download_count + 1,
            "date_last_download": fields.Datetime.now(),
        })
