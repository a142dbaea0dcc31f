# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The connector's own writes cannot be claimed by a caller's context.

The context keys that once let the connector write PolicyPort's payment id and keep a reserve
change from being sent are sent over JSON-2, as a claims handler and as a partner system:
the Tiva fields stay PolicyPort's, and a reserve change still goes to PolicyPort.
"""

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.claims_base.tests.common import Json2Mixin

from .common_financials import ClaimsPolicyportFinancialsCommon


@tagged("post_install", "-at_install")
class TestPolicyportCallerContextRpc(Json2Mixin, HttpCase, ClaimsPolicyportFinancialsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.callers = cls.user_handler
        # a partner system too, where the partner API is installed (the whole suite)
        if cls.env.ref("claims_api.group_claims_api", raise_if_not_found=False):
            cls.callers |= new_test_user(
                cls.env, login="pp_partner_system", groups="claims_api.group_claims_api",
                company_id=cls.company.id, company_ids=[Command.set(cls.company.ids)])

    def test_sync_key_does_not_let_a_caller_write_the_tiva_payment_id(self):
        payment = self._approved(100.0, "Tarp")
        for user in self.callers:
            with self.subTest(caller=user.login):
                response = self._json2(user, "claims.payment", "write", {
                    "ids": payment.ids,
                    "vals": {"tiva_payment_id": "PM-FAKE", "tiva_payable_to": "Mallory"},
                }, {"claims_policyport_sync": True})
                self.assertNotEqual(response.status_code, 200, response.text)
        payment.invalidate_recordset()
        self.assertRecordValues(payment, [{"tiva_payment_id": False, "tiva_payable_to": False}])

    def test_sync_key_does_not_let_a_caller_create_a_payment_with_a_tiva_id(self):
        before = self.env["claims.payment"].search_count([("claim_id", "=", self.pp_claim.id)])
        for user in self.callers:
            with self.subTest(caller=user.login):
                response = self._json2(user, "claims.payment", "create", {"vals_list": [{
                    "claim_id": self.pp_claim.id, "coverage_id": self.dwelling.id,
                    "partner_id": self.insured.id, "amount": 5.0, "remarks": "fake",
                    "tiva_payment_id": "PM-1",
                }]}, {"claims_policyport_sync": True, "claims_payment_transition": True})
                self.assertNotEqual(response.status_code, 200, response.text)
        self.assertEqual(
            self.env["claims.payment"].search_count([("claim_id", "=", self.pp_claim.id)]),
            before)

    def test_no_export_key_does_not_keep_a_reserve_change_from_policyport(self):
        response = self._json2(self.user_handler, "claims.reserve.line", "create", {
            "vals_list": [{"coverage_id": self.dwelling.id, "amount_change": 250.0,
                           "reason": "More damage found"}],
        }, {"claims_policyport_no_export": True})
        self.assertEqual(response.status_code, 200, response.text)
        line = self.env["claims.reserve.line"].browse(response.json())
        self.assertEqual(self._exchanges_of(line, "reserve").state, "pending",
                         "the change waits for the next run, as every change made here")
        self._run()
        self.assertEqual(self._exchanges_of(line, "reserve").state, "done")
        self.assertIn(250.0, [float(r["amount"]) for r in self.sim.reserves])
