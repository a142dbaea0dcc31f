# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from psycopg2 import IntegrityError

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import consteq
from odoo.tools.mail import formataddr
from odoo.tools.misc import hmac

_logger = logging.getLogger(__name__)

PRECOMMIT_KEY = "claims.package.updates"
STOP_SCOPE = "claims.package.stop_updates"
UPDATE_TEMPLATE = "claims_base.mail_template_claims_package_update"


class ClaimsPackage(models.Model):
    """Keeping a package's recipient informed: the claim's later changes their role may see
    (stage, published documents, payments paid, messages to them), one mail per recipient
    and transaction, from the same reply address as their package.

    On when the package is sent; the handler stops it per recipient or for the whole claim,
    the recipient from the link in each update. A recipient who follows the claim with a
    change's subtype (a participant) hears of it as a follower, not twice.
    """

    _inherit = "claims.package"

    is_kept_informed = fields.Boolean(
        string="Kept informed",
        readonly=True,
        copy=False,
        help="The recipient is mailed the claim's later changes that their role may see.",
    )
    update_ids = fields.One2many("claims.package.update", "package_id", string="Updates")
    update_count = fields.Integer(compute="_compute_update_count")
    pending_update_ids = fields.One2many(
        "claims.package.update", compute="_compute_pending_update_ids"
    )
    stop_url = fields.Char(compute="_compute_stop_url")

    # ------------------------------------------------------------------ computes

    def _compute_update_count(self):
        counts = dict(self.env["claims.package.update"]._read_group(
            [("package_id", "in", self.ids), ("state", "=", "sent")],
            ["package_id"], ["__count"]))
        for package in self:
            package.update_count = counts.get(package, 0)

    def _compute_pending_update_ids(self):
        """The updates of the mail being written, oldest first."""
        for package in self:
            package.pending_update_ids = package.sudo().update_ids.filtered(
                lambda u: u.state == "pending").sorted("id")

    def _compute_stop_url(self):
        for package in self:
            package.stop_url = (
                f"{package.get_base_url()}/claims/package/{package.id}/stop/"
                f"{package._get_stop_token()}"
            )

    # ------------------------------------------------------------------ actions

    def action_stop_updates(self):
        """Stop mailing these recipients the claim's changes."""
        self._set_kept_informed(False)
        return True

    def action_resume_updates(self):
        """Mail these recipients the claim's changes again."""
        if any(package.date_account for package in self.sudo()):
            raise UserError(self.env._(
                "This recipient opened an account: they hear of the claim as a participant."))
        self._set_kept_informed(True)
        return True

    # ------------------------------------------------------------------ events

    @api.model
    def _inform_of(self, claim, kind, records, key):
        """Record an update for each recipient of ``claim`` kept informed that may see it.

        :param claim: the claim that changed
        :param kind: ``stage``, ``document``, ``payment`` or ``message``
        :param records: what changed (the stage, documents, payments or the message)
        :param key: a function of a record giving the event's unique key
        """
        packages = self._get_informed_packages(claim)
        if not packages:
            return
        Update = self.env["claims.package.update"].sudo()
        field = {"stage": "stage_id", "document": "document_id", "payment": "payment_id",
                 "message": "message_id"}[kind]
        vals_list = [
            {"package_id": package.id, "kind": kind, "key": key(record), field: record.id}
            for package in packages
            for record in records
            if package._may_hear_of(kind, record)
        ]
        existing = {
            (update.package_id.id, update.key) for update in Update.search([
                ("package_id", "in", packages.ids),
                ("key", "in", [vals["key"] for vals in vals_list]),
            ])
        }
        created = False
        for vals in vals_list:
            if (vals["package_id"], vals["key"]) in existing:
                continue
            try:
                # no flush on entering: that would run the end-of-transaction work now
                with self.env.cr.savepoint(flush=False):
                    Update.create(vals).flush_recordset()
                    created = True
            except IntegrityError:
                _logger.info("Update %s of package %s already recorded",
                             vals["key"], vals["package_id"])
        if created:
            self._schedule_update_mails()

    @api.model
    def _get_informed_packages(self, claim):
        """The packages of ``claim`` whose recipients are kept informed, the latest one per
        address (a recipient sent two packages hears of each change once)."""
        packages = self.sudo().search([
            ("claim_id", "=", claim.id),
            ("is_kept_informed", "=", True),
            ("date_sent", "!=", False),
        ], order="date_sent desc, id desc")
        latest = {}
        for package in packages.filtered("reply_address"):
            latest.setdefault(package.email, package)
        return self.sudo().browse([package.id for package in latest.values()])

    def _may_hear_of(self, kind, record):
        """Whether this recipient is mailed of ``record``: what their role may see, and what
        they do not hear of already as a follower of the claim."""
        self.ensure_one()
        role = self.role_id
        env = self.env
        if kind == "document":
            subtype = env.ref("claims_base.mt_claim_document")
            visible = record.is_published and role in record.category_id.role_ids
        elif kind == "payment":
            subtype = env.ref("claims_base.mt_claim_payment_paid")
            visible = subtype in role.subtype_ids
        elif kind == "stage":
            subtype = env.ref("claims_base.mt_claim_stage")
            visible = True
        else:
            return self.partner_id in record.partner_ids
        follower = self.claim_id.sudo().message_follower_ids.filtered(
            lambda f: f.partner_id == self.partner_id)
        return visible and subtype not in follower.subtype_ids

    # ------------------------------------------------------------------ mailing

    @api.model
    def _schedule_update_mails(self):
        """Mail the recorded updates when the transaction ends, after the other end-of-
        transaction work (tracking posts the stage changes then)."""
        data = self.env.cr.precommit.data
        if PRECOMMIT_KEY in data:
            return
        data[PRECOMMIT_KEY] = "scheduled"
        env = self.env

        def mail_updates():
            if data.get(PRECOMMIT_KEY) == "scheduled":
                # once more at the end of the queue, behind what was added meanwhile
                data[PRECOMMIT_KEY] = "deferred"
                env.cr.precommit.add(mail_updates)
                return
            data.pop(PRECOMMIT_KEY, None)
            env["claims.package"].sudo()._mail_pending_updates()

        self.env.cr.precommit.add(mail_updates)

    @api.model
    def _mail_pending_updates(self):
        """One mail per package for its pending updates, from its own reply address."""
        updates = self.env["claims.package.update"].sudo().search([("state", "=", "pending")])
        stopped = updates.filtered(lambda u: not u.package_id.is_kept_informed)
        stopped.write({"state": "stopped"})
        template = self.env.ref(UPDATE_TEMPLATE).sudo()
        for package in (updates - stopped).package_id:
            if not package.reply_address:
                _logger.warning("Package %s: no reply address, updates not mailed", package.id)
                continue
            mail = template.send_mail(package.id, email_values={
                "email_to": formataddr((package.partner_id.name or "", package.email)),
                "reply_to": package.reply_address,
                "recipient_ids": [],
            })
            package.pending_update_ids.write({"state": "sent", "mail_id": mail})

    # ------------------------------------------------------------------ stop link

    def _get_stop_token(self):
        self.ensure_one()
        return hmac(self.env(su=True), STOP_SCOPE, (self.id, self.email, self.reply_token))

    @api.model
    def _get_for_stop(self, package_id, token):
        """The package whose "stop these updates" link this is, or an empty recordset."""
        package = self.sudo().browse(package_id).exists()
        if not package or not token or not consteq(str(token), package._get_stop_token()):
            return self.sudo().browse()
        return package

    # ------------------------------------------------------------------ helpers

    def _set_kept_informed(self, value):
        """Turn the updates on or off, for a claims user who may edit the claims."""
        self.check_access("read")
        self.claim_id.check_access("write")
        self.sudo().is_kept_informed = value
        for package in self:
            package.claim_id.message_post(
                body=self.env._(
                    "%s is kept informed of this claim's changes by mail.",
                    package.partner_id.display_name,
                ) if value else self.env._(
                    "%s is no longer mailed this claim's changes.",
                    package.partner_id.display_name,
                ),
                subtype_xmlid="mail.mt_note",
            )

    def _stop_by_recipient(self):
        """The recipient stopped the updates from the link in one of them."""
        self.ensure_one()
        package = self.sudo()
        if not package.is_kept_informed:
            return
        package.is_kept_informed = False
        package.claim_id.message_post(
            body=self.env._("%s asked to be mailed no more of this claim's changes.",
                            package.partner_id.display_name),
            subtype_xmlid="mail.mt_note",
        )
