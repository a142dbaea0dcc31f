# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from psycopg2.errors import UniqueViolation

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import mute_logger

from ..client import SinappsClient

MAX_PAGES_PER_POLL = 20


class ClaimsSinappsBackend(models.Model):
    """A Sinapps account of the platform (management centre): its connection and its events.

    Rights as in ``claims.backend.mixin``: claims users read, integration admins edit and read
    the credentials. The scheduled action enqueues one poll per due backend; the poll reads the
    events after the cursor (the id of the last event stored), stores each as one exchange
    (unique per backend and event id, in the database) and moves the cursor after storing
    them: a replayed event, or a poll after a crash between the two, stores nothing twice.
    One job per event does its work (``claims.sinapps.inbound``).
    """

    _name = "claims.sinapps.backend"
    _description = "Sinapps backend"
    _inherit = ["claims.backend.mixin"]

    max_events = fields.Integer(
        string="Events per page", default=50, required=True,
        help="How many events each request of the feed asks Sinapps for (90 at most).",
    )
    claim_type_id = fields.Many2one("claims.claim.type", check_company=True,
                                    help="The type of the claims made from missions.")

    @api.constrains("max_events")
    def _check_max_events(self):
        """A page of the events feed holds 1 to 90 events."""
        if any(not 1 <= backend.max_events <= 90 for backend in self):
            raise ValidationError(self.env._("A page of events holds 1 to 90 events."))

    # ------------------------------------------------------------------ connector hooks

    def _get_client(self):
        self.ensure_one()
        login, secret = self._get_credentials()
        return SinappsClient(self.endpoint, login, secret, timeout=self.timeout or 30)

    def _get_event_cursor(self):
        self.ensure_one()
        cursor = self.sudo().cursor or "0"
        return int(cursor) if cursor.isdigit() else 0

    def _poll(self):
        """Store the events after the cursor, one exchange each, then move the cursor."""
        self.ensure_one()
        client = self._get_client()
        since, stored, replayed = self._get_event_cursor(), 0, 0
        batch = self._new_batch()
        for _page in range(MAX_PAGES_PER_POLL):
            events = client.events(since, max_events=self.max_events)
            if not events:
                break
            exchanges = self.env["claims.exchange"]
            known = self._stored_event_ids([event["id"] for event in events])
            for event in events:
                exchange = self.env["claims.exchange"] if event["id"] in known else (
                    self._store_event(event, batch))
                exchanges |= exchange
                replayed += not exchange
            exchanges._enqueue()
            stored += len(exchanges)
            since = events[-1]["id"]
            # after the events are stored, in the same transaction: a crash before this line
            # rolls both back, or (stored and committed) makes the next poll replay them
            self._move_cursor(since)
        self._mark_success()
        return self.env._("%(new)s events stored, %(known)s already stored; cursor %(cursor)s",
                          new=stored, known=replayed, cursor=since)

    def _stored_event_ids(self, event_ids):
        """The ids among ``event_ids`` whose exchange is stored already (one query)."""
        return {int(message_id) for message_id in self.env["claims.exchange"].sudo().search([
            ("backend_model", "=", self._name), ("backend_id", "=", self.id),
            ("kind", "=", "event"), ("message_id", "in", [str(i) for i in event_ids]),
        ]).mapped("message_id")}

    def _store_event(self, event, batch):
        """One exchange for one event; an empty recordset when it is stored already."""
        mission_id = next((item["data"].get("missionId") for item in event["items"]
                           if item["data"].get("missionId")), False)
        Exchange = self.env["claims.exchange"]
        try:
            # another poll of the same backend at the same time: the database keeps one
            with mute_logger("odoo.sql_db"), self.env.cr.savepoint():
                exchange = Exchange._create_for(self, [{
                    "direction": "in", "kind": "event", "message_id": str(event["id"]),
                    "external_id": mission_id, "batch": batch,
                }])
                exchange.flush_recordset()
        except UniqueViolation:
            return Exchange
        exchange._set_payload(json.dumps(event["raw"], ensure_ascii=False),
                              f"event-{event['id']}.json")
        return exchange

    def _move_cursor(self, event_id):
        self.sudo().cursor = str(event_id)

    def _process_exchange(self, exchange):
        if exchange.direction == "in" and exchange.kind == "event":
            return self.env["claims.sinapps.inbound"]._process_event(self, exchange)
        if exchange.direction == "out":
            return self.env["claims.sinapps.outbound"]._process(self, exchange)
        return super()._process_exchange(exchange)

    def _get_exchange_job_properties(self):
        return {"max_retries": 5}
