# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import calendar
import re
import time
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import consteq, escape_psql
from odoo.tools.mail import email_normalize
from odoo.tools.misc import hmac

from .claims_package import DEFAULT_LINK_DAYS

ACCOUNT_SCOPE = "claims.package.account"
ACCOUNT_TOKEN_PATTERN = re.compile(r"^(\d{1,12})-(\d{1,12})-([0-9a-f]{64})$")
MIN_PASSWORD_LENGTH = 8
# the note of the stored package message that the mail to the recipient replaces by the link
ACCOUNT_NOTE_PATTERN = re.compile(
    r'<p class="o_claims_package_account_note">.*?</p>', re.DOTALL)


class ClaimsPackage(models.Model):
    """The free account a package's recipient opens from the link in the package mail.

    The link holds ``<package id>-<expiry>-<signature>``: an HMAC (database secret) of the
    package, its recipient (partner and address), claim, role and the expiry. It is refused
    when altered, for another claim than the one in its address, expired (Claims settings,
    14 days by default) or used (once an account is opened or linked, ``date_account``). The
    recipient gets a portal user (or links the one they have) and becomes a participant of
    the claim in the role the package was sent in.

    The link is in the mail to the recipient only: the package message stored on the claim,
    which every desk user of the claim reads, says that a link was offered; the recipient's
    own notification mail gets the link in its place (``claims.claim`` renders it for their
    recipients group). No field returns it.
    """

    _inherit = "claims.package"

    date_account_expiry = fields.Datetime(
        string="Account link valid until", readonly=True, copy=False
    )
    date_account = fields.Datetime(string="Account opened on", readonly=True, copy=False)
    account_user_id = fields.Many2one("res.users", string="Account", readonly=True, copy=False)

    # ------------------------------------------------------------------ configuration

    @api.model
    def _get_account_days(self):
        return int(self._get_param("package_account_days", DEFAULT_LINK_DAYS))

    # ------------------------------------------------------------------ token

    def _has_account_link(self):
        self.ensure_one()
        return bool(self.date_account_expiry and self.role_id)

    def _get_account_url(self):
        """The account link: only for the mail to the recipient (see
        ``_add_account_link``), never in a field or in the claim's messages."""
        self.ensure_one()
        return self._has_account_link() and (
            f"{self.get_base_url()}/claims/account/{self.claim_id.id}/"
            f"{self._get_account_token()}"
        )

    def _get_account_token(self):
        self.ensure_one()
        expiry = calendar.timegm(self.date_account_expiry.utctimetuple())
        return f"{self.id}-{expiry}-{self._sign_account(expiry)}"

    def _sign_account(self, expiry):
        self.ensure_one()
        return hmac(self.env(su=True), ACCOUNT_SCOPE, (
            self.id, self.partner_id.id, self.email, self.claim_id.id, self.role_id.id, expiry,
        ))

    @api.model
    def _get_for_account(self, claim_id, token):
        """The package whose account link this is, and why it is refused.

        :returns: ``(package, error)``; error is False or one of ``invalid`` (altered,
            unknown), ``other_claim``, ``used``, ``expired``
        """
        Package = self.sudo()
        match = ACCOUNT_TOKEN_PATTERN.match(token or "")
        if not match:
            return Package.browse(), "invalid"
        package = Package.browse(int(match[1])).exists()
        expiry = int(match[2])
        if not package or not package.role_id or not package.date_account_expiry or not (
                consteq(match[3], package._sign_account(expiry))):
            return Package.browse(), "invalid"
        if package.claim_id.id != claim_id:
            return package, "other_claim"
        if package.date_account:
            return package, "used"
        if expiry <= time.time():
            return package, "expired"
        return package, False

    # ------------------------------------------------------------------ mail

    def _get_account_mail_package(self, claim, message, msg_vals=None):
        """The package whose mail ``message`` is, being sent: the package subtype, from
        the reply address of a package of ``claim`` that has no message yet and offers an
        account link. Its recipient's mail gets the link (``_add_account_link``)."""
        msg_vals = msg_vals or {}
        subtype_id = msg_vals["subtype_id"] if "subtype_id" in msg_vals else (
            message.sudo().subtype_id.id)
        reply_to = msg_vals["reply_to"] if "reply_to" in msg_vals else message.sudo().reply_to
        package_subtype = self.env["ir.model.data"]._xmlid_to_res_id(
            "claims_base.mt_claim_package")
        if len(claim) != 1 or not reply_to or subtype_id != package_subtype:
            return self.sudo().browse()
        package, path = self._find_for_incoming({"recipients": reply_to})
        if (path != "token" or package.claim_id != claim or package.mail_message_id
                or package.date_account or not package._has_account_link()):
            return self.sudo().browse()
        return package

    def _add_account_link(self, mail_body, lang=None):
        """``mail_body`` (the package mail for its recipient) with the account link in place
        of the note that one was offered."""
        self.ensure_one()
        link = self.env["ir.qweb"]._render(
            "claims_base.claims_package_mail_account_link",
            {"package": self, "account_url": self._get_account_url()},
            lang=lang or self.env.lang,
        )
        return Markup(ACCOUNT_NOTE_PATTERN.sub(lambda _match: str(link), str(mail_body), count=1))

    # ------------------------------------------------------------------ account

    def _get_existing_user(self):
        """An active user of the recipient: their partner's, or one whose login is the
        address the package went to."""
        self.ensure_one()
        Users = self.env["res.users"].sudo()
        return self.partner_id.sudo().user_ids.filtered("active")[:1] or Users.search(
            [("login", "=ilike", escape_psql(self.email))], limit=1)

    def _is_recipient(self, user):
        """Whether ``user`` is this package's recipient: their contact, or their address as
        login (not a contact's e-mail, which its user may change)."""
        self.ensure_one()
        return not user._is_public() and (
            user.partner_id == self.partner_id
            or email_normalize(user.login or "") == self.email
        )

    def _open_account(self, password):
        """A portal user for the recipient, with ``password``, on the claim.

        :returns: the new user; the caller checked the link (``_get_for_account``), that
            the recipient has no account yet and the password.
        """
        self.ensure_one()
        package = self.sudo()
        company = package.claim_id.company_id
        # all or nothing: a password refused leaves the link unused
        with self.env.cr.savepoint():
            package._use_account_link()
            user = self.env["res.users"].sudo().with_context(
                no_reset_password=True)._signup_create_user({
                    "login": package.email,
                    "password": password,
                    "partner_id": package.partner_id.id,
                    "company_id": company.id,
                    "company_ids": [fields.Command.set(company.ids)],
                })
            package._join_claim(user)
        return user

    def _link_account(self, user):
        """Link the recipient's existing ``user`` to the claim."""
        self.ensure_one()
        package = self.sudo()
        package._use_account_link()
        if user._is_portal() and package.claim_id.company_id not in user.company_ids:
            user.sudo().company_ids = [fields.Command.link(package.claim_id.company_id.id)]
        package._join_claim(user)
        return user

    def _use_account_link(self):
        """Mark the link used, once: a second use, even at the same time, is refused."""
        self.env.cr.execute(
            "UPDATE claims_package SET date_account = NOW() AT TIME ZONE 'UTC' "
            "WHERE id = %s AND date_account IS NULL RETURNING id", (self.id,))
        if not self.env.cr.fetchone():
            raise UsedLinkError()
        self.invalidate_recordset(["date_account"])

    def _join_claim(self, user):
        """The user's contact becomes a participant of the claim in the package's role;
        they hear of the claim as a participant from now on, not by package updates."""
        self.ensure_one()
        Participant = self.env["claims.participant"].sudo().with_context(active_test=False)
        domain = [
            ("claim_id", "=", self.claim_id.id),
            ("partner_id", "=", user.partner_id.id),
            ("role_id", "=", self.role_id.id),
        ]
        participant = Participant.search(domain, limit=1)
        if participant:
            participant.active = True
        else:
            participant = Participant.create({
                "claim_id": self.claim_id.id,
                "partner_id": user.partner_id.id,
                "role_id": self.role_id.id,
            })
        self.write({"account_user_id": user.id, "is_kept_informed": False})
        self.claim_id.message_post(
            body=self.env._(
                "%(partner)s opened their account from the package mail and takes part in "
                "the claim as %(role)s.",
                partner=user.partner_id.display_name, role=self.role_id.name),
            subtype_xmlid="mail.mt_note",
        )
        return participant

    def _set_account_expiry(self):
        """Start the account link's validity (when the package is mailed)."""
        for package in self:
            package.date_account_expiry = fields.Datetime.now() + timedelta(
                days=package._get_account_days())


class UsedLinkError(Exception):
    """The account link was used meanwhile."""
