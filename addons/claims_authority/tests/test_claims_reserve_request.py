# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .common import ClaimsAuthorityCommon

INTEGRATION_GROUP = "claims_connector.group_claims_integration"


@tagged("post_install", "-at_install")
class TestReserveRequest(ClaimsAuthorityCommon):
    """Reserve changes within one's limit are posted; larger ones wait for an approver."""

    def _add_reserve(self, amount, user=None, reason="estimate"):
        wizard = Form(self.env["claims.reserve.wizard"].with_user(user or self.user_handler)
                      .with_context(default_claim_id=self.claim.id))
        wizard.amount_change = amount
        wizard.reason = reason
        return wizard.save().action_confirm()

    def _requests(self):
        return self.env["claims.reserve.request"].search([("claim_id", "=", self.claim.id)])

    def test_change_within_limit_is_posted_with_its_chain(self):
        self._add_reserve(8000)
        line = self.claim.reserve_line_ids.sorted("id")[-1]
        self.assertRecordValues(line, [{
            "amount_change": 8000, "user_id": self.user_handler.id,
            "authority_requested_by_id": self.user_handler.id,
            "authority_approved_by_id": self.user_handler.id, "authority_limit": 10000,
        }])
        self.assertFalse(self._requests())

    def test_change_above_limit_becomes_a_request_to_an_approver(self):
        lines_before = len(self.claim.reserve_line_ids)
        result = self._add_reserve(-12000, reason="part of the load sold")
        self.assertEqual(result["tag"], "display_notification")
        self.assertEqual(len(self.claim.reserve_line_ids), lines_before, "a decrease counts too")
        request = self._requests()
        self.assertRecordValues(request, [{
            "state": "pending", "amount_change": -12000, "requested_by_id": self.user_handler.id,
            "approver_id": self.user_manager.id, "limit_requested": 10000,
        }])
        self.assertEqual(self._approval_activities(request).user_id, self.user_manager)
        self.assertIn("Marc Manager", self.claim.message_ids[0].body)
        self.assertEqual(self.claim.reserve_request_pending_count, 1)

    def test_wizard_shows_the_limit_and_warns_above_it(self):
        wizard = Form(self.env["claims.reserve.wizard"].with_user(self.user_handler)
                      .with_context(default_claim_id=self.claim.id))
        wizard.amount_change = 500
        self.assertEqual(wizard.authority_limit, 10000)
        self.assertFalse(wizard.is_above_authority)
        wizard.amount_change = 10500
        self.assertTrue(wizard.is_above_authority)

    def test_approval_posts_the_line_with_who_asked_and_approved(self):
        self._add_reserve(12000)
        request = self._requests()
        request.with_user(self.user_manager).action_approve()
        line = request.reserve_line_id
        self.assertRecordValues(line, [{
            "amount_change": 12000, "user_id": self.user_manager.id,
            "authority_requested_by_id": self.user_handler.id,
            "authority_approved_by_id": self.user_manager.id, "authority_limit": 50000,
            "reserve_request_id": request.id,
        }])
        self.assertRecordValues(request, [{
            "state": "approved", "approved_by_id": self.user_manager.id, "authority_limit": 50000,
        }])
        self.assertEqual(self.coverage.amount_reserve, 162000)
        self.assertFalse(request.activity_ids)

    def test_requester_cannot_approve_own_request(self):
        request = self.env["claims.reserve.request"].with_user(self.user_manager).create({
            "coverage_id": self.coverage.id, "amount_change": 60000, "reason": "large"})
        self.assertEqual(request.approver_id, self.user_senior)
        with self.assertRaisesRegex(AccessError, "someone else decides"):
            request.with_user(self.user_manager).action_approve()
        request.with_user(self.user_senior).action_approve()
        self.assertEqual(request.state, "approved")

    def test_approval_above_ones_own_limit_is_refused(self):
        self._add_reserve(12000)
        request = self._requests()
        with self.assertRaisesRegex(AccessError, "10,000.00"):
            request.with_user(self.user_handler_2).action_approve()
        with self.assertRaises(AccessError):
            request.with_user(self.user_handler_2).action_refuse()
        self.assertEqual(request.state, "pending")

    def test_refuse_and_cancel(self):
        self._add_reserve(12000)
        request = self._requests()
        request.with_user(self.user_manager).action_refuse()
        self.assertRecordValues(request, [{"state": "refused",
                                           "approved_by_id": self.user_manager.id}])
        self.assertFalse(request.reserve_line_id)
        with self.assertRaises(UserError):
            request.with_user(self.user_manager).action_approve()
        self._add_reserve(13000, reason="again")
        second = self._requests() - request
        with self.assertRaises(AccessError):
            second.with_user(self.user_handler_2).action_cancel()
        second.with_user(self.user_handler).action_cancel()
        self.assertEqual(second.state, "cancelled")
        self.assertFalse(second.activity_ids)

    def test_request_cannot_be_changed_or_forged(self):
        Request = self.env["claims.reserve.request"].with_user(self.user_handler)
        with self.assertRaises(UserError):
            Request.create({"coverage_id": self.coverage.id, "amount_change": 12000,
                            "reason": "x", "state": "approved"})
        with self.assertRaises(UserError):
            Request.create({"coverage_id": self.coverage.id, "amount_change": 12000,
                            "reason": "x", "requested_by_id": self.user_handler_2.id})
        request = Request.create({"coverage_id": self.coverage.id, "amount_change": 12000,
                                  "reason": "x"})
        with self.assertRaises(UserError):
            request.amount_change = 1
        with self.assertRaises(UserError):
            request.state = "approved"

    def test_direct_line_above_limit_is_refused(self):
        Line = self.env["claims.reserve.line"].with_user(self.user_handler)
        for change in (10001, -10001):
            with self.subTest(change=change), self.assertRaisesRegex(AccessError, "10,000.00"):
                Line.create({"coverage_id": self.coverage.id, "amount_change": change,
                             "reason": "direct"})
        with self.assertRaises(UserError):
            Line.create({"coverage_id": self.coverage.id, "amount_change": 10,
                         "reason": "forged", "authority_limit": 1e9})

    def test_superuser_lines_are_not_bound(self):
        line = self.coverage._add_reserve(500000, "from the insurer's system")
        self.assertRecordValues(line, [{"amount_change": 500000, "authority_limit": 0,
                                        "authority_approved_by_id": False}])

    def test_integration_user_lines_are_not_bound(self):
        if not self.env.ref(INTEGRATION_GROUP, raise_if_not_found=False):
            self.skipTest("claims_connector is not installed")
        robot = new_test_user(self.env, login="robot", groups=INTEGRATION_GROUP,
                              company_id=self.company.id)
        line = self.env["claims.reserve.line"].with_user(robot).create({
            "coverage_id": self.coverage.id, "amount_change": 400000,
            "reason": "initial reserve from the insurer"})
        self.assertEqual(line.amount_change, 400000)

    def test_company_without_limits_posts_any_change(self):
        self.env["claims.authority.limit"].search([]).unlink()
        self._add_reserve(500000)
        self.assertFalse(self._requests())
        self.assertEqual(self.coverage.amount_reserve, 650000)

    def test_other_companys_users_do_not_see_requests(self):
        self._add_reserve(12000)
        request = self._requests()
        other = new_test_user(self.env, login="other_mgr",
                              groups="claims_base.group_claims_manager",
                              company_id=self.other_company.id)
        self.assertFalse(self.env["claims.reserve.request"].with_user(other).search(
            [("id", "=", request.id)]))
        with self.assertRaises(AccessError):
            request.with_user(other).action_approve()
