# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import html_escape

from odoo.addons.queue_job.exception import RetryableJobError

from ..connector.exceptions import PermanentError, RetryableError

_logger = logging.getLogger(__name__)

STATES = [
    ("pending", "Pending"),
    ("done", "Done"),
    ("error", "Failed"),
    ("skipped", "Skipped"),
]
DIRECTIONS = [("in", "Inbound"), ("out", "Outbound")]
INTEGRATION_GROUP = "claims_connector.group_claims_integration"
# Payloads and error texts hold personal data: integration admins read them, claims users do
# not (claims_api adds partner systems, for the deliveries of their own webhooks).
PAYLOAD_GROUP = INTEGRATION_GROUP


class ClaimsExchange(models.Model):
    """One message in or out of a connector, and what became of it.

    Rights: claims users read the exchanges of their companies; integration admins also retry
    failed ones (checked in ``action_retry``). Jobs write the log through the framework's own
    code (sudo), whatever user they run as.

    Lifecycle: created ``pending`` with its job; the job (``_job_process``) asks the backend to
    do the work in a savepoint: success → ``done``; ``PermanentError`` → ``error`` at once;
    ``RetryableError`` → the job is retried following the job function's retry pattern
    (queue_job), each try counted in ``attempts`` (see ``queue_job.py``), and ``error`` once the
    retries run out. A connector marks ``skipped`` what it deliberately does not do.
    """

    _name = "claims.exchange"
    _description = "Connector exchange"
    _order = "id desc"
    _rec_name = "display_name"

    # The backend and the message
    backend_model = fields.Char(required=True, readonly=True, index=True)
    backend_id = fields.Many2oneReference(
        string="Backend id", model_field="backend_model", required=True, readonly=True,
        index=True,
    )
    backend_ref = fields.Reference(
        selection="_selection_backend_models", string="Backend", compute="_compute_backend_ref"
    )
    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    direction = fields.Selection(DIRECTIONS, required=True, readonly=True)
    kind = fields.Char(required=True, readonly=True, help="What the message is, e.g. claim.")
    external_id = fields.Char(
        readonly=True, index="btree_not_null", help="The id of the object in the other system."
    )
    message_id = fields.Char(
        readonly=True, help="Id of an inbound message: unique per backend and kind."
    )
    batch = fields.Char(readonly=True, index="btree_not_null", help="The run that made it.")
    # The business record
    res_model = fields.Char(string="Record model", readonly=True, index=True)
    res_id = fields.Many2oneReference(string="Record id", model_field="res_model", readonly=True)
    record_ref = fields.Reference(
        selection="_selection_record_models", string="Record", compute="_compute_record_ref"
    )
    # What became of it
    state = fields.Selection(STATES, default="pending", required=True, readonly=True, index=True)
    attempts = fields.Integer(readonly=True)
    error_text = fields.Text(readonly=True, groups=PAYLOAD_GROUP)
    error_kind = fields.Char(readonly=True)
    summary = fields.Char(readonly=True, help="What was done, or why it was skipped.")
    date_done = fields.Datetime(string="Finished", readonly=True)
    date_notified = fields.Date(readonly=True, copy=False)
    payload_attachment_id = fields.Many2one(
        "ir.attachment", string="Payload", readonly=True, groups=PAYLOAD_GROUP)
    payload_name = fields.Char(
        related="payload_attachment_id.name", string="Payload file", groups=PAYLOAD_GROUP)
    payload = fields.Binary(
        related="payload_attachment_id.datas", string="Payload content", groups=PAYLOAD_GROUP)
    job_uuid = fields.Char(string="Job", readonly=True, index="btree_not_null", copy=False)

    _message_unique = models.UniqueIndex(
        "(backend_model, backend_id, kind, message_id) WHERE message_id IS NOT NULL",
        "This message was already received from this backend.",
    )

    # ------------------------------------------------------------------ computes

    @api.model
    def _selection_backend_models(self):
        registry = self.env.registry
        return [
            (name, registry[name]._description)
            for name in registry.descendants(["claims.backend.mixin"], "_inherit")
            if not registry[name]._abstract
        ]

    @api.model
    def _selection_record_models(self):
        return [(model.model, model.name) for model in self.env["ir.model"].sudo().search([])]

    @api.depends("backend_model", "backend_id")
    def _compute_backend_ref(self):
        for exchange in self:
            exchange.backend_ref = (
                f"{exchange.backend_model},{exchange.backend_id}"
                if exchange.backend_model in self.env and exchange.backend_id
                else False
            )

    @api.depends("res_model", "res_id")
    def _compute_record_ref(self):
        for exchange in self:
            exchange.record_ref = (
                f"{exchange.res_model},{exchange.res_id}"
                if exchange.res_model in self.env and exchange.res_id
                else False
            )

    @api.depends("kind", "direction", "external_id")
    def _compute_display_name(self):
        labels = dict(DIRECTIONS)
        for exchange in self:
            exchange.display_name = " ".join(
                part for part in (
                    labels.get(exchange.direction), exchange.kind,
                    exchange.external_id or f"#{exchange.id or ''}",
                ) if part
            )

    # ------------------------------------------------------------------ actions

    def action_retry(self):
        """Send failed exchanges through their job again (integration admins)."""
        if not self.env.user.has_group(INTEGRATION_GROUP):
            raise AccessError(self.env._("Only integration admins may retry exchanges."))
        self.check_access("read")
        not_failed = self.filtered(lambda e: e.state != "error")
        if not_failed:
            raise UserError(self.env._("Only failed exchanges can be retried."))
        exchanges_sudo = self.sudo()
        exchanges_sudo.write({"state": "pending", "error_text": False, "error_kind": False})
        exchanges_sudo._enqueue()
        return True

    def action_open_record(self):
        self.ensure_one()
        if not self.record_ref:
            return False
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
        }

    # ------------------------------------------------------------------ framework API

    @api.model
    def _create_for(self, backend, vals_list):
        """Create exchanges of ``backend`` (framework code: sudo, company of the backend)."""
        return self.sudo().create([{
            "backend_model": backend._name,
            "backend_id": backend.id,
            "company_id": backend.company_id.id,
            **vals,
        } for vals in vals_list])

    def _get_backend(self):
        self.ensure_one()
        return self.env[self.backend_model].browse(self.backend_id)

    def _enqueue(self, **properties):
        """One job per exchange, run as the backend's user."""
        jobs = []
        for exchange in self:
            backend = exchange.sudo()._get_backend()
            user = backend.user_id or self.env.user
            job = exchange.with_user(user).with_company(exchange.company_id).with_delay(
                description=f"{backend.display_name}: {exchange.display_name}",
                **{**backend._get_exchange_job_properties(), **properties},
            )._job_process()
            exchange.sudo().job_uuid = job.uuid
            jobs.append(job)
        return jobs

    def _set_payload(self, content, filename):
        """Keep the raw message as an attachment of the exchange."""
        attachment = self.env["ir.attachment"].sudo().create(
            self._payload_values(content, filename))
        self.sudo().payload_attachment_id = attachment
        return attachment

    def _payload_values(self, content, filename):
        """Values of the payload attachment, for a connector that creates it in a batch of
        its own attachments (then sets ``payload_attachment_id``)."""
        self.ensure_one()
        if isinstance(content, str):
            content = content.encode()
        # a field's attachment: Odoo checks the field's groups before serving it
        return {"name": filename, "raw": content, "res_model": self._name, "res_id": self.id,
                "res_field": "payload"}

    def _set_done(self, record=None, summary=None, **values):
        values.update(state="done", date_done=fields.Datetime.now(), error_text=False,
                      error_kind=False)
        if record:
            values.update(res_model=record._name, res_id=record.id)
        if summary:
            values["summary"] = summary
        self.sudo().write(values)

    def _set_skipped(self, reason, record=None):
        values = {"state": "skipped", "date_done": fields.Datetime.now(), "summary": reason}
        if record:
            values.update(res_model=record._name, res_id=record.id)
        self.sudo().write(values)

    def _set_error(self, message, kind="error"):
        """Put exchanges in error and tell people (chatter of the record, backend's address)."""
        self.sudo().write({
            "state": "error", "error_text": message, "error_kind": kind or "error",
            "date_done": fields.Datetime.now(),
        })
        for exchange in self:
            exchange.sudo()._notify_error()

    # ------------------------------------------------------------------ job

    def _job_process(self):
        """Job: do the work of one exchange through its backend."""
        self.ensure_one()
        # The log is the framework's: read as superuser, since the job's user may no longer
        # read it (a webhook's user archived or out of its group: the backend skips the work).
        exchange_sudo = self.sudo()
        if exchange_sudo.state != "pending":
            return f"nothing to do: exchange is {exchange_sudo.state}"
        backend = self._get_backend()
        # counted after the work, so that it goes out in the same UPDATE as the outcome
        attempts = exchange_sudo.attempts + 1
        try:
            with self.env.cr.savepoint():
                record = backend._process_exchange(self)
                if exchange_sudo.state == "pending":
                    # with the work's own writes to the exchange (its payload): one UPDATE
                    self._set_done(record or None, attempts=attempts)
        except RetryableError as err:
            exchange_sudo.write({"attempts": attempts, "error_text": str(err)})
            raise RetryableJobError(str(err), seconds=err.retry_after) from err
        except PermanentError as err:
            exchange_sudo.attempts = attempts
            if err.payload and not exchange_sudo.payload_attachment_id:
                self._set_payload(err.payload, f"{exchange_sudo.external_id or self.id}.refused")
            self._set_error(str(err), err.kind)
            return f"error: {err}"
        if exchange_sudo.attempts != attempts:
            exchange_sudo.attempts = attempts
        return f"{exchange_sudo.state}: {exchange_sudo.summary or exchange_sudo.display_name}"

    def _on_job_postponed(self, retry, message):
        """queue_job postponed our job after a RetryableError: count the try."""
        self.sudo().write({"attempts": max(retry, 1), "error_text": message})

    def _on_job_failed(self, message):
        """queue_job gave up (retries exhausted, or an unexpected exception)."""
        self.filtered(lambda e: e.state == "pending")._set_error(message, "retries_exhausted")

    # ------------------------------------------------------------------ notifications

    def _notify_error(self):
        """Post on the linked record's chatter; mail the backend once per error kind per day."""
        self.ensure_one()
        body = self.env._(
            "%(exchange)s failed: %(error)s", exchange=self.display_name, error=self.error_text
        )
        record = self.record_ref
        backend = self._get_backend().sudo()
        target = record if record and hasattr(record, "message_post") else backend
        if hasattr(target, "message_post"):
            target.sudo().message_post(
                body=html_escape(body), message_type="notification",
                subtype_xmlid="mail.mt_note",
            )
        if not backend.notification_email:
            return
        today = fields.Date.context_today(self)
        already = self.search_count([
            ("backend_model", "=", self.backend_model),
            ("backend_id", "=", self.backend_id),
            ("error_kind", "=", self.error_kind),
            ("date_notified", "=", today),
        ], limit=1)
        if already:
            return
        self.date_notified = today
        self.env["mail.mail"].sudo().create({
            "subject": self.env._(
                "%(backend)s: %(kind)s errors", backend=backend.display_name, kind=self.error_kind
            ),
            "body_html": Markup("<p>%s</p><p>%s</p>") % (
                body,
                self.env._("Further errors of this kind today are in the exchange log only."),
            ),
            "email_to": backend.notification_email,
            "auto_delete": False,
        })

    # ------------------------------------------------------------------ housekeeping

    @api.autovacuum
    def _gc_done_exchanges(self):
        """Drop done and skipped exchanges after 180 days (their records keep the result)."""
        limit = fields.Datetime.now() - timedelta(days=180)
        self.sudo().search(
            [("state", "in", ("done", "skipped")), ("date_done", "<", limit)], limit=10000
        ).unlink()
