# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib
import hmac
import secrets
from datetime import timedelta
from urllib.parse import urlsplit

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Feed entry kind -> (subscription flag, event name sent to the partner).
EVENTS = {
    "claim_created": ("on_claim_created", "claim.created"),
    "stage_changed": ("on_stage_changed", "claim.stage_changed"),
    "document_added": ("on_document_added", "claim.document_added"),
    "payment_paid": ("on_payment_paid", "payment.paid"),
}
SECRET_GRACE_HOURS = 24


def sign(secret, timestamp, body):
    """HMAC-SHA256 hex digest of ``<timestamp>.<body>`` (body as sent, bytes)."""
    message = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


class ClaimsWebhook(models.Model):
    """A partner's subscription of one URL to claim events.

    Each event becomes a ``claims.webhook.delivery`` sent by a queue_job job (see that model
    for headers, signature, replay window and the retry schedule). The secret signs every
    delivery; ``action_rotate_secret`` makes a new one and keeps the old one valid for
    SECRET_GRACE_HOURS, during which deliveries carry a signature by each.

    Only events on claims that the subscription's user may read are sent, so a webhook follows
    the same record rules as the UI and the API.
    """

    _name = "claims.webhook"
    _description = "Webhook subscription"
    _order = "id"
    _check_company_auto = True

    name = fields.Char(required=True)
    url = fields.Char(string="URL", required=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Sees as",
        required=True,
        default=lambda self: self.env.user,
        help="Events are sent for the claims this user may read.",
    )
    on_claim_created = fields.Boolean(string="Claim created", default=True)
    on_stage_changed = fields.Boolean(string="Stage changed", default=True)
    on_document_added = fields.Boolean(string="Document added", default=True)
    on_payment_paid = fields.Boolean(string="Payment paid", default=True)
    timeout = fields.Integer(
        string="Timeout (seconds)", default=10, help="Longer answers count as failed, retried."
    )
    secret = fields.Char(
        readonly=True, copy=False, default=lambda self: self._default_secret(),
        groups="claims_base.group_claims_api",
    )
    secret_previous = fields.Char(
        readonly=True, copy=False, groups="claims_base.group_claims_api"
    )
    date_secret_previous_end = fields.Datetime(
        string="Previous secret valid until", readonly=True, copy=False
    )
    delivery_ids = fields.One2many("claims.webhook.delivery", "webhook_id", string="Deliveries")

    def _default_secret(self):
        return secrets.token_hex(32)

    @api.constrains("url")
    def _check_url(self):
        """The URL is absolute http(s)."""
        for webhook in self:
            parts = urlsplit(webhook.url or "")
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ValidationError(self.env._(
                    "Webhook URL %(url)s must be an absolute http(s) URL.", url=webhook.url))

    @api.constrains("timeout")
    def _check_timeout(self):
        """Timeouts are between 1 and 30 seconds."""
        if any(not 1 <= webhook.timeout <= 30 for webhook in self):
            raise ValidationError(self.env._("A webhook timeout is 1 to 30 seconds."))

    @api.constrains("user_id", "company_id")
    def _check_user_in_company(self):
        """The user a subscription sees as belongs to its company."""
        for webhook in self:
            if webhook.company_id not in webhook.user_id.company_ids:
                raise ValidationError(self.env._(
                    "%(user)s does not work in %(company)s.",
                    user=webhook.user_id.name, company=webhook.company_id.name))

    # ------------------------------------------------------------------ CRUD

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not self.env.is_superuser():
                vals["user_id"] = self.env.uid
        return super().create(vals_list)

    def write(self, vals):
        if "user_id" in vals and not self.env.is_superuser():
            raise ValidationError(self.env._("A subscription sees as the user who made it."))
        return super().write(vals)

    # ------------------------------------------------------------------ actions

    def action_rotate_secret(self):
        """New secret; the current one stays valid for SECRET_GRACE_HOURS.

        :returns: {"secret": the new secret, "previous_valid_until": UTC date-time} of the
            last webhook (the caller's way to learn the secret).
        """
        self.check_access("write")
        result = {}
        for webhook in self:
            end = fields.Datetime.now() + timedelta(hours=SECRET_GRACE_HOURS)
            new_secret = self._default_secret()
            webhook.sudo().write({
                "secret_previous": webhook.sudo().secret,
                "date_secret_previous_end": end,
                "secret": new_secret,
            })
            result = {"secret": new_secret,
                      "previous_valid_until": fields.Datetime.to_string(end)}
        return result

    # ------------------------------------------------------------------ business

    def _get_signature_header(self, timestamp, body):
        """``v1=<hex>`` by the secret, plus ``,v1=<hex>`` by the previous one in its grace."""
        self.ensure_one()
        webhook = self.sudo()
        signatures = [sign(webhook.secret, timestamp, body)]
        if webhook.secret_previous and webhook.date_secret_previous_end and (
                webhook.date_secret_previous_end > fields.Datetime.now()):
            signatures.append(sign(webhook.secret_previous, timestamp, body))
        return ",".join(f"v1={signature}" for signature in signatures)

    @api.model
    def _enqueue_deliveries(self, changes):
        """Queue one delivery per (feed entry, subscription that wants its event)."""
        webhooks = self.sudo().search([])
        if not webhooks:
            return self.env["claims.webhook.delivery"]
        vals_list = []
        for change in changes:
            kind = change.kind
            if kind == "payment_state_changed":
                kind = "payment_paid" if (change.data or {}).get("state") == "paid" else None
            if kind not in EVENTS:
                continue
            flag, event = EVENTS[kind]
            claim_company = change.claim_id.company_id
            for webhook in webhooks:
                if not webhook[flag] or not claim_company.parent_path.startswith(
                        webhook.company_id.parent_path):
                    continue
                if not change.claim_id.with_user(webhook.user_id).has_access("read"):
                    continue
                vals_list.append({"webhook_id": webhook.id, "change_id": change.id,
                                  "event": event})
        deliveries = self.env["claims.webhook.delivery"].sudo().create(vals_list)
        deliveries._enqueue()
        return deliveries
