# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import contextlib
import json
import threading

from psycopg2.errors import UniqueViolation

from odoo import Command, fields, models

from odoo.addons.queue_job.exception import RetryableJobError

from .. import mapping
from ..client import OpusClient, OpusPermanentError, OpusRetryableError
from ..robot import RobotThread

# The robot of each backend during a run, per thread (Playwright's sync API stays in the
# thread that started it): {(database, backend id): OpusClient}.
_RUN = threading.local()


def _default_status_stages(env):
    rows = []
    for status, xmlid in mapping.DEFAULT_STATUS_STAGES.items():
        stage = env.ref(xmlid, raise_if_not_found=False)
        if stage:
            rows.append(Command.create({"name": status, "stage_id": stage.id}))
    return rows


class ClaimsOpusBackend(models.Model):
    """A repairer's account on IAG Opus, worked by a browser robot.

    Rights as in ``claims.backend.mixin``: claims users read the settings, integration admins
    edit them (the status mapping too) and read the credentials. The scheduled action enqueues
    one poll per due backend; a poll is one run of the robot in one browser session: it reads
    the allocations list (every page), imports each allocation not yet bound (one exchange
    each), applies each status change (one exchange each) and reads the KPI targets.
    Outbound steps (jobs, updates, KPI dates, documents) are one exchange and one job each.
    """

    _name = "claims.opus.backend"
    _description = "Opus backend"
    _inherit = ["claims.backend.mixin"]

    endpoint = fields.Char(string="Portal URL", help="e.g. https://opus.example.com.au")
    chromium_path = fields.Char(
        string="Chromium executable", required=True, default="/usr/bin/chromium",
        help="The robot drives this Chromium, headless; no browser is downloaded.",
    )
    claim_type_id = fields.Many2one(
        "claims.claim.type", string="Claim type", check_company=True,
        default=lambda self: self.env.ref("claims_opus.claims_claim_type_iag",
                                          raise_if_not_found=False),
        help="The type of the claims made from allocations.",
    )
    status_stage_ids = fields.One2many(
        "claims.opus.status.stage", "backend_id", string="Status mapping",
        default=lambda self: _default_status_stages(self.env),
        help="Each Opus status moves the claim to this stage; a status that is not listed "
        "leaves the claim where it is, and says so.",
    )
    # Customer contact flow on a new allocation
    contact_on_allocation = fields.Boolean(
        string="Contact the policyholder on a new allocation", tracking=True,
        help="Sends the template below to the policyholder when an allocation becomes a claim.",
    )
    contact_template_id = fields.Many2one(
        "mail.template", string="Mail template", domain=[("model", "=", "claims.claim")],
        default=lambda self: self.env.ref("claims_opus.mail_template_opus_first_contact",
                                          raise_if_not_found=False),
    )
    contact_sms = fields.Boolean(
        string="Also by SMS",
        help="With Odoo's SMS app installed, the text below goes to the policyholder's mobile.",
    )
    contact_sms_text = fields.Text(string="SMS text")
    has_sms = fields.Boolean(compute="_compute_has_sms")
    kpi_target_count = fields.Integer(compute="_compute_kpi_target_count")

    def _compute_has_sms(self):
        has_sms = "sms.sms" in self.env
        for backend in self:
            backend.has_sms = has_sms

    def _compute_kpi_target_count(self):
        counts = dict(self.env["claims.opus.kpi.target"]._read_group(
            [("backend_id", "in", self.ids), ("is_breaching_soon", "=", True)],
            ["backend_id"], ["__count"]))
        for backend in self:
            backend.kpi_target_count = counts.get(backend, 0)

    # ------------------------------------------------------------------ the robot

    @contextlib.contextmanager
    def _opus_session(self):
        """The robot of this backend for a run: the run's own when one is open in this
        thread, else a new browser session closed at the end of the block."""
        self.ensure_one()
        clients = _RUN.__dict__.setdefault("clients", {})
        key = (self.env.cr.dbname, self.id)
        if key in clients:
            yield clients[key]
            return
        login, password = self._get_credentials()
        client = RobotThread(OpusClient(
            self.endpoint, login, password, chromium_path=self.chromium_path,
            timeout=self.timeout or 30))
        clients[key] = client
        try:
            yield client
        finally:
            clients.pop(key, None)
            client.close()

    def _status_table(self):
        """{Opus status: stage id} of the backend's mapping."""
        return {row.name: row.stage_id.id for row in self.sudo().status_stage_ids}

    # ------------------------------------------------------------------ connector hooks

    def _poll(self):
        """One run: the list, new allocations, status changes, KPI targets."""
        self.ensure_one()
        try:
            with self._opus_session() as client:
                return self._run(client)
        except OpusPermanentError as err:
            self._record_failure("allocations", err)
            return str(err)

    def _run(self, client):
        rows = client.list_allocations()
        batch = self._new_batch()
        new = self._create_allocation_exchanges(rows, batch)
        changes = self._create_status_exchanges(rows, batch)
        for exchange in new + changes:
            self._run_in_this_session(exchange)
        targets = self._read_kpi_targets(client)
        self._mark_success()
        return self.env._(
            "%(rows)s allocations listed: %(new)s new, %(changes)s status changes, "
            "%(targets)s KPI targets (batch %(batch)s)", rows=len(rows), new=len(new),
            changes=len(changes), targets=targets, batch=batch)

    def _process_exchange(self, exchange):
        importer = self.env["claims.opus.importer"]
        handlers = {
            "allocation": importer._import_allocation,
            "status": importer._apply_status,
        }
        handler = handlers.get(exchange.kind) or self._outbound_handler(exchange.kind)
        if not handler:
            return super()._process_exchange(exchange)
        try:
            with self._opus_session() as client:
                return handler(self, exchange, client)
        except (OpusPermanentError, OpusRetryableError) as err:
            exchange._keep_evidence(err)
            raise

    def _outbound_handler(self, kind):
        """The method that sends an outbound exchange of this kind."""
        if kind.startswith("job_"):
            return self.env["claims.opus.job"]._send_exchange
        return {
            "completion_update": self.env["claims.opus.job.update"]._send_exchange,
            "kpis": self.env["claims.claim"]._send_kpis_exchange,
            "upload": self.env["claims.document"]._send_upload_exchange,
        }.get(kind)

    def _get_exchange_job_properties(self):
        return {"max_retries": 5}

    # ------------------------------------------------------------------ the run

    def _create_allocation_exchanges(self, rows, batch):
        """One exchange per listed allocation that is neither bound nor already received;
        the database refuses a second one of an allocation (message id), so a run that
        overlaps another creates none of the other's."""
        ids = [row["allocation_id"] for row in rows]
        bound = set(self.env["claims.binding"]._find(self, "claims.claim", ids)
                    .mapped("external_id"))
        Exchange = self.env["claims.exchange"].sudo()
        known = set(Exchange.search([
            ("backend_model", "=", self._name), ("backend_id", "=", self.id),
            ("kind", "=", "allocation"), ("message_id", "in", ids),
        ]).mapped("message_id"))
        exchanges = []
        for allocation_id in ids:
            if allocation_id in bound or allocation_id in known:
                continue
            try:
                with self.env.cr.savepoint():
                    exchange = Exchange._create_for(self, [{
                        "direction": "in", "kind": "allocation", "external_id": allocation_id,
                        "message_id": allocation_id, "batch": batch}])
                    exchange.flush_recordset()
            except UniqueViolation:
                continue  # another run has it
            exchanges.append(exchange)
        # what a run that stopped midway left pending (its exchanges have no job)
        exchanges += list(Exchange.search([
            ("backend_model", "=", self._name), ("backend_id", "=", self.id),
            ("kind", "=", "allocation"), ("state", "=", "pending"), ("job_uuid", "=", False),
            ("id", "not in", [e.id for e in exchanges]),
        ]))
        return exchanges

    def _create_status_exchanges(self, rows, batch):
        """One exchange per bound allocation whose listed status differs from its claim's."""
        listed = {row["allocation_id"]: row["status"] for row in rows}
        bindings = self.env["claims.binding"]._find(self, "claims.claim", list(listed))
        claims = self.env["claims.claim"].sudo().with_context(active_test=False).browse(
            bindings.mapped("res_id")).exists()
        status_of = {claim.id: claim.opus_status for claim in claims}
        values, statuses = [], []
        for binding in bindings:
            status, current = listed[binding.external_id], status_of.get(binding.res_id)
            if binding.res_id in status_of and (
                    mapping.normalize_status(status) != mapping.normalize_status(current)):
                values.append({"direction": "in", "kind": "status", "batch": batch,
                               "external_id": binding.external_id,
                               "res_model": "claims.claim", "res_id": binding.res_id,
                               "summary": self.env._("%(old)s → %(new)s",
                                                     old=current or "-", new=status)})
                statuses.append(status)
        exchanges = self.env["claims.exchange"]._create_for(self, values)
        for exchange, status in zip(exchanges, statuses, strict=True):
            exchange._set_payload(json.dumps({"status": status}),
                                  f"{exchange.external_id}-status.json")
        return list(exchanges)

    def _run_in_this_session(self, exchange):
        """Process an exchange now, in the run's browser session; a retryable failure goes
        to its own job, retried later."""
        exchange = exchange.sudo(False)
        try:
            exchange._job_process()
        except RetryableJobError:
            exchange._write_evidence()  # the page of this try, kept with the run
            exchange._enqueue()

    def _read_kpi_targets(self, client):
        """Replace the backend's KPI targets by Opus's own; the count read."""
        try:
            rows = client.read_kpi_targets()
        except OpusPermanentError as err:
            self._record_failure("kpi_targets", err)
            return 0
        except OpusRetryableError:
            return 0  # the next run reads them
        return self.env["claims.opus.kpi.target"]._replace(self, mapping.parse_kpi_targets(rows))

    def _record_failure(self, kind, err):
        """A failed reading of the run, logged as a failed exchange with its evidence."""
        exchange = self.env["claims.exchange"]._create_for(self, [{
            "direction": "in", "kind": kind, "batch": self._new_batch()}])
        exchange._keep_evidence(err)
        exchange._set_error(str(err), err.kind)
        return exchange

    # ------------------------------------------------------------------ actions

    def action_view_kpi_targets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "claims_opus.claims_opus_kpi_target_action")
        action["domain"] = [("backend_id", "=", self.id)]
        return action
