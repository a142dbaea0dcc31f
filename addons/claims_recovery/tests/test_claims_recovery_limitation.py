# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta
from unittest.mock import patch

from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ClaimsRecoveryCommon


@tagged("post_install", "-at_install")
class TestClaimsRecoveryLimitation(ClaimsRecoveryCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.activity_type = cls.env.ref("claims_recovery.mail_activity_type_limitation")

    def _reminders(self, recovery):
        return recovery.activity_ids.filtered(lambda a: a.activity_type_id == self.activity_type)

    def _run_cron(self):
        self.env["claims.recovery"]._cron_limitation_reminders()

    def test_handler_reminded_once_within_the_default_60_days(self):
        soon = self._create_recovery(100, limitation_days=59)
        later = self._create_recovery(100, limitation_days=61)
        self._run_cron()
        self._run_cron()
        reminder = self._reminders(soon)
        self.assertRecordValues(reminder, [{
            "user_id": self.user_handler.id, "date_deadline": soon.date_limitation,
        }])
        self.assertFalse(self._reminders(later))

    def test_no_second_reminder_after_the_first_is_done(self):
        soon = self._create_recovery(100, limitation_days=10)
        self._run_cron()
        self._reminders(soon).action_feedback("called the insurer")
        self._run_cron()
        self.assertFalse(self._reminders(soon))

    def test_a_new_limitation_date_is_reminded_again(self):
        soon = self._create_recovery(100, limitation_days=10)
        self._run_cron()
        soon.date_limitation = self.today + timedelta(days=20)
        self._run_cron()
        self.assertEqual(len(self._reminders(soon)), 2)

    def test_days_come_from_the_setting(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "claims_recovery.limitation_reminder_days", "100")
        recovery = self._create_recovery(100, limitation_days=90)
        self._run_cron()
        self.assertEqual(len(self._reminders(recovery)), 1)

    def test_closed_recoveries_are_not_reminded(self):
        closed = self._create_recovery(100, limitation_days=5)
        closed.action_write_off("dropped")
        self._run_cron()
        self.assertFalse(self._reminders(closed))

    def test_claim_without_handler_reminds_the_creator(self):
        claim = self._create_claim(self.company)
        recovery = self._create_recovery(
            100, coverage=claim.coverage_ids, user=self.user_manager, limitation_days=5)
        self._run_cron()
        self.assertEqual(self._reminders(recovery).user_id, self.user_manager)

    def test_one_failing_reminder_does_not_stop_the_others(self):
        first = self._create_recovery(100, limitation_days=5)
        second = self._create_recovery(100, limitation_days=6)
        model = type(first)
        original = model._schedule_limitation_activity

        def fail_on_first(recovery):
            if recovery == first:
                raise ValueError("mail server down")
            return original(recovery)

        with patch.object(model, "_schedule_limitation_activity", fail_on_first), \
                mute_logger("odoo.addons.claims_recovery.models.claims_recovery"):
            self._run_cron()
        self.assertFalse(self._reminders(first))
        self.assertFalse(first.date_limitation_reminded)
        self.assertEqual(len(self._reminders(second)), 1)

    def test_limitation_status_and_filters(self):
        soon = self._create_recovery(100, limitation_days=30)
        passed = self._create_recovery(100, limitation_days=-1)
        far = self._create_recovery(100, limitation_days=120)
        self.assertEqual(
            (soon | passed | far).mapped("limitation_status"), ["soon", "overdue", False])
        passed.action_write_off("too late")
        self.assertFalse(passed.limitation_status)
