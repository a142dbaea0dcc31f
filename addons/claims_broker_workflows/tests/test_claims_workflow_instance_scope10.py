# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import ClaimsWorkflowsCommon


@tagged("post_install", "-at_install")
class TestClaimsWorkflowScope10Branches(ClaimsWorkflowsCommon):
    """Every branch of the shipped Keuringsrapport Scope 10 workflow, with the clock moved."""

    def _start_until_choice(self):
        """STEP 1-2: e-mail at the start moment, phone task due 7 months before the end."""
        self._scan("2027-01-31")
        instance = self._instances()
        self.assertEqual(len(instance), 1)
        mails = self._mails()
        self.assertEqual(len(mails), 1)
        self.assertIn("expires on December 31, 2027", mails.subject)
        self.assertEqual(mails.recipient_ids, self.customer)
        self.assertEqual(mails.state, "outgoing")
        self.assertEqual(instance.state, "task")
        self.assertActivity(instance, "S2", "2027-05-31", self.user_handler)
        self.assertEqual(instance.activity_id.activity_type_id,
                         self.env.ref("mail.mail_activity_data_call"))
        # STEP 3: the call is done, the multiple-choice question waits on an activity
        self._mark_done(instance, "2027-05-20")
        self.assertEqual(instance.state, "question")
        self.assertActivity(instance, "S3", "2027-05-20", self.user_handler)
        self.assertEqual(len(instance.activity_id.workflow_option_data), 3)
        return instance

    def _arranged_question(self, instance, code, deadline, day):
        self.assertActivity(instance, code, deadline, self.user_handler)
        self._mark_done(instance, day)
        self.assertEqual(instance.state, "question")
        self.assertEqual(instance.step_id.code, "Q1")

    def test_branch_a_yes_records_new_inspection_and_ends(self):
        instance = self._start_until_choice()
        self._answer(instance, "2027-05-20", "A")
        self.assertTrue(self._notes(self.report, "is arranging a new inspection"))
        self.assertTrue(self._notes(self.customer, "is arranging a new inspection"))
        self._arranged_question(instance, "A2", "2027-10-31", "2027-10-30")
        self._answer(instance, "2027-10-30", "yes")
        self.assertActivity(instance, "Y1", "2027-11-06", self.user_handler)
        self.assertIn("Record the new inspection data", instance.activity_id.summary)
        self._mark_done(instance, "2027-11-02")
        self.assertTrue(self._notes(self.report, "has arranged the new Scope 10 inspection"))
        self.assertEqual(instance.state, "done")
        self.assertFalse(instance.activity_id)
        self.assertEqual(len(self._mails()), 1)
        answers = instance.history_ids.filtered("option_id")
        self.assertEqual(answers.mapped("user_id"), self.user_handler)
        self.assertEqual(answers.mapped("option_id.name"),
                         ["A) Customer knows / is arranging it", "Yes"])

    def test_branch_a_no_then_yes_sends_one_reminder(self):
        instance = self._start_until_choice()
        self._answer(instance, "2027-05-20", "A")
        self._arranged_question(instance, "A2", "2027-10-31", "2027-10-31")
        self._answer(instance, "2027-10-31", "no")
        mails = self._mails()
        self.assertEqual(len(mails), 2)
        self.assertIn("Reminder", mails[1].subject)
        self.assertTrue(self._notes(self.report, "Reminder e-mailed"))
        self._arranged_question(instance, "R3", "2027-11-30", "2027-11-15")
        self._answer(instance, "2027-11-15", "yes")
        self.assertEqual(instance.step_id.code, "Y1")
        self._mark_done(instance, "2027-11-16")
        self.assertEqual(instance.state, "done")
        self.assertFalse(self._notes(self.report, "after our reminder"))

    def test_branch_a_no_repeats_the_reminder_then_ends_with_our_task(self):
        instance = self._start_until_choice()
        self._answer(instance, "2027-05-20", "A")
        self._arranged_question(instance, "A2", "2027-10-31", "2027-10-31")
        self._answer(instance, "2027-10-31", "no")
        self.assertEqual(len(self._mails()), 2)
        self._arranged_question(instance, "R3", "2027-11-30", "2027-11-15")
        self._answer(instance, "2027-11-15", "no")
        mails = self._mails()
        self.assertEqual(len(mails), 3, "the reminder goes out again on the second pass")
        self.assertIn("Reminder", mails[2].subject)
        self._arranged_question(instance, "R3", "2027-11-30", "2027-11-25")
        self._answer(instance, "2027-11-25", "no")
        self.assertEqual(len(self._mails()), 3, "not a third time")
        self.assertTrue(self._notes(self.report, "after our reminder"))
        self.assertActivity(instance, "N3", "2027-12-02", self.user_handler)
        self.assertIn("Our addition", instance.activity_id.summary)
        self._mark_done(instance, "2027-11-26")
        self.assertEqual(instance.state, "done")
        self.assertEqual(
            [line.option_id.answer for line in instance.history_ids if line.option_id],
            [False, "no", "no", "no"],
        )

    def test_branch_b_mails_the_answer_and_plans_a_manual_reminder(self):
        instance = self._start_until_choice()
        self._answer(instance, "2027-05-20", "B")
        mails = self._mails()
        self.assertEqual(len(mails), 2)
        self.assertEqual(mails[1].subject, "Your decision about the Scope 10 inspection")
        self.assertTrue(self._notes(self.report, "finds it unnecessary"))
        self.assertTrue(self._notes(self.customer, "finds it unnecessary"))
        self.assertActivity(instance, "B3", "2027-06-20", self.user_handler)
        self._mark_done(instance, "2027-06-01")
        self.assertEqual(instance.state, "done")

    def test_branch_c_yes_after_control_moment(self):
        instance = self._start_until_choice()
        self._answer(instance, "2027-05-20", "C")
        mails = self._mails()
        self.assertEqual(len(mails), 2)
        self.assertIn("could not reach you", mails[1].subject)
        self.assertTrue(self._notes(self.report, "could not be reached by phone"))
        self._arranged_question(instance, "C3", "2027-10-31", "2027-10-31")
        self._answer(instance, "2027-10-31", "yes")
        self._mark_done(instance, "2027-11-01")
        self.assertEqual(instance.state, "done")
        self.assertTrue(self._notes(self.report, "has arranged the new Scope 10 inspection"))

    def test_branch_c_no_no_no_ends_after_two_reminders(self):
        instance = self._start_until_choice()
        self._answer(instance, "2027-05-20", "C")
        self._arranged_question(instance, "C3", "2027-10-31", "2027-10-31")
        self._answer(instance, "2027-10-31", "no")
        self.assertEqual(len(self._mails()), 3)
        self._arranged_question(instance, "R3", "2027-11-30", "2027-11-10")
        self._answer(instance, "2027-11-10", "no")
        self.assertEqual(len(self._mails()), 4)
        self._arranged_question(instance, "R3", "2027-11-30", "2027-11-20")
        self._answer(instance, "2027-11-20", "no")
        self.assertEqual(len(self._mails()), 4)
        self.assertTrue(self._notes(self.report, "after our reminder"))
        self._mark_done(instance, "2027-11-21")
        self.assertEqual(instance.state, "done")

    def test_history_shows_each_step_on_the_record_chatter(self):
        instance = self._start_until_choice()
        self._answer(instance, "2027-05-20", "B")
        history = instance.history_ids
        self.assertIn("Follow up Scope 10 inspection", history.mapped("step_name"))
        self.assertTrue(self._notes(self.report, "Answer: B) Customer will not"))
        self.assertEqual(
            history.filtered("option_id").user_id, self.user_handler,
        )
