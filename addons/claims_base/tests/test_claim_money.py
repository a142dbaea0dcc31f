# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ClaimsCommon


@tagged("post_install", "-at_install")
class TestClaimMoney(ClaimsCommon):
    def _assert_money(self, **expected):
        fields = {f"amount_{key}": value for key, value in expected.items()}
        self.assertRecordValues(self.coverage, [fields])
        self.assertRecordValues(self.claim, [fields])

    def test_money_example_line_by_line(self):
        # STEP 1: reserve 10,000 -> outstanding 10,000
        self.coverage._add_reserve(10000, "first estimate")
        self._assert_money(reserve=10000, paid=0, pending=0, outstanding=10000)
        # STEP 2: payment 3,000 approved -> pending 3,000, outstanding 7,000
        payment = self._payment(3000)
        payment.with_user(self.user_handler).action_request()
        payment.with_user(self.user_manager).action_approve()
        self._assert_money(reserve=10000, paid=0, pending=3000, outstanding=7000)
        # STEP 3: paid -> paid 3,000, outstanding 7,000
        payment.action_mark_paid(check_number="100234", date_check="2026-03-10")
        self._assert_money(paid=3000, pending=0, outstanding=7000, incurred=10000)
        # STEP 4: reserve -2,000 (total 8,000) -> outstanding 5,000
        self.coverage._add_reserve(-2000, "estimate lowered")
        self._assert_money(reserve=8000, outstanding=5000)
        # STEP 5: a payment of 6,000 requested -> above outstanding: manager only
        big = self._payment(6000, user=self.user_handler)
        with self.assertRaises(AccessError):
            big.with_user(self.user_handler).action_request()
        big.with_user(self.user_manager).action_request()
        self.assertEqual(big.state, "requested")
        # STEP 6: salvage 500 -> recoveries 500, net incurred 7,500
        salvage = self._payment(500, payment_type="salvage")
        salvage.action_request()
        salvage.with_user(self.user_manager).action_approve()
        salvage.action_mark_paid()
        self._assert_money(recovered=500, incurred=8000, net_incurred=7500)
        # STEP 7: the 3,000 payment voided -> paid 0, outstanding 8,000
        payment.with_user(self.user_manager).action_void()
        self._assert_money(paid=0, outstanding=8000, recovered=500, net_incurred=7500)

    def test_ledger_line_records_new_total_and_author(self):
        first = self.coverage.with_user(self.user_handler)._add_reserve(1000, "estimate")
        second = self.coverage._add_reserve(250, "tow invoice")
        self.assertRecordValues(first | second, [
            {"amount_total": 1000, "user_id": self.user_handler.id},
            {"amount_total": 1250, "user_id": self.env.user.id},
        ])

    def test_posted_reserve_line_is_never_edited_or_deleted(self):
        line = self.coverage._add_reserve(1000, "estimate")
        with self.assertRaises(UserError):
            line.write({"amount_change": 5})
        with self.assertRaises(UserError):
            line.with_user(self.user_manager).unlink()
        self.assertEqual(self.coverage.amount_reserve, 1000)

    def test_set_reserve_posts_a_correcting_line(self):
        self.coverage._add_reserve(1000, "estimate")
        correction = self.coverage._set_reserve(400, "agreed with the insurer")
        self.assertEqual(correction.amount_change, -600)
        self.assertEqual(len(self.coverage.reserve_line_ids), 2)
        self.assertEqual(self.coverage.amount_reserve, 400)

    def test_handler_cannot_rewrite_a_reserve_line(self):
        line = self.coverage.with_user(self.user_handler)._add_reserve(1000, "estimate")
        with self.assertRaises(UserError):
            line.with_user(self.user_handler).write({"reason": "changed"})
        self.assertEqual(line.reason, "estimate")
