# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError

INTEGRATION_GROUP = "claims_connector.group_claims_integration"


class ClaimsBackendMixin(models.AbstractModel):
    """One connected account of an external system; each connector has a concrete model.

    Rights: claims users read a backend's settings (not its credentials); integration admins
    (group_claims_integration) create and edit backends and read the credentials. A connector's
    code reads the credentials through ``_get_credentials()`` whatever the user it runs as.

    The concrete model implements ``_poll()`` (one run of its scheduled import: enqueue one
    exchange per external object) and ``_process_exchange(exchange)`` (the work of one job).
    """

    _name = "claims.backend.mixin"
    _description = "Connector backend (abstract)"
    _inherit = ["mail.thread"]
    _order = "sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, tracking=True
    )
    # Connection
    endpoint = fields.Char(
        string="Endpoint URL", required=True, tracking=True, help="e.g. https://api.example.com/v1"
    )
    login = fields.Char(groups=INTEGRATION_GROUP, copy=False)
    secret = fields.Char(
        string="Password or API key", groups=INTEGRATION_GROUP, copy=False,
        help="Readable by integration admins only; the connector reads it through its own code.",
    )
    timeout = fields.Integer(string="Timeout (s)", default=30)
    # Who and when
    user_id = fields.Many2one(
        "res.users",
        string="Acts as",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        help="The jobs of this backend run as this user: what it creates carries its name.",
    )
    notification_email = fields.Char(
        tracking=True, help="Failed exchanges are mailed here, once per kind of error per day."
    )
    poll_interval = fields.Integer(
        string="Polling interval (min)", default=15, tracking=True,
        help="The scheduled action polls a backend once this many minutes have passed.",
    )
    date_last_poll = fields.Datetime(string="Last poll", readonly=True, copy=False)
    date_last_success = fields.Datetime(string="Last successful run", readonly=True, copy=False)
    cursor = fields.Char(
        readonly=True, copy=False, help="Where the next poll starts (a date, a sequence number)."
    )
    exchange_count = fields.Integer(compute="_compute_exchange_count")
    exchange_error_count = fields.Integer(compute="_compute_exchange_count")

    # ------------------------------------------------------------------ computes

    def _compute_exchange_count(self):
        counts = {
            (backend_id, state): count
            for backend_id, state, count in self.env["claims.exchange"]._read_group(
                [("backend_model", "=", self._name), ("backend_id", "in", self.ids)],
                ["backend_id", "state"],
                ["__count"],
            )
        }
        for backend in self:
            per_state = {s: c for (b, s), c in counts.items() if b == backend.id}
            backend.exchange_count = sum(per_state.values())
            backend.exchange_error_count = per_state.get("error", 0)

    # ------------------------------------------------------------------ actions

    def action_view_exchanges(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "claims_connector.claims_exchange_action"
        )
        action["domain"] = [("backend_model", "=", self._name), ("backend_id", "=", self.id)]
        return action

    def action_poll_now(self):
        """Enqueue a poll of these backends now (integration admins)."""
        self._check_integration_admin()
        for backend in self:
            backend._enqueue_poll()
        return True

    # ------------------------------------------------------------------ scheduling

    @api.model
    def _cron_enqueue_polls(self):
        """Scheduled action: enqueue a poll job for each backend that is due; no work here."""
        now = fields.Datetime.now()
        # every backend is checked: a small configuration table, a few backends per database
        for backend in self.search([]):  # pylint: disable=no-search-all
            due = not backend.date_last_poll or (
                backend.date_last_poll + timedelta(minutes=backend.poll_interval or 0) <= now
            )
            if due:
                backend._enqueue_poll()
        return True

    def _enqueue_poll(self):
        self.ensure_one()
        self.sudo().date_last_poll = fields.Datetime.now()
        return self._delayable(description=f"{self.display_name}: poll")._job_poll()

    def _job_poll(self):
        """Job: one poll of this backend (the concrete model's ``_poll``)."""
        self.ensure_one()
        return self._poll()

    def _poll(self):
        raise NotImplementedError(f"{self._name} does not poll")

    def _get_exchange_job_properties(self):
        """queue_job properties (channel, max_retries...) of this backend's exchange jobs,
        the first send and a retry from the exchange log alike."""
        return {}

    def _process_exchange(self, exchange):
        """Do the work of one exchange; raise RetryableError or PermanentError on failure.

        :returns: the business record the exchange produced or concerns (may be empty)
        """
        raise NotImplementedError(f"{self._name} does not process {exchange.kind}")

    # ------------------------------------------------------------------ helpers

    def _delayable(self, **properties):
        """``with_delay`` as the backend's user, in its company: jobs run as that user."""
        self.ensure_one()
        env_self = self.with_user(self.user_id).with_company(self.company_id)
        return env_self.with_delay(**properties)

    def _get_credentials(self):
        """(login, secret) for the connector's own code, whatever the current user."""
        self.ensure_one()
        backend_sudo = self.sudo()
        return backend_sudo.login or "", backend_sudo.secret or ""

    def _check_integration_admin(self):
        if not self.env.su and not self.env.user.has_group(INTEGRATION_GROUP):
            raise AccessError(self.env._("Only integration admins may do this."))

    def _mark_success(self, cursor=None):
        values = {"date_last_success": fields.Datetime.now()}
        if cursor is not None:
            values["cursor"] = cursor
        self.sudo().write(values)

    def _new_batch(self):
        """A batch number for the exchanges of one run."""
        return self.env["ir.sequence"].sudo().next_by_code("claims.exchange.batch") or "/"
