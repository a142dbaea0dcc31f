# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Payments that cannot be faked: PolicyPort sends the check.

On a PolicyPort claim, "Mark sent" and "Mark paid" are neither offered nor accepted, by the
form, by the method or over JSON-2 with an API key; manual checks and recoveries keep them.
Who voided a payment, and when, is kept; void export is off on a new backend.
"""

from lxml import etree

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import format_date
from odoo.tools.safe_eval import safe_eval

from odoo.addons.claims_base.tests.common import Json2Mixin

from .common_financials import ClaimsPolicyportFinancialsCommon


@tagged("post_install", "-at_install")
class TestClaimsPaymentPolicyportManual(Json2Mixin, HttpCase, ClaimsPolicyportFinancialsCommon):
    def _button_shown(self, payment, name):
        """Whether the payment form offers the button, its ``invisible`` evaluated on the
        payment's values as the web client does."""
        arch = self.env["claims.payment"].with_user(self.user_handler).get_views(
            [(False, "form")])["views"]["form"]["arch"]
        button = etree.fromstring(arch).xpath(f"//header/button[@name='{name}']")
        self.assertEqual(len(button), 1, f"one {name} button")
        invisible = button[0].get("invisible") or "False"
        values = {"state": payment.state, "is_policyport": payment.is_policyport,
                  "tiva_never_sent": payment.tiva_never_sent}
        return not safe_eval(invisible, values)

    def test_policyport_payment_form_offers_no_mark_sent_or_mark_paid(self):
        payment = self._approved(100.0, "Tarp")
        self.assertFalse(self._button_shown(payment, "action_send"))
        self.assertFalse(self._button_shown(payment, "action_mark_paid"))
        self._run()
        payment.invalidate_recordset()
        self.assertEqual(payment.state, "sent", "PolicyPort acknowledged it")
        self.assertFalse(self._button_shown(payment, "action_mark_paid"))

    def test_manual_check_form_keeps_mark_sent_and_mark_paid(self):
        payment = self._approved(100.0, "Locksmith", method="manual_check")
        self.assertTrue(self._button_shown(payment, "action_send"))
        self.assertTrue(self._button_shown(payment, "action_mark_paid"))
        plain = self._payment(50.0)  # a claim of no connector
        plain.action_request()
        plain.with_user(self.user_manager).action_approve()
        self.assertTrue(self._button_shown(plain, "action_send"))

    def test_handler_and_manager_cannot_mark_a_policyport_payment_sent_or_paid(self):
        payment = self._approved(100.0, "Tarp")
        for user in (self.user_handler, self.user_manager):
            with self.subTest(user=user.login):
                with self.assertRaisesRegex(UserError, "PolicyPort sends the check"):
                    payment.with_user(user).action_send()
                with self.assertRaisesRegex(UserError, "PolicyPort sends the check"):
                    payment.with_user(user).action_mark_paid("000123", "2026-11-21")
        self.assertRecordValues(payment, [{"state": "approved", "check_number": False}])
        self._run()
        payment.invalidate_recordset()
        with self.assertRaises(UserError):
            payment.with_user(self.user_manager).action_mark_paid("000123")
        self.assertEqual(payment.state, "sent")

    def test_mark_paid_over_json2_is_refused_whatever_the_context(self):
        payment = self._approved(100.0, "Tarp")
        self._run()
        for method, body in (("action_mark_paid", {"check_number": "42"}), ("action_send", {})):
            with self.subTest(method=method):
                response = self._json2(
                    self.user_manager, "claims.payment", method, dict(body, ids=payment.ids),
                    {"claims_policyport_sync": True, "claims_payment_transition": True})
                self.assertNotEqual(response.status_code, 200, response.text)
                self.assertIn("PolicyPort sends the check", response.text)
        payment.invalidate_recordset()
        self.assertRecordValues(payment, [{"state": "sent", "check_number": False}])

    def test_manual_check_and_recovery_are_marked_by_hand(self):
        manual = self._approved(100.0, "Locksmith", method="manual_check")
        manual.action_send()
        manual.action_mark_paid("M-7", "2026-11-21")
        recovery = self._approved(40.0, "Salvage of the roof tiles", payment_type="salvage")
        recovery.action_mark_paid()
        self.assertRecordValues(manual | recovery, [
            {"state": "paid", "check_number": "M-7"}, {"state": "paid", "check_number": False}])
        self._run()
        self.assertFalse(self.sim.payments, "PolicyPort never gets them")

    # ------------------------------------------------------------------ voids

    def test_void_records_who_voided_and_when(self):
        payment = self._approved(100.0, "Tarp")
        self._run()
        payment.with_user(self.user_voider).action_void()
        self.assertRecordValues(payment, [{
            "state": "voided", "voided_by_id": self.user_voider.id,
            "date_voided": fields.Date.context_today(payment),
        }])
        with self.assertRaises(UserError):
            payment.with_user(self.user_voider).write({"voided_by_id": self.user_handler.id})
        response = self._json2(self.user_voider, "claims.payment", "write", {
            "ids": payment.ids, "vals": {"voided_by_id": self.user_handler.id}})
        self.assertNotEqual(response.status_code, 200, response.text)
        payment.invalidate_recordset()
        self.assertEqual(payment.voided_by_id, self.user_voider)

    def test_void_from_policyport_records_the_backend_user(self):
        payment = self._approved(100.0, "Tarp")
        self._run()
        today = fields.Date.to_string(fields.Date.today())
        self.sim.issue_check(payment.tiva_payment_id, "100500", today)
        self.sim.void_payment(payment.tiva_payment_id, today)
        self.backend.with_user(self.user_integration)._job_financials()
        payment.invalidate_recordset()
        self.assertRecordValues(payment, [{"state": "voided",
                                           "voided_by_id": self.user_integration.id}])

    def test_void_export_is_off_on_a_new_backend(self):
        backend = self.env["claims.policyport.backend"].create({
            "name": "Another desk", "endpoint": self.sim.url, "company_id": self.company.id})
        self.assertFalse(backend.export_voids)
        self.backend.export_voids = False
        payment = self._approved(100.0, "Tarp")
        self._run()
        payment.with_user(self.user_voider).action_void()
        self._run()
        self.assertFalse(self.sim.payments[payment.tiva_payment_id]["voided"])

    def test_void_states_show_on_the_claim_payments_tab_and_the_payments_list(self):
        claim_arch = etree.fromstring(self.env["claims.claim"].get_views(
            [(False, "form")])["views"]["form"]["arch"])
        columns = claim_arch.xpath("//field[@name='payment_ids']/list/field/@name")
        for name in ("tiva_sync_state", "tiva_void_state", "check_number", "date_check"):
            self.assertIn(name, columns)
        list_arch = etree.fromstring(self.env["claims.payment"].get_views(
            [(False, "list")])["views"]["list"]["arch"])
        void = list_arch.xpath("//field[@name='tiva_void_state']")
        self.assertEqual(void[0].get("optional"), "show")

    # ------------------------------------------------------------------ financial report

    def test_claim_summary_shows_per_payment_sent_check_number_and_date(self):
        paid = self._approved(1000.0, "Tarp and dry-out")
        waiting = self._approved(250.0, "Rugs", coverage=self.contents)
        self._run()
        paid.invalidate_recordset()
        today = fields.Date.context_today(paid)
        self.sim.issue_check(paid.tiva_payment_id, "100777", fields.Date.to_string(today))
        self.sim.denied.add("payments")
        unsent = self._approved(75.0, "Locksmith")
        self._run()
        html = self.env["ir.actions.report"]._render_qweb_html(
            "claims_base.claims_claim_report_summary", self.pp_claim.ids)[0].decode()
        self.assertIn("Check date", html)
        self.assertIn("Sent to Tiva", html)
        self.assertIn("100777", html)
        self.assertIn(format_date(self.env, today), html)
        rows = etree.fromstring(html, etree.HTMLParser()).xpath(
            "//table[@name='payments']/tbody/tr")
        sent = [row.xpath("string(td[@name='tiva_sent'])").strip() for row in rows]
        self.assertEqual(sorted(sent), ["No", "Yes", "Yes"], (paid, waiting, unsent))


