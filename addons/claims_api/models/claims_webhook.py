# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import logging
import secrets
import uuid
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import str2bool

from odoo.addons.claims_connector.connector.exceptions import RetryableError

from ..webhook_client import (
    MAX_ATTEMPTS,
    RefusedDestination,
    deliver,
    get_destination,
    signature_header,
)

_logger = logging.getLogger(__name__)

# Feed entry kind -> (subscription flag, event name sent to the partner).
EVENTS = {
    "claim_created": ("on_claim_created", "claim.created"),
    "stage_changed": ("on_stage_changed", "claim.stage_changed"),
    "document_added": ("on_document_added", "claim.document_added"),
    "payment_paid": ("on_payment_paid", "payment.paid"),
}
SECRET_GRACE_HOURS = 24
# System parameter that lets webhooks reach loopback and private networks (tests, intranets).
ALLOW_PRIVATE_PARAM = "claims_api.webhook_allow_private_hosts"
# The group of partner systems: a subscription delivers while its user is active and in it.
API_GROUP = "claims_api.group_claims_api"
WEBHOOK_CHANNEL = "root.claims_webhook"


class ClaimsWebhook(models.Model):
    """A partner's subscription of one URL to claim events: a connector backend.

    Each event is one outbound ``claims.exchange`` of this backend (kind: the event, external
    id: the delivery id, record: the claim, payload: the JSON body as an attachment), sent by
    the framework's queue_job job (``claims.exchange._job_process``) which calls
    ``_process_exchange``. So deliveries are in the exchange log with every other message,
    counted, retried from the UI, and reported as other exchanges (chatter of the claim, mail
    to the notification address).

    A delivery is a POST of the payload with these headers:

    * ``X-Claims-Event``: ``claim.created``, ``claim.stage_changed``, ``claim.document_added``
      or ``payment.paid``;
    * ``X-Claims-Delivery``: the delivery id, the same on every attempt (receivers ignore an
      id they already processed);
    * ``X-Claims-Timestamp``: Unix time of this attempt, in seconds;
    * ``X-Claims-Signature``: ``v1=<hex>``, the HMAC-SHA256 of ``<timestamp>.<body>`` under the
      secret; while a rotated secret is in its grace period a second ``,v1=<hex>`` by the
      previous secret follows. A receiver accepts when one of them matches one of the secrets
      it holds (compared in constant time) and rejects a timestamp more than 5 minutes away
      from its clock (the replay window): each retry is signed afresh.

    The exchanges of a feed entry are made when the entry gets its number (``claims.change.
    _assign_numbers``, after the writer's commit), so the body carries that number and is
    stored once: retries send the same bytes. Any 2xx delivers. A timeout, a connection error,
    408/425/429 or 5xx raises ``RetryableError``: the next try comes 10 s after the first
    failure, then 30 s, 1 min, 5 min, 15 min, then hourly (``webhook_client.BACKOFF``; a
    ``Retry-After`` of the receiver wins, up to an hour), MAX_ATTEMPTS attempts in all (about
    6 hours). Another answer raises ``PermanentError``: the exchange fails at once; a 3xx too,
    as redirects are not followed. Of an answer only its status and, when it is not 2xx, its
    first bytes (``webhook_client.MAX_ANSWER_BYTES``) are kept, in the exchange's error text.

    Deliveries go to public addresses only, unless the system parameter ALLOW_PRIVATE_PARAM
    is set: the URL is checked when it is saved and again by each delivery, which resolves
    the host once and connects to the address it checked (``webhook_client.get_destination``).
    A URL with user info, a backslash or an unclear host or port is refused.

    Only events on claims that the subscription's user may read are sent, so a webhook
    follows the same record rules as the UI and the API; nothing is sent once the
    subscription is archived, or its user is archived or leaves the partner-system group
    (API_GROUP): its pending deliveries are skipped, with the reason. ``action_rotate_secret``
    makes a new secret and keeps the old one valid for SECRET_GRACE_HOURS.

    Rights (``security/claims_webhook_security.xml``, within the company rule):

    ================================  ===========================================
    Partner system (API group)        its own subscriptions (``user_id``): all
                                      rights, their secrets
    Integration admin                 every subscription of its companies: all
                                      rights, their secrets
    Claims manager                    every subscription of its companies: read,
                                      not the secrets
    ================================  ===========================================
    """

    _name = "claims.webhook"
    _inherit = ["claims.backend.mixin"]
    _description = "Webhook subscription"
    _order = "id"
    # Deliveries say nothing of a claim's synchronisation with its insurer: keep them out of
    # the claim's sync badge (claims.exchange.record.mixin).
    _exchange_sync_status = False

    url = fields.Char(string="URL", required=True, tracking=True)
    endpoint = fields.Char(related="url", required=False, tracking=False)
    user_id = fields.Many2one(
        "res.users",
        string="Sees as",
        help="Events are sent for the claims this user may read; the deliveries run as it.",
    )
    on_claim_created = fields.Boolean(string="Claim created", default=True)
    on_stage_changed = fields.Boolean(string="Stage changed", default=True)
    on_document_added = fields.Boolean(string="Document added", default=True)
    on_payment_paid = fields.Boolean(string="Payment paid", default=True)
    timeout = fields.Integer(
        string="Timeout (seconds)", default=10, help="Longer answers count as failed, retried."
    )
    secret = fields.Char(
        string="Signing secret",
        help="Signs every delivery (HMAC-SHA256).",
        readonly=True,
        copy=False,
        default=lambda self: self._default_secret(),
        groups="claims_api.group_claims_api",
    )
    secret_previous = fields.Char(
        readonly=True, copy=False, groups="claims_api.group_claims_api"
    )
    date_secret_previous_end = fields.Datetime(
        string="Previous secret valid until", readonly=True, copy=False
    )
    exchange_ids = fields.One2many(
        "claims.exchange",
        "backend_id",
        string="Deliveries",
        domain=[("backend_model", "=", "claims.webhook")],
        readonly=True,
    )

    def _default_secret(self):
        return secrets.token_hex(32)

    @api.constrains("url")
    def _check_url(self):
        """The URL is one clear absolute http(s) URL, and its host resolves to public
        addresses only (unless ALLOW_PRIVATE_PARAM); a host that does not resolve yet is
        accepted, each delivery checks again."""
        allow_private = self._is_private_hosts_allowed()
        for webhook in self:
            try:
                get_destination(webhook.url or "", allow_private=allow_private)
            except RefusedDestination as error:
                raise ValidationError(self.env._(
                    "Webhook URL %(url)s is refused. %(reason)s",
                    url=webhook.url, reason=error.message)) from error
            except RetryableError:
                continue

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

    # ------------------------------------------------------------------ connector backend

    def _poll(self):
        """Webhooks push, they never poll."""
        return False

    def _process_exchange(self, exchange):
        """Send one delivery (the job's work); raise RetryableError or PermanentError.

        Skipped, without a call, when the subscription may no longer deliver.
        """
        self.ensure_one()
        webhook_sudo = self.sudo()
        exchange_sudo = exchange.sudo()
        reason = webhook_sudo._get_stop_reason()
        if reason:
            exchange_sudo._set_skipped(reason)
            return exchange_sudo.record_ref
        status = deliver(
            webhook_sudo.url,
            exchange_sudo.payload_attachment_id.raw,
            exchange_sudo.kind,
            exchange_sudo.external_id,
            webhook_sudo._get_signing_secrets(),
            webhook_sudo.timeout,
            webhook_sudo._get_attempt_number(exchange_sudo),
            allow_private=self._is_private_hosts_allowed(),
        )
        exchange_sudo.summary = f"HTTP {status}"
        return exchange_sudo.record_ref

    # ------------------------------------------------------------------ business

    def _get_attempt_number(self, exchange):
        """Number of this try within its job (1 for the first), which sets the backoff.

        Read from the running queue_job job, so that "Retry" starts the schedule again;
        the exchange's attempts when there is no job (a direct call).
        """
        job_uuid = self.env.context.get("job_uuid")
        job = job_uuid and self.env["queue.job"].sudo().search([("uuid", "=", job_uuid)], limit=1)
        return job.retry + 1 if job else exchange.attempts

    def _get_signing_secrets(self):
        """The secret, then the previous one while its grace period lasts."""
        self.ensure_one()
        webhook = self.sudo()
        result = [webhook.secret]
        if webhook.secret_previous and webhook.date_secret_previous_end and (
                webhook.date_secret_previous_end > fields.Datetime.now()):
            result.append(webhook.secret_previous)
        return result

    def _get_signature_header(self, timestamp, body):
        """``v1=<hex>`` by the secret, plus ``,v1=<hex>`` by the previous one in its grace."""
        return signature_header(self._get_signing_secrets(), timestamp, body)

    def _is_private_hosts_allowed(self):
        """Whether ALLOW_PRIVATE_PARAM is on (1, true, yes): deliveries may reach loopback
        and private networks."""
        value = self.env["ir.config_parameter"].sudo().get_param(ALLOW_PRIVATE_PARAM)
        return str2bool(value or "", default=False)

    def _get_stop_reason(self):
        """Why this subscription may deliver nothing now (a text), or False when it may."""
        self.ensure_one()
        webhook = self.sudo()
        user = webhook.user_id
        if not webhook.active:
            return self.env._("Not sent: the subscription %(name)s is archived.",
                              name=webhook.name)
        if not user.active:
            return self.env._("Not sent: %(user)s, the user of the subscription, is archived.",
                              user=user.name)
        if not user.has_group(API_GROUP):
            return self.env._(
                "Not sent: %(user)s, the user of the subscription, is no longer a partner "
                "system (API).", user=user.name)
        return False

    @api.model
    def _enqueue_deliveries(self, changes):
        """One exchange and job per (numbered feed entry, subscription of these wanting its
        event). Called with the active subscriptions when the entries get their number, in
        that transaction. A subscription that may not deliver (``_get_stop_reason``) gets none.
        """
        webhooks = self.sudo().filtered(lambda webhook: not webhook._get_stop_reason())
        exchanges = self.env["claims.exchange"]
        for change in changes:
            kind = change.kind
            if kind == "payment_state_changed":
                kind = "payment_paid" if (change.data or {}).get("state") == "paid" else None
            if kind not in EVENTS:
                continue
            flag, event = EVENTS[kind]
            claim = change.claim_id
            for webhook in webhooks:
                if not webhook[flag] or not claim.company_id.parent_path.startswith(
                        webhook.company_id.parent_path):
                    continue
                if not claim.with_user(webhook.user_id).has_access("read"):
                    continue
                exchanges |= webhook._create_delivery(change, event)
        exchanges._enqueue()
        return exchanges

    def _get_exchange_job_properties(self):
        return {"max_retries": MAX_ATTEMPTS, "channel": WEBHOOK_CHANNEL}

    def _create_delivery(self, change, event):
        """The pending exchange of one event, its body stored as its payload."""
        self.ensure_one()
        delivery_id = str(uuid.uuid4())
        exchange = self.env["claims.exchange"]._create_for(self, [{
            "direction": "out",
            "kind": event,
            "external_id": delivery_id,
            "res_model": "claims.claim",
            "res_id": change.claim_id.id,
        }])
        claim = change.claim_id.sudo()
        body = json.dumps({
            "id": delivery_id,
            "event": event,
            "created": fields.Datetime.to_string(change.date),
            "claim": {"id": claim.id, "name": claim.name, "company_id": claim.company_id.id},
            "change": change._prepare_feed_values(),
        }, sort_keys=True)
        exchange._set_payload(body, f"{event}-{delivery_id}.json")
        return exchange
