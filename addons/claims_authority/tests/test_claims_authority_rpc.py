# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from odoo.addons.claims_base.tests.common import Json2Mixin

from .common import ClaimsAuthorityCommon


@tagged("post_install", "-at_install")
class TestAuthorityRpc(Json2Mixin, HttpCase, ClaimsAuthorityCommon):
    """The authority rules hold over JSON-2 with an API key, not only behind the buttons."""

    def _call(self, user, model, method, ids, **body):
        return self._json2(user, model, method, dict(body, ids=ids))

    def test_approve_above_own_limit_is_refused_over_json2(self):
        payment = self._requested(30000)
        response = self._call(self.user_manager, "claims.payment", "action_approve", payment.ids)
        self.assertEqual(response.status_code, 403, response.text)
        self.assertIn("20,000.00", response.text)
        payment.invalidate_recordset()
        self.assertEqual(payment.state, "requested")

    def test_approve_own_request_is_refused_over_json2(self):
        payment = self._requested(1000, user=self.user_senior)
        response = self._call(self.user_senior, "claims.payment", "action_approve", payment.ids)
        self.assertEqual(response.status_code, 403, response.text)
        payment.invalidate_recordset()
        self.assertEqual(payment.state, "requested")

    def test_covering_manager_approves_over_json2(self):
        payment = self._requested(30000)
        response = self._call(self.user_senior, "claims.payment", "action_approve", payment.ids)
        self.assertEqual(response.status_code, 200, response.text)
        payment.invalidate_recordset()
        self.assertRecordValues(payment, [{
            "state": "approved", "authority_limit_approved": 100000}])

    def test_authority_fields_cannot_be_written_over_json2(self):
        payment = self._requested(7000)
        response = self._call(self.user_manager, "claims.payment", "write", payment.ids,
                              vals={"authority_limit_approved": 1e9})
        self.assertNotEqual(response.status_code, 200, response.text)
        payment.invalidate_recordset()
        self.assertEqual(payment.authority_limit_approved, 0)

    def test_reserve_line_above_limit_is_refused_over_json2(self):
        before = len(self.coverage.reserve_line_ids)
        response = self._json2(self.user_handler, "claims.reserve.line", "create", {
            "vals_list": [{"coverage_id": self.coverage.id, "amount_change": 50000,
                           "reason": "over the API"}]})
        self.assertEqual(response.status_code, 403, response.text)
        self.assertIn("10,000.00", response.text)
        self.coverage.invalidate_recordset()
        self.assertEqual(len(self.coverage.reserve_line_ids), before)

    def test_reserve_request_rules_hold_over_json2(self):
        response = self._json2(self.user_handler, "claims.reserve.request", "create", {
            "vals_list": [{"coverage_id": self.coverage.id, "amount_change": 30000,
                           "reason": "over the API"}]})
        self.assertEqual(response.status_code, 200, response.text)
        request = self.env["claims.reserve.request"].browse(response.json())
        self.assertEqual(request.approver_id, self.user_manager)
        # neither the requester nor a user under the amount approves it
        for user in (self.user_handler, self.user_handler_2):
            with self.subTest(user=user.login):
                response = self._call(user, "claims.reserve.request", "action_approve",
                                      request.ids)
                self.assertEqual(response.status_code, 403, response.text)
        response = self._call(self.user_handler, "claims.reserve.request", "write",
                              request.ids, vals={"state": "approved"})
        self.assertNotEqual(response.status_code, 200, response.text)
        request.invalidate_recordset()
        self.assertEqual(request.state, "pending")
        response = self._call(self.user_manager, "claims.reserve.request", "action_approve",
                              request.ids)
        self.assertEqual(response.status_code, 200, response.text)
        request.invalidate_recordset()
        self.assertEqual(request.reserve_line_id.authority_requested_by_id, self.user_handler)
