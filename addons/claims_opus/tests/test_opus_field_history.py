# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ClaimsOpusCommon


@tagged("post_install", "-at_install")
class TestOpusFieldHistory(ClaimsOpusCommon):
    """The Opus fields of a claim show their history on hover, like the claim's own."""

    allocations = 1

    def _commit(self):
        """What each job's commit does: mail writes the tracking (and tracks the changes of
        the records created before)."""
        self.env.flush_all()
        self.env.cr.precommit.run()

    def _history(self, claim, field_name):
        self._commit()
        return claim.with_user(self.user_handler).get_field_history(field_name)

    def test_opus_fields_are_tracked_on_the_form(self):
        described = self.env["claims.claim"].with_user(self.user_handler).fields_get(
            ["opus_status", "opus_allocation_id", "opus_kpi_site_attend"], ["string"])
        self.assertTrue(all(field.get("tracked") for field in described.values()), described)

    def test_a_status_from_opus_shows_the_integration_user_and_when(self):
        claim = self._imported_claim("ALC-100001")
        self._commit()
        self.sim.set_status("ALC-100001", "Closed")
        self._poll()
        self.assertEqual(claim.opus_status, "Closed")
        history = self._history(claim, "opus_status")
        self.assertEqual(history["count"], 1, "the import itself is not a change")
        change = history["changes"][0]
        self.assertEqual(change["author"], "Opus Integration")
        self.assertEqual((change["old_value"], change["new_value"]), ("Book", "Closed"))
        self.assertTrue(change["date"])
        self.assertFalse(history["can_restore"], "Opus owns it: changed in Opus only")

    def test_a_kpi_set_by_the_handler_has_its_history(self):
        claim = self._imported_claim("ALC-100001")
        self._commit()
        self._run_jobs(claim.with_user(self.user_handler).write,
                       {"opus_kpi_builder_reference": "HB-7781"})
        change = self._history(claim, "opus_kpi_builder_reference")["changes"][0]
        self.assertEqual((change["author"], change["new_value"]), ("Hanna Handler", "HB-7781"))

    def test_an_untracked_field_has_no_history(self):
        claim = self._imported_claim("ALC-100001")
        with self.assertRaises(UserError):
            claim.with_user(self.user_handler).get_field_history("opus_status_unmapped")
