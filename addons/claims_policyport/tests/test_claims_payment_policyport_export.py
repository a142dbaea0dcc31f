# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from odoo.addons.queue_job.tests.common import trap_jobs

from .common_financials import ClaimsPolicyportFinancialsCommon


@tagged("post_install", "-at_install")
class TestClaimsPaymentPolicyportExport(ClaimsPolicyportFinancialsCommon):
    def test_approved_payment_is_sent_and_shows_policyports_payable_to(self):
        payment = self._approved(12000.0, "Roof replacement, first instalment")
        self.assertEqual(payment.tiva_sync_state, "pending")
        self.assertEqual(payment.state, "approved")
        self._run()
        payment.invalidate_recordset()
        self.assertRecordValues(payment, [{
            "state": "sent", "tiva_sync_state": "done", "tiva_payable_to": "Ines Insured1",
            "tiva_payment_id": next(iter(self.sim.payments)),
        }])
        sent = next(iter(self.sim.payments.values()))
        self.assertEqual((sent["payee"], sent["amount"], sent["coverage"], sent["remarks"]),
                         ("CL-1", 12000.0, "A", "Roof replacement, first instalment"))

    def test_draft_and_requested_payments_are_not_sent(self):
        payment = self.env["claims.payment"].with_user(self.user_handler).create({
            "claim_id": self.pp_claim.id, "coverage_id": self.dwelling.id,
            "partner_id": self.insured.id, "amount": 10.0, "remarks": "Not yet"})
        payment.action_request()
        self._run()
        self.assertFalse(self.sim.payments)
        self.assertFalse(payment.tiva_sync_state)

    # ------------------------------------------------------------------ validation

    def test_payee_without_tiva_id_is_refused_with_policyports_message(self):
        stranger = self.env["res.partner"].create({"name": "Cash Roofing"})
        with self.assertRaisesRegex(ValidationError, "^TIVA ID is required for primary payee$"):
            self._approved(100.0, "Tarp", partner=stranger)

    def test_additional_payee_without_tiva_id_is_refused_with_its_name(self):
        bank = self.env["res.partner"].create({"name": "First Coast Bank"})
        with self.assertRaisesRegex(ValidationError, "^A Validation Error Has Occurred. "
                                    "Additional Payee: First Coast Bank must have a TIVA ID.$"):
            self._approved(100.0, "Mortgage", additional_payee_ids=[Command.set(bank.ids)])

    def test_contact_without_tiva_id_cannot_get_payments(self):
        self.pp_claim.participant_ids.filtered(
            lambda p: p.partner_id == self.insured).reference = False
        with self.assertRaisesRegex(ValidationError, "TIVA ID is required in order to set "
                                    "Payments & Reserves."):
            self._approved(100.0, "Tarp", partner=self.vendor)

    def test_same_remarks_and_amount_on_the_coverage_are_refused(self):
        self._approved(100.0, "Tarp")
        with self.assertRaisesRegex(ValidationError, "^There is already a payment for this claim "
                                    "with the same amount and remarks. Please enter unique "
                                    "Remarks.$"):
            self._approved(100.0, "tarp ")

    def test_same_remarks_made_in_policyport_fail_the_export_with_its_message(self):
        self.sim.add_payment("TV-100001", "CL-1", "100.00", "Tarp")
        payment = self._approved(100.0, "Tarp")
        self._run()
        payment.invalidate_recordset()
        self.assertEqual(payment.tiva_sync_state, "error")
        self.assertIn("There is already a payment for this claim with the same amount and "
                      "remarks. Please enter unique Remarks.", payment.tiva_sync_error)
        self.assertEqual(payment.state, "approved")

    def test_user_without_rights_in_policyport_sees_the_error(self):
        self.sim.denied.add("payments")
        payment = self._approved(100.0, "Tarp")
        self._run()
        payment.invalidate_recordset()
        self.assertEqual(payment.tiva_sync_state, "error")
        self.assertIn("(403): User desk does not have the right to set Payments & Reserves.",
                      payment.tiva_sync_error)
        message = payment.message_ids.filtered(lambda m: "403" in (m.body or ""))
        self.assertTrue(message, "the failure is posted on the payment, not silent")

    # ------------------------------------------------------------------ faults

    def test_server_error_then_success_sends_one_payment(self):
        self.backend.export_mode = "asap"
        self.sim.add_fault("status", status=500, method="POST", path="/payments$")
        with trap_jobs() as trap:
            payment = self._approved(100.0, "Tarp")
            job = self._fails_once(trap)
            self.assertEqual(payment.tiva_sync_state, "pending")
            job.perform()
        payment.invalidate_recordset()
        self.assertEqual((payment.state, payment.tiva_sync_state), ("sent", "done"))
        self.assertEqual(len(self.sim.payments), 1)

    def test_timeout_after_policyport_recorded_it_leaves_one_payment_there(self):
        self.backend.export_mode = "asap"
        # Odoo's test harness raises any requests timeout to 10 s: answer later than that
        self.sim.add_fault("stall", seconds=10.5, method="POST", path="/payments$")
        with trap_jobs() as trap:
            payment = self._approved(100.0, "Tarp")
            job = self._fails_once(trap)
            self.assertEqual(len(self.sim.payments), 1)
            job.perform()
        self.assertEqual(len(self.sim.payments), 1, "the same key: recorded once")
        payment.invalidate_recordset()
        self.assertEqual(payment.tiva_payment_id, next(iter(self.sim.payments)))
        keys = {r.headers["idempotency-key"] for r in self.sim.requests if r.method == "POST"}
        self.assertEqual(len(keys), 1)

    def test_wrong_tiva_id_corrected_is_sent_again_by_the_next_run(self):
        participant = self.pp_claim.participant_ids.filtered(
            lambda p: p.partner_id == self.vendor)
        participant.reference = "VN-5000"
        payment = self._approved(800.0, "Water extraction", partner=self.vendor)
        self._run()
        payment.invalidate_recordset()
        self.assertEqual(payment.tiva_sync_state, "error")
        self.assertIn("TIVA ID VN-5000 is unknown.", payment.tiva_sync_error)
        self._run()
        self.assertEqual(len(self._exchanges_of(payment, "payment")), 1, "unchanged: not resent")
        participant.reference = "VN-500"
        self._run()
        payment.invalidate_recordset()
        self.assertEqual((payment.tiva_sync_state, payment.state), ("done", "sent"))
        self.assertEqual(payment.tiva_payable_to, "Dry Out Pros")
        first, second = self._exchanges_of(payment, "payment")
        self.assertNotEqual(first.message_id, second.message_id, "a new body, a new key")

    # ------------------------------------------------------------------ never sent, rights

    def test_recoveries_manual_checks_and_stop_payments_are_never_sent(self):
        salvage = self._approved(50.0, "Salvage of the roof tiles", payment_type="salvage")
        manual = self._approved(60.0, "Hotel paid by hand", method="manual_check")
        self.assertTrue(salvage.tiva_never_sent and manual.tiva_never_sent)
        self._run()
        self.assertFalse(self.sim.payments)
        self.assertFalse(salvage.tiva_sync_state or manual.tiva_sync_state)
        sent = self._approved(70.0, "Tarp")
        self._run()
        sent.with_user(self.user_voider).action_stop()
        self.assertTrue(sent.tiva_never_sent)
        self.assertEqual(len(self.sim.payments), 1)

    def test_payment_form_says_so_for_never_sent_kinds(self):
        arch = self.env["claims.payment"].get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn("Never sent to PolicyPort: recoveries (subrogation, salvage), manual "
                      "checks and", arch)
        self.assertIn('invisible="not is_policyport or not tiva_never_sent"', arch)

    def test_payable_to_and_tiva_payment_id_cannot_be_written(self):
        payment = self._approved(100.0, "Tarp")
        for values in ({"tiva_payable_to": "Someone Else"}, {"tiva_payment_id": "PM-1"}):
            with self.assertRaises(UserError):
                payment.write(values)
        with self.assertRaises(UserError):
            payment.with_user(self.user_manager).with_context(
                claims_policyport_sync=True).write({"tiva_payable_to": "X"})

    def test_handler_cannot_approve_so_nothing_is_sent(self):
        payment = self.env["claims.payment"].with_user(self.user_handler).create({
            "claim_id": self.pp_claim.id, "coverage_id": self.dwelling.id,
            "partner_id": self.insured.id, "amount": 10.0, "remarks": "Tarp"})
        payment.action_request()
        with self.assertRaises(AccessError):
            payment.action_approve()
        self.assertFalse(self._exchanges_of(payment, "payment"))

    @mute_logger("odoo.addons.claims_connector.models.claims_exchange")
    def test_bad_payload_from_policyport_fails_permanently(self):
        self.sim.add_fault("malformed", method="POST", path="/payments$")
        payment = self._approved(100.0, "Tarp")
        self._run()
        payment.invalidate_recordset()
        self.assertEqual(payment.tiva_sync_state, "error")
        self.assertIn("malformed", payment.tiva_sync_error)

    def test_new_payment_in_the_form_shows_no_badge_yet(self):
        with Form(self.env["claims.payment"].with_user(self.user_handler)) as form:
            form.claim_id = self.pp_claim
            form.coverage_id = self.dwelling
            form.partner_id = self.insured
            form.amount = 10.0
            form.remarks = "From the form"
            self.assertTrue(form.is_policyport)
            self.assertFalse(form.tiva_sync_state)
            form.payment_type = "salvage"
            self.assertTrue(form.tiva_never_sent)
        self.assertEqual(form.record.state, "draft")
