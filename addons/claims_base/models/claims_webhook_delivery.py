# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import ipaddress
import json
import logging
import socket
import time
import uuid
from urllib.parse import urlsplit

import requests

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.queue_job.exception import RetryableJobError

_logger = logging.getLogger(__name__)

# Answers worth another try; any other 4xx is the receiver refusing this delivery for good.
RETRYABLE_STATUSES = {408, 425, 429}
MAX_ATTEMPTS = 10
DELIVERY_STATES = [("pending", "Pending"), ("done", "Delivered"), ("error", "Failed")]
# System parameter that lets webhooks reach loopback and private networks (tests, intranets).
ALLOW_PRIVATE_PARAM = "claims_base.webhook_allow_private_hosts"


class ClaimsWebhookDelivery(models.Model):
    """One event sent to one webhook subscription, with its attempts.

    A delivery is a POST of a JSON body to the subscription's URL with these headers:

    * ``X-Claims-Event``: ``claim.created``, ``claim.stage_changed``, ``claim.document_added``
      or ``payment.paid``;
    * ``X-Claims-Delivery``: this delivery's UUID, the same on every attempt (receivers
      ignore a UUID they already processed);
    * ``X-Claims-Timestamp``: Unix time of this attempt, in seconds;
    * ``X-Claims-Signature``: ``v1=<hex>``, the HMAC-SHA256 of ``<timestamp>.<body>`` under the
      subscription's secret; while a rotated secret is in its grace period a second
      ``,v1=<hex>`` by the previous secret follows. A receiver accepts the delivery when one of
      them matches one of the secrets it holds (compared in constant time) and rejects it when
      the timestamp is more than 5 minutes away from its clock (the replay window): a captured
      request cannot be played again later, and each retry is signed afresh.

    Deliveries go to public addresses only: a URL that resolves to a loopback, private,
    link-local or reserved address fails at once (a partner must not make the server call its
    own network), unless the system parameter ``claims_base.webhook_allow_private_hosts`` is
    set.

    The body is built at the first attempt and kept, so retries send the same bytes. Any 2xx
    answer delivers. A timeout, a connection error, 408/425/429 or 5xx is retried by queue_job
    with this backoff (``job_function_claims_webhook_delivery_send`` in data): 10 s after the
    first failure, 30 s, 1 min, 5 min, 15 min, then every hour, at most MAX_ATTEMPTS attempts
    (about 6 hours); another 4xx fails the delivery at once. A failed delivery can be sent again
    with "Retry".

    This record is the delivery's exchange log entry: ``_record_attempt`` is the one place that
    writes it, in a transaction of its own so that attempts survive the job's rollback.
    """

    _name = "claims.webhook.delivery"
    _description = "Webhook delivery"
    _order = "id desc"

    webhook_id = fields.Many2one(
        "claims.webhook", required=True, readonly=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="webhook_id.company_id", store=True, index=True)
    change_id = fields.Many2one("claims.change", readonly=True, ondelete="set null")
    claim_id = fields.Many2one(related="change_id.claim_id", store=True, index=True)
    event = fields.Char(required=True, readonly=True)
    uuid = fields.Char(
        string="Delivery id", required=True, readonly=True, copy=False,
        default=lambda self: str(uuid.uuid4()),
    )
    state = fields.Selection(DELIVERY_STATES, default="pending", required=True, readonly=True)
    body = fields.Text(readonly=True)
    attempt_count = fields.Integer(string="Attempts", readonly=True)
    response_status = fields.Integer(string="Last HTTP status", readonly=True)
    error = fields.Text(string="Last error", readonly=True)
    date_last_attempt = fields.Datetime(readonly=True)
    date_done = fields.Datetime(string="Delivered on", readonly=True)

    _uuid_unique = models.Constraint("UNIQUE (uuid)", "A delivery id is unique.")

    # ------------------------------------------------------------------ CRUD

    @api.model_create_multi
    @api.private
    def create(self, vals_list):
        """Deliveries come from events (claims.webhook._enqueue_deliveries) only."""
        return super().create(vals_list)

    # ------------------------------------------------------------------ actions

    def action_retry(self):
        """Send failed deliveries again (a new job, attempts go on counting)."""
        self.check_access("write")
        failed = self.filtered(lambda delivery: delivery.state == "error")
        if failed != self:
            raise UserError(self.env._("Only failed deliveries are sent again."))
        failed.sudo().write({"state": "pending"})
        failed.sudo()._enqueue()
        return True

    # ------------------------------------------------------------------ job

    def _enqueue(self):
        for delivery in self:
            delivery.with_delay(
                max_retries=MAX_ATTEMPTS,
                description=f"Webhook {delivery.event} to {delivery.webhook_id.name}",
            )._send()

    def _send(self):
        """Job: one attempt. Raises RetryableJobError for the failures worth retrying."""
        self.ensure_one()
        delivery = self.sudo()
        if delivery.state == "done":
            return "already delivered"
        webhook = delivery.webhook_id
        if not delivery.body and delivery.change_id and not delivery.change_id.number:
            # Its writer committed a moment ago and numbers it right now: the body carries the
            # feed number, so wait for it (not counted as an attempt).
            raise RetryableJobError("feed entry not numbered yet", seconds=2, ignore_retry=True)
        body = (delivery.body or delivery._build_body()).encode()
        timestamp = int(time.time())
        headers = {
            "Content-Type": "application/json",
            "User-Agent": "claims-suite-webhooks/1",
            "X-Claims-Event": delivery.event,
            "X-Claims-Delivery": delivery.uuid,
            "X-Claims-Timestamp": str(timestamp),
            "X-Claims-Signature": webhook._get_signature_header(timestamp, body),
        }
        values = {"body": body.decode(), "attempt_count": delivery.attempt_count + 1,
                  "date_last_attempt": fields.Datetime.now()}
        refusal = delivery._get_destination_refusal()
        if refusal:
            delivery._record_attempt(dict(values, state="error", error=refusal))
            return refusal
        try:
            response = requests.post(webhook.url, data=body, headers=headers,
                                     timeout=webhook.timeout, allow_redirects=False)
        except requests.RequestException as error:
            delivery._record_attempt(dict(values, response_status=0, error=str(error)))
            raise RetryableJobError(f"webhook {delivery.uuid}: {error}") from error
        values["response_status"] = response.status_code
        if 200 <= response.status_code < 300:
            delivery._record_attempt(dict(values, state="done", error=False,
                                          date_done=fields.Datetime.now()))
            return f"delivered: HTTP {response.status_code}"
        error = f"HTTP {response.status_code}: {response.text[:500]}"
        if response.status_code >= 500 or response.status_code in RETRYABLE_STATUSES:
            delivery._record_attempt(dict(values, error=error))
            raise RetryableJobError(f"webhook {delivery.uuid}: {error}")
        delivery._record_attempt(dict(values, state="error", error=error))
        return f"refused for good: {error}"

    def _get_destination_refusal(self):
        """Why the URL's host may not be called (a text), or False when it may."""
        self.ensure_one()
        if self.env["ir.config_parameter"].sudo().get_param(ALLOW_PRIVATE_PARAM):
            return False
        host = urlsplit(self.webhook_id.url).hostname or ""
        try:
            addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
        except (OSError, UnicodeError) as error:
            raise RetryableJobError(f"webhook {self.uuid}: cannot resolve {host}: {error}") from error
        for address in addresses:
            ip = ipaddress.ip_address(address.split("%")[0])
            if not ip.is_global or ip.is_multicast:
                return self.env._(
                    "Refused: %(host)s resolves to %(ip)s, which is not a public address.",
                    host=host, ip=address)
        return False

    def _build_body(self):
        self.ensure_one()
        change = self.change_id
        claim = change.claim_id
        return json.dumps({
            "id": self.uuid,
            "event": self.event,
            "created": fields.Datetime.to_string(change.date or fields.Datetime.now()),
            "claim": {"id": claim.id, "name": claim.name, "company_id": claim.company_id.id},
            "change": change._prepare_feed_values() if change else None,
        }, sort_keys=True)

    def _record_attempt(self, values):
        """Write an attempt on this delivery in its own committed transaction.

        The job's transaction is rolled back when the attempt is retried, so the attempt is
        written beside it. The one place to switch when deliveries move to the exchange log.
        """
        self.ensure_one()
        with self.env.registry.cursor() as cr:
            self.with_env(self.env(cr=cr, su=True)).write(values)
        self.invalidate_recordset()