@tagged("post_install", "-at_install")
class TestClaimsClaimPolicyportMarkOff(Json2Mixin, HttpCase, ClaimsPolicyportFinancialsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_reviewer = cls.env["res.users"].create({
            "name": "Rita Reviewer", "login": "pp_reviewer",
            "group_ids": [Command.set([
                cls.env.ref("claims_policyport.group_claims_mark_off").id])],
            "company_id": cls.company.id, "company_ids": [Command.set(cls.company.ids)],
        })

    def _mark_off(self, user, claim):
        action = claim.with_user(user).action_open_mark_off_wizard()
        wizard = self.env[action["res_model"]].with_user(user).with_context(
            **action["context"]).create({"reason": "duplicate", "note": "same as HO-2026-00002"})
        return wizard.action_confirm()

    def test_handler_cannot_mark_a_policyport_claim_off(self):
        with self.assertRaisesRegex(AccessError, "mark PolicyPort claims off"):
            self._mark_off(self.user_handler, self.pp_claim)
        for method, body in (("action_mark_off", {"reason": "duplicate"}),
                             ("write", {"vals": {"is_marked_off": True}})):
            with self.subTest(method=method):
                response = self._json2(self.user_handler, "claims.claim", method,
                                       dict(body, ids=self.pp_claim.ids))
                self.assertNotEqual(response.status_code, 200, response.text)
        self.pp_claim.invalidate_recordset()
        self.assertFalse(self.pp_claim.is_marked_off)

    def test_authorised_user_marks_off_and_puts_back_to_work(self):
        self._mark_off(self.user_reviewer, self.pp_claim)
        self.assertRecordValues(self.pp_claim, [{"is_marked_off": True,
                                                 "mark_off_reason": "duplicate"}])
        self.assertIn("same as HO-2026-00002", self.pp_claim.message_ids[:1].body)
        with self.assertRaises(AccessError):
            self.pp_claim.with_user(self.user_handler).action_unmark_off()
        self.pp_claim.with_user(self.user_manager).action_unmark_off()
        self.assertFalse(self.pp_claim.is_marked_off)

    def test_review_tab_holds_mark_off_for_the_authorised_group(self):
        arch = etree.fromstring(self.env["claims.claim"].get_views(
            [(False, "form")])["views"]["form"]["arch"])
        review = arch.xpath("//page[@name='policyport_review']")
        self.assertEqual(review[0].get("string"), "Review")
        header = arch.xpath("//header/button[@name='action_open_mark_off_wizard']")[0]
        self.assertIn("tiva_claim_id", header.get("invisible"))
        # the Review tab's buttons are in the view of the group only
        for user, count in ((self.user_handler, 0), (self.user_reviewer, 1)):
            arch = etree.fromstring(self.env["claims.claim"].with_user(user).get_views(
                [(False, "form")])["views"]["form"]["arch"])
            self.assertEqual(len(arch.xpath(
                "//page[@name='policyport_review']//button[@name='action_open_mark_off_wizard']"
            )), count, user.login)

    def test_claim_of_no_connector_is_marked_off_by_a_handler_as_before(self):
        self._mark_off(self.user_handler, self.claim)
        self.assertTrue(self.claim.is_marked_off)
