# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Vendors: PolicyPort's vendor list as global vendors with their Tiva Payee IDs per backend."""

from psycopg2.errors import UniqueViolation

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from odoo.addons.queue_job.tests.common import trap_jobs

from tests.simulators.policyport.data import make_vendor

from .common import ClaimsPolicyportCommon, make_claim
from .common_financials import ClaimsPolicyportFinancialsCommon


def _vendor_requests(sim):
    return [r for r in sim.requests if r.path.endswith("/vendors")]


@tagged("post_install", "-at_install")
class TestPolicyportVendorList(ClaimsPolicyportCommon):
    def _vendors_menu(self):
        action = self.env.ref("claims_policyport.res_partner_action_claims_vendor")
        return self.env["res.partner"].with_user(self.user_handler).search(
            safe_eval(action.domain))

    def _payee(self, payee_id, backend=None):
        return self.env["claims.policyport.vendor"].search([
            ("backend_id", "=", (backend or self.backend).id), ("payee_id", "=", payee_id)])

    def test_first_run_of_a_new_backend_reads_every_page_of_the_vendor_list(self):
        for n in range(1, 206):
            self.sim.add_vendor(make_vendor(n))
        self.backend.date_vendors_imported = False
        self.sim.add_claim(make_claim(1))
        self._poll_and_import()
        self.assertEqual([r.arg("page") for r in _vendor_requests(self.sim)], ["1", "2", "3"])
        vendor = self._payee("VN-205").partner_id
        self.assertRecordValues(vendor, [{
            "name": "Vendor 205 Restoration", "is_company": True, "claims_contact_type": "vendor",
            "is_global_vendor": True, "city": "Tampa", "email": "office@vendor205.example"}])
        self.assertEqual(vendor.state_id.code, "FL")
        self.assertIn(vendor, self._vendors_menu())
        self.assertTrue(self.backend.date_vendors_imported)
        self.assertTrue(self._claim("TV-100001"))
        # the next runs read the claims only
        self.sim.requests.clear()
        self._poll_and_import()
        self.assertFalse(_vendor_requests(self.sim))

    def test_import_vendors_again_is_idempotent_on_the_payee_id(self):
        self.sim.add_vendor(make_vendor(1))
        self.sim.add_vendor(make_vendor(500, CompanyName="Dry Out Pros"))  # known here
        for _run in range(2):
            with trap_jobs() as trap:
                self.backend.with_user(self.user_integration).action_import_vendors()
                trap.perform_enqueued_jobs()
            self.sim.add_vendor(make_vendor(2))  # created in PolicyPort between the runs
        self.assertEqual(len(self._payee("VN-1")), 1)
        self.assertEqual(len(self._payee("VN-2")), 1)
        self.assertEqual(self._payee("VN-500").partner_id, self.vendor, "known: not created")
        self.assertEqual(self.env["res.partner"].search_count(
            [("name", "=", "Vendor 1 Restoration")]), 1)
        summaries = self.env["claims.exchange"].search([
            ("kind", "=", "vendors"), ("backend_id", "=", self.backend.id)],
            order="id").mapped("summary")
        self.assertEqual(summaries, [
            "Vendor list: 1 new, 0 made global, 1 known",
            "Vendor list: 1 new, 0 made global, 2 known"])

    def test_handler_cannot_import_the_vendor_list(self):
        with self.assertRaises(AccessError):
            self.backend.with_user(self.user_handler).action_import_vendors()

    def test_unmatched_vendor_of_a_claim_is_a_vendor_contact_then_global_with_the_list(self):
        claim = make_claim(3)
        claim["Parties"][2].update(tivaId="VN-88", CompanyName="Tarp Co")
        self.sim.add_claim(claim)
        self._poll_and_import()
        contact = self._payee("VN-88").partner_id
        self.assertRecordValues(contact, [{"name": "Tarp Co", "claims_contact_type": "vendor",
                                           "is_global_vendor": False, "is_claim_contact": True}])
        self.assertNotIn(contact, self._vendors_menu())
        self.sim.add_vendor(make_vendor(88, CompanyName="Tarp Co"))
        self.env["claims.policyport.vendor"]._import_list(self.backend)
        self.assertRecordValues(contact, [{"is_global_vendor": True, "is_claim_contact": False}])
        self.assertEqual(len(self._payee("VN-88")), 1)
        self.assertIn(contact, self._vendors_menu())

    def test_contact_type_is_kept_once_the_contact_holds_a_payee_id(self):
        for user in (self.user_integration, self.env.ref("base.user_admin")):
            with self.subTest(user=user.login), self.assertRaisesRegex(
                    UserError, "holds a Tiva Payee ID"):
                self.vendor.with_user(user).write({"claims_contact_type": "other"})
        self.assertEqual(self.vendor.claims_contact_type, "vendor")
        plain = self.env["res.partner"].create(
            {"name": "Neighbour", "claims_contact_type": "other"})
        plain.with_user(self.user_integration).write({"claims_contact_type": "vendor"})
        self.assertEqual(plain.claims_contact_type, "vendor")
        form = self.env["res.partner"].with_user(self.user_handler).get_views(
            [(False, "form")])["views"]["form"]["arch"]
        self.assertIn('name="claims_contact_type" readonly="has_tiva_payee_id"', form)
        self.assertIn("its contact type cannot be changed", form)

    def test_payee_ids_are_edited_by_authorised_users_and_unique_per_backend(self):
        other_backend = self.backend.copy({"name": "Second desk"})
        self.assertFalse(self.vendor.with_user(self.user_handler).can_edit_tiva_payee_ids)
        with self.assertRaises(AccessError):
            self._payee("VN-500").with_user(self.user_handler).payee_id = "VN-501"
        self.assertTrue(self.vendor.with_user(self.user_manager).can_edit_tiva_payee_ids)
        self._payee("VN-500").with_user(self.user_manager).payee_id = "VN-501"
        self.assertEqual(self._payee("VN-501").partner_id, self.vendor)
        # the same id in another backend is another account's
        self.env["claims.policyport.vendor"].with_user(self.user_manager).create({
            "backend_id": other_backend.id, "partner_id": self.vendor.id, "payee_id": "VN-501"})
        with mute_logger("odoo.sql_db"), self.assertRaises(UniqueViolation):
            self.env["claims.policyport.vendor"].create({
                "backend_id": self.backend.id, "partner_id": self.insurer.id,
                "payee_id": "VN-501"})


