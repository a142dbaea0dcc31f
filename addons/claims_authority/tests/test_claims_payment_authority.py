# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ClaimsAuthorityCommon


@tagged("post_install", "-at_install")
class TestPaymentAuthority(ClaimsAuthorityCommon):
    """Payments above a limit go to someone whose limit covers them; approvals above one's
    own limit, and of one's own request, are refused."""

    # ------------------------------------------------------------------ request

    def test_request_within_limit_asks_nobody(self):
        payment = self._requested(4000)
        self.assertRecordValues(payment, [{
            "state": "requested", "is_above_authority": False, "authority_approver_id": False,
            "authority_limit_requested": 5000,
        }])
        self.assertFalse(self._approval_activities(payment))

    def test_request_above_limit_asks_lowest_sufficient_manager(self):
        payment = self._requested(7000)
        self.assertRecordValues(payment, [{
            "state": "requested", "is_above_authority": True,
            "authority_approver_id": self.user_manager.id, "authority_limit_requested": 5000,
        }])
        activity = self._approval_activities(payment)
        self.assertEqual(activity.user_id, self.user_manager)
        note = payment.message_ids[0]
        self.assertIn("Marc Manager", note.body)
        self.assertIn("5,000.00", note.body)
        self.assertTrue(note.subtype_id == self.env.ref("mail.mt_note"))

    def test_request_above_every_manager_goes_to_the_senior(self):
        payment = self._requested(30000)
        self.assertEqual(payment.authority_approver_id, self.user_senior)
        self.assertEqual(self._approval_activities(payment).user_id, self.user_senior)

    def test_manager_requesting_above_own_limit_asks_someone_else(self):
        payment = self._requested(15000, user=self.user_manager)
        self.assertFalse(payment.is_above_authority, "within his 20,000")
        payment = self._requested(25000, user=self.user_manager, remarks="big")
        self.assertEqual(payment.authority_approver_id, self.user_senior)

    def test_request_nobody_may_approve_is_refused(self):
        payment = self._payment(120000, user=self.user_manager)
        with self.assertRaisesRegex(UserError, "no claims manager"):
            payment.with_user(self.user_manager).action_request()
        self.assertEqual(payment.state, "draft")

    def test_coverage_type_limit_of_the_payment_applies(self):
        coverage = self.env["claims.claim.coverage"].create({
            "claim_id": self.claim.id, "coverage_type_id": self.coverage_type_tpl.id})
        coverage._add_reserve(10000, "liability")
        payment = self._requested(1500, coverage=coverage)
        self.assertRecordValues(payment, [{
            "is_above_authority": True, "authority_limit_requested": 1000}])

    # ------------------------------------------------------------------ approve

    def test_approval_records_the_approvers_limit_and_closes_the_activity(self):
        payment = self._requested(7000)
        payment.with_user(self.user_manager).action_approve()
        self.assertRecordValues(payment, [{
            "state": "approved", "requested_by_id": self.user_handler.id,
            "approved_by_id": self.user_manager.id, "authority_limit_approved": 20000,
        }])
        self.assertFalse(payment.activity_ids)
        self.assertIn("20,000.00", payment.message_ids[0].body)

    def test_another_manager_whose_limit_covers_it_may_approve(self):
        payment = self._requested(7000)
        payment.with_user(self.user_senior).action_approve()
        self.assertRecordValues(payment, [{
            "state": "approved", "approved_by_id": self.user_senior.id,
            "authority_limit_approved": 100000,
        }])
        self.assertFalse(self._approval_activities(payment), "done whoever approved")

    def test_manager_cannot_approve_above_own_limit(self):
        payment = self._requested(30000)
        with self.assertRaisesRegex(AccessError, "20,000.00"):
            payment.with_user(self.user_manager).action_approve()
        self.assertRecordValues(payment, [{"state": "requested", "approved_by_id": False}])

    def test_requester_cannot_approve_own_request_whatever_the_limit(self):
        payment = self._requested(1000, user=self.user_senior)
        with self.assertRaisesRegex(AccessError, "someone else approves it"):
            payment.with_user(self.user_senior).action_approve()
        self.assertEqual(payment.state, "requested")
        payment.with_user(self.user_manager).action_approve()
        self.assertEqual(payment.state, "approved")

    def test_handler_still_cannot_approve(self):
        payment = self._requested(100, user=self.user_handler_2)
        with self.assertRaisesRegex(AccessError, "Only a claims manager"):
            payment.with_user(self.user_handler).action_approve()

    def test_recovery_is_not_bound_by_limits_but_by_four_eyes(self):
        payment = self._requested(60000, payment_type="subrogation")
        self.assertFalse(payment.is_above_authority)
        payment.with_user(self.user_manager).action_approve()
        self.assertEqual(payment.state, "approved")
        own = self._requested(100, user=self.user_manager, payment_type="salvage")
        with self.assertRaises(AccessError):
            own.with_user(self.user_manager).action_approve()

    def test_back_to_draft_drops_the_approval_request(self):
        payment = self._requested(7000)
        payment.with_user(self.user_handler).action_reset_to_draft()
        self.assertRecordValues(payment, [{
            "state": "draft", "authority_approver_id": False, "is_above_authority": False}])
        self.assertFalse(self._approval_activities(payment))

    def test_authority_fields_are_written_by_the_transitions_only(self):
        payment = self._requested(7000)
        with self.assertRaises(UserError):
            payment.with_user(self.user_manager).write({"authority_limit_approved": 1e6})
        with self.assertRaises(UserError):
            payment.with_user(self.user_handler).write(
                {"authority_approver_id": self.user_handler_2.id})
        with self.assertRaises(UserError):
            self._payment(10, user=self.user_handler, remarks="x").with_user(
                self.user_handler).copy({"authority_limit_requested": 1e6})

    # ------------------------------------------------------------------ companies

    def test_company_without_limits_works_as_before(self):
        self.env["claims.authority.limit"].search([]).unlink()
        payment = self._requested(90000, user=self.user_manager)
        self.assertFalse(payment.is_above_authority)
        payment.with_user(self.user_manager).action_approve()
        self.assertRecordValues(payment, [{
            "state": "approved", "approved_by_id": self.user_manager.id,
            "authority_limit_approved": 0}])

    def test_branch_claims_follow_the_parents_limits(self):
        claim = self._create_claim(self.branch)
        claim.coverage_ids._add_reserve(50000, "branch estimate")
        payment = self._requested(7000, user=self.user_branch, coverage=claim.coverage_ids)
        self.assertEqual(payment.authority_approver_id, self.user_manager)

    def test_other_companys_limits_do_not_decide(self):
        """Limits of another account neither switch control on nor give authority."""
        self.env["claims.authority.limit"].search([]).unlink()
        self.env["claims.authority.limit"].create({
            "company_id": self.other_company.id, "group_id": self.group_user.id,
            "amount_reserve": 1, "amount_payment": 1})
        self.user_manager.company_ids = [Command.link(self.other_company.id)]
        payment = self._requested(9000)
        self.assertFalse(payment.is_above_authority)
        payment.with_user(self.user_manager).action_approve()
        self.assertEqual(payment.state, "approved")
