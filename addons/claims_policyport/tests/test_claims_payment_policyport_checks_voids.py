# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.queue_job.tests.common import trap_jobs

from .common_financials import ClaimsPolicyportFinancialsCommon


@tagged("post_install", "-at_install")
class TestClaimsPaymentPolicyportChecksVoids(ClaimsPolicyportFinancialsCommon):
    def _sent(self, amount=1000.0, remarks="Tarp and dry-out"):
        payment = self._approved(amount, remarks)
        self._run()
        payment.invalidate_recordset()
        self.assertEqual(payment.state, "sent")
        return payment

    # ------------------------------------------------------------------ checks

    def test_issued_check_makes_the_payment_paid_with_its_number_and_date(self):
        payment = self._sent()
        self.sim.issue_check(payment.tiva_payment_id, "100234", fields.Date.to_string(
            fields.Date.context_today(payment)))
        self._run()
        payment.invalidate_recordset()
        self.assertRecordValues(payment, [{"state": "paid", "check_number": "100234"}])
        self.assertTrue(payment.date_check)
        self.assertEqual(self.dwelling.amount_paid, 1000.0)
        self._run()  # the same check read again
        checks = self.env["claims.exchange"].search([("kind", "=", "check"),
                                                     ("backend_id", "=", self.backend.id)])
        self.assertEqual(len(checks), 1, "a check is applied once")

    def test_check_printed_late_with_a_date_before_the_cursor_is_not_missed(self):
        """PolicyPort lists today a check dated five days ago, for a payment approved ten
        days ago, while our cursor already says today: the payment becomes paid."""
        payment = self._sent()
        self.env.cr.execute("UPDATE claims_payment SET date_approved = %s WHERE id = %s",
                            (fields.Datetime.now() - timedelta(days=10), payment.id))
        payment.invalidate_recordset()
        # the run asks for checks since the day before its cursor: this one is older
        date_check = self.backend.financials_cursor - timedelta(days=5)
        self.sim.issue_check(payment.tiva_payment_id, "100240", fields.Date.to_string(date_check))
        self._run()
        payment.invalidate_recordset()
        self.assertRecordValues(payment, [{
            "state": "paid", "check_number": "100240", "date_check": date_check,
        }])

    def test_check_of_a_payment_unknown_here_is_logged_and_skipped(self):
        other = self.sim.add_payment("TV-100001", "CL-1", "5.00", "Made in PolicyPort")
        self.sim.issue_check(other, "999", fields.Date.to_string(fields.Date.today()))
        self._run()
        check = self.env["claims.exchange"].search([("kind", "=", "check")])
        self.assertEqual(check.state, "skipped")

    # ------------------------------------------------------------------ voids from PolicyPort

    def test_void_in_policyport_voids_an_exported_paid_payment(self):
        payment = self._sent()
        today = fields.Date.to_string(fields.Date.today())
        self.sim.issue_check(payment.tiva_payment_id, "100235", today)
        self._run()
        self.sim.void_payment(payment.tiva_payment_id, today)
        self._run()
        payment.invalidate_recordset()
        self.assertEqual(payment.state, "voided")
        self.assertEqual(payment.tiva_void_state, "done")
        self.assertEqual(self.dwelling.amount_paid, 0.0)

    def test_void_in_policyport_of_an_unpaid_payment_changes_nothing_here(self):
        payment = self._sent()
        self.sim.void_payment(payment.tiva_payment_id, fields.Date.to_string(fields.Date.today()))
        self._run()
        payment.invalidate_recordset()
        self.assertEqual(payment.state, "sent")
        void = self.env["claims.exchange"].search([("kind", "=", "void"), ("direction", "=", "in")])
        self.assertEqual(void.state, "skipped")

    # ------------------------------------------------------------------ voids made here

    def test_void_here_of_a_sent_payment_is_sent_to_policyport(self):
        payment = self._sent()
        self.assertFalse(payment.tiva_void_state, "blank: no void")
        payment.with_user(self.user_voider).action_void()
        self.assertEqual(payment.tiva_void_state, "pending")
        self._run()
        payment.invalidate_recordset()
        self.assertEqual(payment.tiva_void_state, "done")
        self.assertTrue(self.sim.payments[payment.tiva_payment_id]["voided"])

    def test_void_here_before_it_was_sent_says_no_and_sends_nothing(self):
        payment = self._approved(100.0, "Tarp")
        payment.with_user(self.user_voider).action_void()
        self.assertEqual(payment.tiva_void_state, "no")
        self._run()
        self.assertFalse(self.sim.payments, "the export was cancelled")
        self.assertEqual(self._exchanges_of(payment, "payment").state, "skipped")

    def test_void_refused_by_policyport_fails_then_retried_from_the_log(self):
        payment = self._sent()
        self.sim.denied.add("voids")
        payment.with_user(self.user_voider).action_void()
        self._run()
        payment.invalidate_recordset()
        self.assertEqual(payment.tiva_void_state, "error")
        self.assertIn("403", payment.tiva_void_error)
        self.sim.denied.clear()
        with trap_jobs() as trap:
            self._exchanges_of(payment, "void").with_user(self.user_integration).action_retry()
            trap.perform_enqueued_jobs()
        payment.invalidate_recordset()
        self.assertEqual(payment.tiva_void_state, "done")

    def test_void_with_policyport_down_stays_pending_then_succeeds(self):
        payment = self._sent()
        self.sim.add_fault("status", status=503, method="POST", path="/void$")
        self.backend.export_mode = "asap"
        with trap_jobs() as trap:
            payment.with_user(self.user_voider).action_void()
            job = self._fails_once(trap)
            self.assertEqual(payment.tiva_void_state, "pending")
            job.perform()
        payment.invalidate_recordset()
        self.assertEqual(payment.tiva_void_state, "done")

    def test_voids_not_sent_when_the_backend_option_is_off(self):
        self.backend.export_voids = False
        payment = self._sent()
        payment.with_user(self.user_voider).action_void()
        self._run()
        self.assertFalse(self.sim.payments[payment.tiva_payment_id]["voided"])
        self.assertFalse(payment.tiva_void_state)

    def test_handler_without_the_void_group_cannot_void(self):
        payment = self._sent()
        with self.assertRaises(AccessError):
            payment.with_user(self.user_handler).action_void()
        self.assertEqual(payment.state, "sent")
        self.assertFalse(self._exchanges_of(payment, "void"))