@tagged("post_install", "-at_install")
class TestPolicyportVendorPayments(ClaimsPolicyportFinancialsCommon):
    def test_vendor_created_in_policyport_first_is_paid_by_its_payee_id(self):
        self.sim.add_vendor(make_vendor(900, CompanyName="Gulf Roofing Co"))
        self.env["claims.policyport.vendor"]._import_list(self.backend)
        roofer = self.env["claims.policyport.vendor"].search(
            [("payee_id", "=", "VN-900")]).partner_id
        self.assertTrue(roofer.is_global_vendor)
        payment = self._approved(900.0, "Roof tarp", partner=roofer)
        self.assertFalse(payment.tiva_sync_state == "error")
        self._run()
        payment.invalidate_recordset()
        self.assertRecordValues(payment, [{"state": "sent", "tiva_payable_to": "Gulf Roofing Co"}])
        self.assertEqual(self.sim.payments[payment.tiva_payment_id]["payee"], "VN-900")

    def test_vendor_without_payee_id_is_refused_with_policyports_message(self):
        stranger = self.env["res.partner"].create({"name": "No Id Plumbing", "is_company": True})
        with self.assertRaisesRegex(Exception, "TIVA ID is required for primary payee"):
            self._approved(90.0, "Pipe", partner=stranger)
