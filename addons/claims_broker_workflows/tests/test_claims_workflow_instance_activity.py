# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.mail.tools.discuss import Store

from .common import ClaimsWorkflowsCommon


@tagged("post_install", "-at_install")
class TestClaimsWorkflowInstanceActivity(ClaimsWorkflowsCommon):
    """Tasks and questions are activities: what each thing a user does to them means."""

    def setUp(self):
        super().setUp()
        self._scan("2027-02-01")
        self.instance = self._instances()

    def test_cancelled_task_pauses_with_a_note(self):
        self.instance.activity_id.with_user(self.user_handler).action_cancel()
        self.assertEqual(self.instance.state, "paused")
        self.assertTrue(self._notes(self.report, "was cancelled by Hanna Handler"))

    def test_deleted_task_pauses_and_resume_plans_it_again(self):
        self.instance.activity_id.with_user(self.user_handler).unlink()
        self.assertEqual(self.instance.state, "paused")
        with freeze_time("2027-02-02"):
            self.instance.with_user(self.user_manager).action_resume()
        self.assertEqual(self.instance.state, "task")
        self.assertActivity(self.instance, "S2", "2027-05-31", self.user_handler)

    def test_user_cannot_resume_or_cancel(self):
        with self.assertRaises(UserError):
            self.instance.with_user(self.user_handler).action_cancel()

    def test_reassigned_task_still_advances(self):
        self.instance.activity_id.user_id = self.user_manager
        self._mark_done(self.instance, "2027-05-01", user=self.user_manager)
        self.assertEqual(self.instance.state, "question")
        self.assertEqual(self.instance.activity_id.user_id, self.user_handler)

    def test_question_cannot_be_marked_done_without_answer(self):
        self._mark_done(self.instance, "2027-05-01")
        with self.assertRaises(UserError):
            self.instance.activity_id.with_user(self.user_handler).action_done()
        self.assertEqual(self.instance.state, "question")

    def test_question_answers_reach_the_chatter(self):
        self._mark_done(self.instance, "2027-05-01")
        activity = self.instance.activity_id.with_user(self.user_handler)
        data = Store().add(activity).get_result()["mail.activity"][0]
        self.assertEqual([option["name"] for option in data["workflow_option_data"]], [
            "A) Customer knows / is arranging it",
            "B) Customer will not / finds it unnecessary",
            "C) Customer not reached",
        ])

    def test_question_answered_from_the_instance_form(self):
        self._mark_done(self.instance, "2027-05-01")
        option_b = self.instance.option_ids.filtered(lambda o: o.name.startswith("B)"))
        with freeze_time("2027-05-01"):
            option_b.with_user(self.user_manager).with_context(
                workflow_instance_id=self.instance.id
            ).action_choose()
        self.assertEqual(self.instance.step_id.code, "B3")
        line = self.instance.history_ids.filtered("option_id")
        self.assertEqual(line.user_id, self.user_manager)
        self.assertFalse(self.instance.option_ids)

    def test_user_of_another_company_cannot_answer(self):
        self._mark_done(self.instance, "2027-05-01")
        outsider = new_test_user(
            self.env, login="outsider", groups="claims_base.group_claims_user",
            company_id=self.other_company.id,
            company_ids=[Command.set(self.other_company.ids)],
        )
        option = self.instance.option_ids[:1]
        with self.assertRaises(AccessError):
            self.instance.activity_id.with_user(outsider).action_workflow_answer(option.id)
        self.assertEqual(self.instance.state, "question")

    def test_answer_twice_is_refused(self):
        self._mark_done(self.instance, "2027-05-01")
        activity = self.instance.activity_id
        option = self.instance.option_ids.filtered(lambda o: o.name.startswith("B)"))
        with freeze_time("2027-05-01"):
            activity.with_user(self.user_handler).action_workflow_answer(option.id)
            with self.assertRaises(UserError):
                activity.with_user(self.user_handler).action_workflow_answer(option.id)

    def test_task_for_a_fixed_user_or_a_group(self):
        step = self.definition.step_ids.filtered(lambda s: s.code == "A2")
        step.write({"assign_to": "user", "user_id": self.user_manager.id})
        group_step = self.definition.step_ids.filtered(lambda s: s.code == "B3")
        group_step.write({
            "assign_to": "group", "group_id": self.env.ref("claims_base.group_claims_manager").id
        })
        report = self._create_report("2027-12-20")
        report_b = self._create_report("2027-12-21")
        self._scan("2027-02-01")
        first, second = self._instances(report), self._instances(report_b)
        self._mark_done(first, "2027-05-01")
        self._answer(first, "2027-05-01", "A")
        self.assertEqual(first.activity_id.user_id, self.user_manager)
        self._mark_done(second, "2027-05-01")
        self._answer(second, "2027-05-01", "B")
        managers = self.env.ref("claims_base.group_claims_manager").user_ids.filtered(
            lambda u: self.company in u.company_ids).sorted("id")
        self.assertEqual(second.activity_id.user_id, managers[0])

    def test_deleted_record_cancels_the_instance(self):
        self._mark_done(self.instance, "2027-05-01")
        self.instance.state = "running"
        self.report.unlink()
        self.instance._run()
        self.assertEqual(self.instance.state, "cancelled")
        self.assertEqual(self.instance.history_ids[-1:].message, "The record no longer exists.")

    def test_user_cannot_write_an_instance_directly(self):
        with self.assertRaises(AccessError):
            self.instance.with_user(self.user_manager).write({"state": "done"})
        self.assertEqual(self.instance.state, "task")
