# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A caller's context unlocks nothing.

Odoo 19 applies the ``context`` of a JSON-2 body to the call. These tests send the keys that
once unlocked the payment state machine and the claim's file status, and the stored totals
of the reserve ledger, as a claims handler and as a partner system, each with its own API
key: every call is refused and the record is unchanged.
"""

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from .common import Json2Mixin


@tagged("post_install", "-at_install")
class TestCallerContextRpc(Json2Mixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        companies = [Command.set(company.ids)]
        cls.handler = new_test_user(
            cls.env, login="ctx_handler", groups="claims_base.group_claims_user",
            company_ids=companies)
        cls.callers = cls.handler
        # a partner system too, where the partner API is installed (the whole suite)
        if cls.env.ref("claims_api.group_claims_api", raise_if_not_found=False):
            cls.callers |= new_test_user(
                cls.env, login="ctx_partner", groups="claims_api.group_claims_api",
                company_ids=companies)
        cls.manager = new_test_user(
            cls.env, login="ctx_manager", groups="claims_base.group_claims_manager",
            company_ids=companies)
        coverage_type = cls.env["claims.coverage.type"].create({"name": "Ctx OD", "code": "CTXOD"})
        cls.claim = cls.env["claims.claim"].create({
            "company_id": company.id, "user_id": cls.handler.id,
            "coverage_ids": [Command.create({"coverage_type_id": coverage_type.id})],
        })
        cls.coverage = cls.claim.coverage_ids
        cls.coverage._add_reserve(5000, "estimate")
        cls.payee = cls.env["res.partner"].create({"name": "Ctx Garage"})
        cls.payment = cls.env["claims.payment"].create({
            "claim_id": cls.claim.id, "coverage_id": cls.coverage.id,
            "partner_id": cls.payee.id, "amount": 1000, "remarks": "ctx",
        })
        cls.payment.with_user(cls.handler).action_request()

    def _refused_for_each_caller(self, model, method, body, context):
        for user in self.callers:
            with self.subTest(caller=user.login):
                response = self._json2(user, model, method, body, context)
                self.assertNotEqual(response.status_code, 200, response.text)

    # ------------------------------------------------------------------ payments

    def test_payment_transition_key_does_not_approve_or_change_a_payment(self):
        self._refused_for_each_caller(
            "claims.payment", "write",
            {"ids": self.payment.ids, "vals": {"state": "approved", "amount": 99999}},
            {"claims_payment_transition": True})
        self.payment.invalidate_recordset()
        self.assertRecordValues(self.payment, [{
            "state": "requested", "amount": 1000, "approved_by_id": False}])

    def test_payment_transition_key_does_not_create_a_paid_payment(self):
        count = self.env["claims.payment"].search_count([("claim_id", "=", self.claim.id)])
        self._refused_for_each_caller(
            "claims.payment", "create",
            {"vals_list": [{"claim_id": self.claim.id, "coverage_id": self.coverage.id,
                            "partner_id": self.payee.id, "amount": 10, "remarks": "fake",
                            "state": "paid", "approved_by_id": self.manager.id}]},
            {"claims_payment_transition": True})
        self.assertEqual(
            self.env["claims.payment"].search_count([("claim_id", "=", self.claim.id)]), count)

    def test_the_buttons_still_move_a_payment(self):
        response = self._json2(self.manager, "claims.payment", "action_approve",
                               {"ids": self.payment.ids}, {})
        self.assertEqual(response.status_code, 200, response.text)
        self.payment.invalidate_recordset()
        self.assertRecordValues(self.payment, [{
            "state": "approved", "approved_by_id": self.manager.id}])
        self.assertTrue(self.payment.date_approved)

    # ------------------------------------------------------------------ the claim's file status

    def test_file_status_key_does_not_close_a_claim(self):
        self._refused_for_each_caller(
            "claims.claim", "write",
            {"ids": self.claim.ids, "vals": {"file_status": "closed",
                                             "date_closed": "2020-01-01"}},
            {"claims_file_status_change": True})
        self.claim.invalidate_recordset()
        self.assertRecordValues(self.claim, [{"file_status": "open", "date_closed": False}])

    def test_a_claim_is_not_created_closed(self):
        count = self.env["claims.claim"].search_count([])
        self._refused_for_each_caller(
            "claims.claim", "create",
            {"vals_list": [{"company_id": self.env.company.id, "file_status": "closed"}]},
            {"claims_file_status_change": True})
        self.assertEqual(self.env["claims.claim"].search_count([]), count)

    def test_close_over_json2_still_closes_under_its_rules(self):
        self.payment.with_user(self.manager).action_reset_to_draft()
        self.payment.unlink()
        response = self._json2(self.handler, "claims.claim", "action_close",
                               {"ids": self.claim.ids}, {})
        self.assertNotEqual(response.status_code, 200, "outstanding reserve: refused")
        self.coverage._set_reserve(0, "settled")
        response = self._json2(self.handler, "claims.claim", "action_close",
                               {"ids": self.claim.ids}, {})
        self.assertEqual(response.status_code, 200, response.text)
        self.claim.invalidate_recordset()
        self.assertEqual(self.claim.file_status, "closed")
        self.assertTrue(self.claim.date_closed)

    # ------------------------------------------------------------------ totals of the ledger

    def test_totals_of_the_ledger_cannot_be_written(self):
        for model, record in (("claims.claim", self.claim), ("claims.claim.coverage",
                                                             self.coverage)):
            self._refused_for_each_caller(
                model, "write", {"ids": record.ids, "vals": {"amount_outstanding": 0,
                                                            "amount_reserve": 0}}, {})
            record.invalidate_recordset()
            self.assertEqual(record.amount_outstanding, 5000, model)
            self.assertEqual(record.amount_reserve, 5000, model)
