# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import ClaimsSinappsCommon


@tagged("post_install", "-at_install")
class TestSinappsFieldHistory(ClaimsSinappsCommon):
    """The mission's fields on a claim show their history on hover, by the integration user."""

    def _commit(self):
        """What each job's commit does: mail writes the tracking (and tracks the changes of
        the records created before)."""
        self.env.flush_all()
        self.env.cr.precommit.run()

    def _history(self, claim, field_name):
        self._commit()
        return claim.with_user(self.user_handler).get_field_history(field_name)

    def test_a_step_from_sinapps_shows_on_the_step_and_its_label(self):
        mission_id, claim = self._mission(61)
        self._commit()
        self.sim.set_step(mission_id, "RendezVousChiffragePris")
        self._poll()
        self.assertEqual(claim.sinapps_step_label, "RendezVousChiffragePris")
        change = self._history(claim, "sinapps_step")["changes"][0]
        self.assertEqual(change["author"], "Sinapps Integration")
        self.assertEqual(change["new_value"], "RendezVousChiffragePris")
        self.assertTrue(change["date"])
        label = self._history(claim, "sinapps_step_label")
        self.assertEqual(label["string"], "Mission step")
        self.assertEqual(label["changes"][0]["new_value"], "Quote visit booked")
        self.assertFalse(label["can_restore"], "the step changes in Sinapps only")

    def test_mission_fields_are_tracked_on_the_form(self):
        described = self.env["claims.claim"].with_user(self.user_handler).fields_get(
            ["sinapps_step_label", "sinapps_status", "sinapps_appointment"], ["string"])
        self.assertTrue(all(field.get("tracked") for field in described.values()), described)
