# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The events feed: one exchange per event, replays and a crash between store and cursor."""

from unittest.mock import patch

from odoo.tests import tagged

from odoo.addons.claims_connector.connector.exceptions import PermanentError
from odoo.addons.queue_job.tests.common import trap_jobs

from .common import ClaimsSinappsCommon, data

BACKEND = "odoo.addons.claims_sinapps.models.claims_sinapps_backend.ClaimsSinappsBackend"


@tagged("post_install", "-at_install")
class TestSinappsEvents(ClaimsSinappsCommon):
    def test_each_event_is_one_exchange_and_the_cursor_follows(self):
        first = len(self.sim.events)
        mission_id = self.sim.add_mission(data.make_mission(1))
        self.sim.set_step(mission_id, "RendezVousChiffragePris")
        self._poll()
        exchanges = self._exchanges().filtered(lambda e: int(e.message_id) > first)
        self.assertEqual(sorted(exchanges.mapped("message_id")),
                         [str(first + 1), str(first + 2)])
        self.assertEqual(set(exchanges.mapped("state")), {"done"})
        self.assertEqual(self.backend.cursor, str(len(self.sim.events)))
        self.assertEqual(len(self._claim(mission_id)), 1)

    def test_replayed_events_change_nothing(self):
        start = self.backend.cursor
        mission_id, claim = self._mission(2)
        self.sim.set_step(mission_id, "RendezVousChiffragePris")
        self._poll()
        before = (len(self._exchanges()), len(claim.sinapps_step_ids), len(claim.document_ids),
                  len(claim.participant_ids))
        # Sinapps answers the same events again (a cursor moved back, a restored database)
        self.backend.sudo().cursor = start
        self._poll()
        self.assertEqual(len(self._claim(mission_id)), 1)
        self.assertEqual((len(self._exchanges()), len(claim.sinapps_step_ids),
                          len(claim.document_ids), len(claim.participant_ids)), before)
        self.assertEqual(self.backend.cursor, str(len(self.sim.events)))

    def test_crash_between_store_and_cursor_loses_and_doubles_nothing(self):
        start = self.backend.cursor
        mission_id = self.sim.add_mission(data.make_mission(3))
        self.sim.set_step(mission_id, "RendezVousChiffragePris")
        # the events are stored, then the process dies before the cursor moves
        # (no assertRaises: it would roll the stored events back, as a crash after the commit
        # of the events does not)
        crashed = False
        with patch(f"{BACKEND}._move_cursor", side_effect=RuntimeError("killed")), \
                trap_jobs() as trap:
            try:
                self.backend._poll()
            except RuntimeError:
                crashed = True
        self.assertTrue(crashed)
        stored = self._exchanges()
        self.assertEqual(len(stored.filtered(lambda e: int(e.message_id) > int(start))), 2)
        self.assertEqual(self.backend.cursor, start)
        self.assertEqual(len(trap.enqueued_jobs), 2)
        # the next poll reads them again: nothing new is stored, the cursor catches up
        self._poll()
        self.assertEqual(self._exchanges(), stored)
        self.assertEqual(self.backend.cursor, str(len(self.sim.events)))
        # the jobs of the first run do the work once, the claim exists once
        with trap_jobs() as again:
            stored._enqueue()
            again.perform_enqueued_jobs()
        claim = self._claim(mission_id)
        self.assertEqual(len(claim), 1)
        self.assertEqual(claim.sinapps_step, "RendezVousChiffragePris")
        self.assertEqual(claim.sinapps_step_ids.mapped("code"),
                         ["MissionRecue", "RendezVousChiffragePris"])

    def test_expired_session_logs_in_again(self):
        mission_id, _claim = self._mission(4)
        logins = [r for r in self.sim.requests if r.path.endswith("/login")]
        self.sim.expire_sessions()
        self.sim.requests.clear()
        self.sim.set_step(mission_id, "RendezVousChiffragePris")
        self._poll()
        paths = [r.path for r in self.sim.requests]
        self.assertTrue(logins)
        self.assertIn("/core/api/login", paths)
        self.assertEqual(self._claim(mission_id).sinapps_step, "RendezVousChiffragePris")

    def test_wrong_password_is_refused_and_moves_nothing(self):
        start = self.backend.cursor
        self.sim.add_mission(data.make_mission(5))
        self.backend.secret = "wrong"
        try:
            with self.assertRaisesRegex(PermanentError, "refused the login"):
                self.backend._poll()
        finally:
            self.backend.secret = "s3cret"
        self.assertEqual(self.backend.cursor, start)
        self._poll()  # the mission is not lost
        self.assertEqual(self.backend.cursor, str(len(self.sim.events)))
