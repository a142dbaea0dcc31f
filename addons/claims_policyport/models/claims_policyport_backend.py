# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..client import PolicyPortClient
from ..mapping import SYSTEM, claim_key
from .claims_policyport_claim_status import KIND as STATUS_KIND
from .claims_policyport_financials import OUT_KINDS as FINANCIAL_KINDS


class ClaimsPolicyportBackend(models.Model):
    """A PolicyPort account: its connection, its import options and its runs.

    Rights as in ``claims.backend.mixin``: claims users read, integration admins edit and
    read the credentials. The scheduled action (every 15 minutes) enqueues one poll job per
    due backend; the poll lists the claims assigned since the day before the last successful
    run and enqueues one import job per new claim.
    """

    _name = "claims.policyport.backend"
    _description = "PolicyPort backend"
    _inherit = ["claims.backend.mixin"]

    import_journals = fields.Boolean(
        string="Import journals as notes", help="Each PolicyPort journal becomes a claim note."
    )
    default_vendor_id = fields.Many2one(
        "res.partner", string="Default vendor", check_company=True,
        help="Added as vendor to every imported claim.",
    )
    claim_type_id = fields.Many2one("claims.claim.type", check_company=True,
                                    help="The type of the imported claims.")
    max_response_mb = fields.Integer(
        string="Largest answer (MB)", default=10, required=True, tracking=True,
        help="A PolicyPort answer larger than this is refused: its exchange fails for good "
        "with the reason, and is retried by hand once the cap is raised.",
    )
    # Financials (claims_policyport_financials.py, claims_policyport_drift.py)
    export_mode = fields.Selection(
        [("scheduled", "With the scheduled run"), ("asap", "As soon as possible")],
        string="Send reserves and payments", default="scheduled", required=True,
        tracking=True,
        help="With the scheduled run: every 15 minutes. As soon as possible: a job right after "
        "the change.",
    )
    export_voids = fields.Boolean(
        string="Send voids", default=False, tracking=True,
        help="A payment voided here is voided in PolicyPort when it had been sent. Off by "
        "default, as in PolicyPort's guide: the void is then made in PolicyPort too.",
    )
    date_vendors_imported = fields.Datetime(
        string="Vendor list read on", readonly=True, copy=False,
        help="The vendor list (the initial load) is read at the first run of a backend, and "
        "again with \"Import vendors\".",
    )
    export_claim_status = fields.Boolean(
        string="Send closing and reopening", default=True, tracking=True,
        help="A claim closed or reopened here is closed or reopened in PolicyPort (an "
        "operation of ours: PolicyPort's guide has it done by hand in both systems).",
    )
    drift_days = fields.Integer(
        string="Check claims closed within (days)", default=90, required=True, tracking=True,
        help="The daily check compares the open claims and those closed within these days.",
    )
    financials_cursor = fields.Date(
        string="Checks and voids read on", readonly=True, copy=False,
        help="The next run reads the checks and voids of PolicyPort since the day before.",
    )

    @api.constrains("drift_days")
    def _check_drift_days(self):
        """The daily check's window of closed claims is not negative."""
        if any(backend.drift_days < 0 for backend in self):
            raise ValidationError(self.env._(
                "The daily check reads claims closed within 0 days or more."))

    @api.constrains("max_response_mb")
    def _check_max_response_mb(self):
        """The answer size cap is between 1 MB and 1 GB."""
        if any(not 1 <= backend.max_response_mb <= 1024 for backend in self):
            raise ValidationError(self.env._(
                "The largest answer is between 1 and 1024 MB."))

    # ------------------------------------------------------------------ connector hooks

    def _get_client(self):
        self.ensure_one()
        login, secret = self._get_credentials()
        return PolicyPortClient(
            self.endpoint, login, secret, timeout=self.timeout or 30,
            max_bytes=self.max_response_mb * 1024 * 1024,
        )

    def _get_assigned_since(self):
        """The day before the last successful run; the first run: since yesterday."""
        self.ensure_one()
        last = self.date_last_success or fields.Datetime.now()
        return last.date() - timedelta(days=1)

    def _poll(self):
        """List the claims assigned since the cursor date and enqueue one job per new claim."""
        self.ensure_one()
        since = self._get_assigned_since()
        refs = self._get_client().list_claims(since)
        if not self.date_vendors_imported:
            # the first run: the vendor list before the claims, whose vendors it holds
            self.env["claims.policyport.vendor"]._import_list(self)
        Exchange = self.env["claims.exchange"]
        bindings = self.env["claims.binding"]._find(
            self, "claims.claim",
            [ref["tiva_claim_id"] for ref in refs],
            [claim_key(ref["client"], ref["client_claim_number"]) for ref in refs],
        )
        bound = set(bindings.mapped("external_id")) | set(bindings.mapped("external_key"))
        known = set(Exchange.sudo().search([
            ("backend_model", "=", self._name), ("backend_id", "=", self.id),
            ("kind", "=", "claim"), ("external_id", "in", [r["tiva_claim_id"] for r in refs]),
            ("state", "in", ("pending", "error", "skipped")),
        ]).mapped("external_id"))
        batch = self._new_batch()
        new, skipped = [], []
        for ref in refs:
            key = claim_key(ref["client"], ref["client_claim_number"])
            if ref["tiva_claim_id"] in bound or key in bound or ref["tiva_claim_id"] in known:
                continue
            values = {"direction": "in", "kind": "claim", "external_id": ref["tiva_claim_id"],
                      "batch": batch}
            if not ref["date_assigned"]:
                skipped.append(dict(values, state="skipped",
                                    summary=self.env._("Date Assigned is empty in PolicyPort."),
                                    date_done=fields.Datetime.now()))
            else:
                new.append(values)
        exchanges = Exchange._create_for(self, new + skipped)
        exchanges.filtered(lambda e: e.state == "pending")._enqueue()
        self._mark_success(cursor=since.isoformat())
        return self.env._(
            "%(new)s new, %(skipped)s skipped, %(known)s known claims (batch %(batch)s)",
            new=len(new), skipped=len(skipped), known=len(refs) - len(new) - len(skipped),
            batch=batch,
        )

    def _process_exchange(self, exchange):
        if exchange.kind == "claim":
            return self.env["claims.policyport.importer"]._import_claim(self, exchange)
        if exchange.kind == STATUS_KIND and exchange.direction == "out":
            return self.env["claims.policyport.claim.status"]._process(self, exchange)
        if exchange.kind in FINANCIAL_KINDS and exchange.direction == "out":
            return self.env["claims.policyport.financials"]._process(self, exchange)
        return super()._process_exchange(exchange)

    # ------------------------------------------------------------------ financials

    def action_import_vendors(self):
        """Enqueue a read of PolicyPort's vendor list (integration admins)."""
        self._check_integration_admin()
        for backend in self:
            backend._delayable(description=f"{backend.display_name}: vendor list")\
                ._job_import_vendors()
        return True

    def _job_import_vendors(self):
        """Job: PolicyPort's vendor list as global vendors of this backend."""
        self.ensure_one()
        return self.env["claims.policyport.vendor"]._import_list(self)

    def action_run_financials_now(self):
        """Enqueue a financials run of these backends now (integration admins)."""
        self._check_integration_admin()
        for backend in self:
            backend._delayable(description=f"{backend.display_name}: financials")\
                ._job_financials()
        return True

    @api.model
    def _cron_enqueue_financials(self):
        """Scheduled action: one financials job per backend (send, resend, checks, voids)."""
        return self._enqueue_each("_job_financials", "financials")

    @api.model
    def _cron_enqueue_drift_checks(self):
        """Scheduled action (daily): one drift check job per backend."""
        return self._enqueue_each("_job_drift_check", "drift check")

    @api.model
    def _enqueue_each(self, method, label):
        # one job per backend: a small configuration table, a few backends per database
        for backend in self.search([]):  # pylint: disable=no-search-all
            delayable = backend._delayable(description=f"{backend.display_name}: {label}")
            getattr(delayable, method)()
        return True

    def _job_financials(self):
        """Job: one scheduled financials run of this backend."""
        self.ensure_one()
        return self.env["claims.policyport.financials"]._run(self)

    def _job_drift_check(self):
        """Job: compare every open PolicyPort claim of this backend with PolicyPort."""
        self.ensure_one()
        return self.env["claims.policyport.drift"]._check_backend(self)

    def _partner_system(self):
        return SYSTEM
