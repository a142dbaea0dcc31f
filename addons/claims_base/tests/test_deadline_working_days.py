# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import ClaimsCommon

FRIDAY = date(2026, 3, 6)
MONDAY = date(2026, 3, 9)
TUESDAY = date(2026, 3, 10)
WEDNESDAY = date(2026, 3, 11)


@tagged("post_install", "-at_install")
class TestDeadlineWorkingDays(ClaimsCommon):
    """Deadlines count working days of the account's calendar and warn the handler."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env["resource.calendar"].create({
            "name": "Fleet office hours", "tz": "UTC", "company_id": cls.company.id,
        })
        cls.company.resource_calendar_id = cls.calendar
        cls.branch.resource_calendar_id = cls.calendar
        cls.rule = cls.env["claims.deadline.rule"].create({
            "name": "First contact within 2 working days",
            "company_id": cls.company.id,
            "start_field": "date_assigned",
            "stop_field": "date_first_contact",
            "days": 2,
            "warn_days": 1,
        })
        cls.claim.write({"user_id": cls.user_handler.id, "date_assigned": FRIDAY})

    def _deadline(self, claim=None):
        return (claim or self.claim).deadline_ids.filtered(lambda d: d.rule_id == self.rule)

    def _activities(self, claim=None):
        return (claim or self.claim).activity_ids.filtered(
            lambda a: a.summary == self.rule.name)

    def test_weekend_is_not_counted(self):
        deadline = self._deadline()
        self.assertRecordValues(deadline, [{
            "date_start": FRIDAY, "date_warn": MONDAY, "date_deadline": TUESDAY,
            "user_id": self.user_handler.id,
        }])

    def test_public_holiday_is_not_counted(self):
        self.env["resource.calendar.leaves"].create({
            "name": "Holiday", "calendar_id": self.calendar.id,
            "date_from": "2026-03-09 00:00:00", "date_to": "2026-03-09 23:59:59",
        })
        claim = self._create_claim(self.company, user_id=self.user_handler.id,
                                   date_assigned=FRIDAY)
        self.assertRecordValues(self._deadline(claim), [{
            "date_warn": TUESDAY, "date_deadline": WEDNESDAY,
        }])

    def test_account_without_calendar_counts_monday_to_friday(self):
        company = self.env["res.company"].create({"name": "No calendar"})
        company.resource_calendar_id = False
        self.rule.company_id = False
        claim = self._create_claim(company, policy_id=False, date_assigned=FRIDAY)
        self.assertEqual(self._deadline(claim).date_deadline, TUESDAY)

    def test_states_follow_the_calendar(self):
        deadline = self._deadline()
        for today, state in ((FRIDAY, "running"), (MONDAY, "soon"), (TUESDAY, "soon"),
                             (WEDNESDAY, "breached")):
            deadline._refresh(today=today)
            self.assertEqual(deadline.state, state, today)

    def test_handler_gets_one_activity_from_the_warn_day(self):
        deadline = self._deadline()
        deadline._refresh(today=FRIDAY)
        self.assertFalse(self._activities())
        deadline._refresh(today=MONDAY)
        deadline._refresh(today=TUESDAY)
        activity = self._activities()
        self.assertEqual(len(activity), 1)
        self.assertRecordValues(activity, [{
            "user_id": self.user_handler.id, "date_deadline": TUESDAY,
        }])
        self.assertEqual(deadline.activity_id, activity)

    def test_event_stops_the_clock_and_settles_the_activity(self):
        deadline = self._deadline()
        deadline._refresh(today=MONDAY)
        self.assertTrue(self._activities())
        self.claim.with_user(self.user_handler).date_first_contact = MONDAY
        self.assertRecordValues(deadline, [{"state": "met", "date_done": MONDAY}])
        self.assertFalse(self._activities())
        self.assertFalse(deadline.activity_id)

    def test_late_event_is_met_late(self):
        self.claim.date_first_contact = WEDNESDAY
        self.assertEqual(self._deadline().state, "missed")

    def test_closing_or_marking_off_cancels_the_clock(self):
        deadline = self._deadline()
        deadline._refresh(today=MONDAY)
        self.claim.with_user(self.user_handler).action_mark_off("erroneous")
        self.assertEqual(deadline.state, "cancelled")
        self.assertFalse(self._activities())

    def test_new_handler_takes_over_the_activity(self):
        deadline = self._deadline()
        deadline._refresh(today=MONDAY)
        self.claim.user_id = self.user_manager
        self.assertEqual(self._activities().user_id, self.user_manager)

    def test_cron_moves_old_deadlines_to_breached(self):
        deadline = self._deadline()
        deadline._refresh(today=FRIDAY)
        self.env["claims.deadline"]._cron_refresh()  # today is long after March 2026
        self.assertEqual(deadline.state, "breached")
        self.assertEqual(len(self._activities()), 1)

    def test_no_clock_before_the_start_event(self):
        claim = self._create_claim(self.company)
        self.assertFalse(self._deadline(claim))
        claim.user_id = self.user_handler
        self.assertTrue(self._deadline(claim))

    def test_rule_for_other_claim_types_does_not_apply(self):
        other_type = self.env["claims.claim.type"].create({"name": "Cargo", "code": "CAR"})
        self.rule.claim_type_ids = other_type
        claim = self._create_claim(self.company, user_id=self.user_handler.id)
        self.assertFalse(self._deadline(claim))

    def test_parent_rule_applies_to_a_branch_claim(self):
        claim = self._create_claim(self.branch, user_id=self.user_branch.id,
                                   date_assigned=FRIDAY)
        self.assertEqual(self._deadline(claim).date_deadline, TUESDAY)

    def test_rule_of_another_account_does_not_apply(self):
        self.rule.company_id = self.other_company
        claim = self._create_claim(self.company, user_id=self.user_handler.id)
        self.assertFalse(self._deadline(claim))

    def test_handler_cannot_edit_a_deadline_or_a_rule(self):
        with self.assertRaises(AccessError):
            self._deadline().with_user(self.user_handler).write({"state": "met"})
        with self.assertRaises(AccessError):
            self.rule.with_user(self.user_handler).write({"days": 30})

    def test_rule_warns_before_its_deadline(self):
        with self.assertRaises(ValidationError):
            self.rule.write({"days": 2, "warn_days": 2})
        with self.assertRaises(ValidationError):
            self.rule.write({"days": 0})

    def test_filters_find_breaching_claims(self):
        self._deadline()._refresh(today=MONDAY)
        claims = self.env["claims.claim"].with_user(self.user_manager)
        self.assertIn(self.claim, claims.search([("deadline_ids.state", "=", "soon")]))
        self._deadline()._refresh(today=WEDNESDAY)
        self.assertIn(self.claim, claims.search([("deadline_ids.state", "=", "breached")]))
