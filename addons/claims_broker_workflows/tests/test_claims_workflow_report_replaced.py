# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import ClaimsWorkflowsCommon


@tagged("post_install", "-at_install")
class TestClaimsWorkflowReportReplaced(ClaimsWorkflowsCommon):
    """A new inspection report recorded for the object ends the running workflow of the
    report it replaces, with a note; the customer is not chased for a report they sent."""

    def test_new_report_ends_the_workflow_of_the_old_one(self):
        self._scan("2027-01-31")
        running = self._instances()
        self.assertEqual(running.state, "task")
        task = running.activity_id
        new_report = self._create_report("2032-12-31")
        self.assertEqual(running.state, "done")
        self.assertFalse(task.exists(), "the account manager's task is closed")
        self.assertTrue(running.history_ids.filtered(
            lambda line: "a new inspection report" in line.message
            and new_report.display_name in line.message))
        self.assertTrue(self._notes(self.report, "a new inspection report"))
        # the old report's workflow does not start again on the next scan
        self._scan("2027-02-28")
        self.assertEqual(self._instances(), running)
        self.assertEqual(running.state, "done")

    def test_reports_of_another_object_or_scope_change_nothing(self):
        self._scan("2027-01-31")
        running = self._instances()
        other_building = self.building.copy({"name": "Kerkstraat 3, Zwolle"})
        self._create_report("2032-12-31", insured=other_building)
        self._create_report("2032-12-31", scope="scope_12")
        self.assertEqual(running.state, "task")
