# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ClaimsCommon


@tagged("post_install", "-at_install")
class TestPaymentRules(ClaimsCommon):
    """Every payment rule and transition, acting as the users who press the buttons."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.coverage._add_reserve(10000, "first estimate")

    def _as(self, payment, user):
        return payment.with_user(user)

    def _approved(self, amount, remarks=None):
        payment = self._payment(amount, remarks=remarks, user=self.user_handler)
        self._as(payment, self.user_handler).action_request()
        self._as(payment, self.user_manager).action_approve()
        return payment

    # ------------------------------------------------------------------ transitions

    def test_full_lifecycle_records_who_and_when(self):
        payment = self._payment(1000, user=self.user_handler)
        self.assertEqual(payment.state, "draft")
        # STEP 1: the handler requests
        self._as(payment, self.user_handler).action_request()
        self.assertRecordValues(payment, [{
            "state": "requested", "requested_by_id": self.user_handler.id,
            "approved_by_id": False,
        }])
        self.assertTrue(payment.date_requested)
        # STEP 2: the manager approves
        self._as(payment, self.user_manager).action_approve()
        self.assertRecordValues(payment, [{
            "state": "approved", "approved_by_id": self.user_manager.id,
        }])
        # STEP 3: sent, then paid with a check
        self._as(payment, self.user_handler).action_send()
        self.assertEqual(payment.state, "sent")
        self._as(payment, self.user_handler).action_mark_paid(
            check_number="000123", date_check="2026-03-12")
        self.assertRecordValues(payment, [{
            "state": "paid", "check_number": "000123",
        }])
        self.assertTrue(payment.date_paid)
        self.assertEqual(str(payment.date_check), "2026-03-12")

    def test_requested_payment_goes_back_to_draft(self):
        payment = self._payment(1000, user=self.user_handler)
        self._as(payment, self.user_handler).action_request()
        self._as(payment, self.user_handler).action_reset_to_draft()
        self.assertRecordValues(payment, [{"state": "draft", "requested_by_id": False}])

    def test_approved_payment_can_be_paid_without_being_sent(self):
        payment = self._approved(1000)
        self._as(payment, self.user_handler).action_mark_paid()
        self.assertEqual(payment.state, "paid")

    def test_handler_cannot_approve(self):
        payment = self._payment(1000, user=self.user_handler)
        self._as(payment, self.user_handler).action_request()
        with self.assertRaises(AccessError):
            self._as(payment, self.user_handler).action_approve()
        self.assertEqual(payment.state, "requested")

    def test_draft_payment_cannot_be_approved(self):
        payment = self._payment(1000)
        with self.assertRaises(UserError):
            self._as(payment, self.user_manager).action_approve()

    def test_only_approved_payments_are_sent(self):
        payment = self._payment(1000, user=self.user_handler)
        with self.assertRaises(UserError):
            self._as(payment, self.user_handler).action_send()
        self._as(payment, self.user_handler).action_request()
        with self.assertRaises(UserError):
            self._as(payment, self.user_handler).action_send()
        self.assertEqual(payment.state, "requested")

    def test_only_approved_or_sent_payments_are_paid(self):
        payment = self._payment(1000, user=self.user_handler)
        with self.assertRaises(UserError):
            self._as(payment, self.user_handler).action_mark_paid()
        self._as(payment, self.user_handler).action_request()
        with self.assertRaises(UserError):
            self._as(payment, self.user_handler).action_mark_paid()
        self.assertEqual(payment.state, "requested")

    def test_paid_payment_cannot_be_paid_twice(self):
        payment = self._approved(1000)
        payment.action_mark_paid()
        with self.assertRaises(UserError):
            payment.action_mark_paid()

    # ------------------------------------------------------------------ voids and stops

    def test_void_group_member_voids_a_paid_payment(self):
        payment = self._approved(1000)
        payment.action_mark_paid()
        self._as(payment, self.user_manager).action_void()
        self.assertEqual(payment.state, "voided")
        self.assertTrue(payment.date_voided)
        self.assertEqual(self.coverage.amount_paid, 0)

    def test_handler_without_void_group_cannot_void_or_stop(self):
        payment = self._approved(1000)
        payment.action_send()
        with self.assertRaises(AccessError):
            self._as(payment, self.user_handler).action_void()
        with self.assertRaises(AccessError):
            self._as(payment, self.user_handler).action_stop()
        self.assertEqual(payment.state, "sent")

    def test_user_given_only_the_void_group_may_void(self):
        self.user_handler.group_ids |= self.env.ref("claims_base.group_claims_void_payment")
        payment = self._approved(1000)
        self._as(payment, self.user_handler).action_void()
        self.assertEqual(payment.state, "voided")

    def test_draft_or_requested_payment_is_not_voided(self):
        payment = self._payment(1000)
        with self.assertRaises(UserError):
            self._as(payment, self.user_manager).action_void()
        payment.action_request()
        with self.assertRaises(UserError):
            self._as(payment, self.user_manager).action_void()

    def test_stop_needs_a_sent_or_paid_payment(self):
        payment = self._approved(1000)
        with self.assertRaises(UserError):
            self._as(payment, self.user_manager).action_stop()
        payment.action_send()
        self._as(payment, self.user_manager).action_stop()
        self.assertEqual(payment.state, "stopped")

    def test_voided_payment_stays_voided(self):
        payment = self._approved(1000)
        self._as(payment, self.user_manager).action_void()
        for action in ("action_request", "action_approve", "action_send", "action_mark_paid",
                       "action_void", "action_stop"):
            with self.subTest(action=action), self.assertRaises(UserError):
                getattr(self._as(payment, self.user_manager), action)()
        self.assertEqual(payment.state, "voided")

    # ------------------------------------------------------------------ deletion and edits

    def test_paid_payment_is_never_deleted(self):
        payment = self._approved(1000)
        payment.action_mark_paid()
        with self.assertRaises(UserError):
            self._as(payment, self.user_manager).unlink()
        self.assertTrue(payment.exists())

    def test_requested_payment_is_not_deleted_but_draft_is(self):
        payment = self._payment(1000, user=self.user_handler)
        self._as(payment, self.user_handler).action_request()
        with self.assertRaises(UserError):
            self._as(payment, self.user_handler).unlink()
        draft = self._payment(200, user=self.user_handler)
        self._as(draft, self.user_handler).unlink()
        self.assertFalse(draft.exists())

    def test_state_is_not_written_directly(self):
        payment = self._payment(1000, user=self.user_handler)
        for values in ({"state": "paid"}, {"approved_by_id": self.user_handler.id},
                       {"date_voided": "2026-03-01"}):
            with self.subTest(values=values), self.assertRaises(UserError):
                self._as(payment, self.user_handler).write(values)
        self.assertEqual(payment.state, "draft")

    def test_payment_cannot_be_created_approved(self):
        with self.assertRaises(UserError):
            self.env["claims.payment"].with_user(self.user_handler).create({
                "claim_id": self.claim.id, "coverage_id": self.coverage.id,
                "partner_id": self.payee.id, "amount": 100, "state": "approved",
            })

    def test_amount_frozen_once_requested(self):
        payment = self._payment(1000, user=self.user_handler)
        self._as(payment, self.user_handler).write({"amount": 1100})
        self._as(payment, self.user_handler).action_request()
        with self.assertRaises(UserError):
            self._as(payment, self.user_handler).write({"amount": 9000})
        self.assertEqual(payment.amount, 1100)
        # the check number is filled in later and stays editable
        self._as(payment, self.user_handler).write({"check_number": "778"})
        self.assertEqual(payment.check_number, "778")

    # ------------------------------------------------------------------ amounts and remarks

    @mute_logger("odoo.sql_db")
    def test_remarks_unique_per_claim_coverage_and_amount(self):
        self._payment(1000, remarks="Tow invoice 17")
        with self.assertRaises(ValidationError):
            self._payment(1000, remarks="tow invoice 17 ")
        # another amount with the same remarks is a different payment
        self.assertTrue(self._payment(1200, remarks="Tow invoice 17"))

    def test_remarks_of_a_voided_payment_can_be_reused(self):
        payment = self._approved(1000, remarks="Rental car")
        self._as(payment, self.user_manager).action_void()
        self.assertTrue(self._payment(1000, remarks="Rental car"))

    def test_amount_must_be_positive(self):
        with self.assertRaises(ValidationError):
            self._payment(0)
        with self.assertRaises(ValidationError):
            self._payment(-50)

    def test_coverage_must_belong_to_the_claim(self):
        other = self._create_claim(self.company)
        with self.assertRaises(ValidationError):
            self.env["claims.payment"].create({
                "claim_id": self.claim.id, "coverage_id": other.coverage_ids.id,
                "partner_id": self.payee.id, "amount": 10,
            })

    def test_above_outstanding_needs_a_manager_to_request(self):
        self._approved(7000)
        payment = self._payment(3500, user=self.user_handler)
        with self.assertRaises(AccessError):
            self._as(payment, self.user_handler).action_request()
        self._as(payment, self.user_manager).action_request()
        self.assertEqual(payment.state, "requested")

    def test_within_outstanding_handler_requests(self):
        self._approved(7000)
        payment = self._payment(3000, user=self.user_handler)
        self._as(payment, self.user_handler).action_request()
        self.assertEqual(payment.state, "requested")

    def test_recovery_is_not_bound_by_outstanding(self):
        payment = self._payment(50000, payment_type="subrogation", user=self.user_handler)
        self._as(payment, self.user_handler).action_request()
        self.assertEqual(payment.state, "requested")

    def test_payment_of_other_account_is_invisible(self):
        other_claim = self._create_claim(self.other_company, policy_id=False)
        other_claim.coverage_ids._add_reserve(500, "estimate")
        self._payment(100, coverage=other_claim.coverage_ids)
        visible = self.env["claims.payment"].with_user(self.user_handler).search(
            [("claim_id", "=", other_claim.id)])
        self.assertFalse(visible)
