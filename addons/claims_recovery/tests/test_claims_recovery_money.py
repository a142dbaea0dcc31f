# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ClaimsRecoveryCommon


@tagged("post_install", "-at_install")
class TestClaimsRecoveryMoney(ClaimsRecoveryCommon):
    def _assert_money(self, **expected):
        fields = {f"amount_{key}": value for key, value in expected.items()}
        self.assertRecordValues(self.coverage, [fields])
        self.assertRecordValues(self.claim, [fields])

    def test_recovery_reserve_recovered_and_net_incurred(self):
        # STEP 1: 3,000 paid out of a 10,000 reserve; 4,000 expected back
        payment = self._payment(3000)
        payment.with_user(self.user_handler).action_request()
        payment.with_user(self.user_manager).action_approve()
        payment.with_user(self.user_manager).action_mark_paid()
        self._assert_money(paid=3000, outstanding=7000, recovery_reserve=4000, recovered=0,
                           net_incurred=10000)
        # STEP 2: 2,500 of it recovered
        self._record_payment(self.recovery, amount=2500)
        self.assertRecordValues(self.recovery, [{
            "amount_recovered": 2500, "amount_outstanding": 1500,
        }])
        self._assert_money(recovery_reserve=1500, recovered=2500, net_incurred=7500)
        # STEP 3: the rest written off: the recovery reserve is released, recovered stays
        self.recovery.with_user(self.user_handler).action_receive(reason="settled")
        self._assert_money(recovery_reserve=0, recovered=2500, net_incurred=7500)

    def test_payment_in_progress_is_not_recovered(self):
        self._record_payment(self.recovery, amount=1000, paid=False)
        self.assertRecordValues(self.recovery, [{
            "amount_recovered": 0, "amount_in_progress": 1000, "amount_outstanding": 4000,
        }])
        self._assert_money(recovery_reserve=4000, recovered=0)

    def test_voided_payment_no_longer_counts(self):
        payment = self._record_payment(self.recovery, amount=1000)
        payment.with_user(self.user_manager).action_void()
        self.assertEqual(self.recovery.amount_recovered, 0)
        self._assert_money(recovery_reserve=4000, recovered=0)

    def test_recovery_payment_without_recovery_still_counts_on_the_coverage(self):
        salvage = self._payment(700, payment_type="salvage")
        salvage.action_request()
        salvage.with_user(self.user_manager).action_approve()
        salvage.action_mark_paid()
        self.assertEqual(self.recovery.amount_recovered, 0)
        self._assert_money(recovered=700, recovery_reserve=4000, net_incurred=9300)

    def test_reserve_sums_open_recoveries_of_each_coverage(self):
        tpl = self.env["claims.claim.coverage"].create({
            "claim_id": self.claim.id, "coverage_type_id": self.coverage_type_tpl.id})
        self._create_recovery(600, kind="deductible", coverage=tpl)
        dropped = self._create_recovery(900, kind="salvage")
        dropped.action_write_off("no buyer")
        self.assertEqual(self.coverage.amount_recovery_reserve, 4000)
        self.assertEqual(tpl.amount_recovery_reserve, 600)
        self.assertEqual(self.claim.amount_recovery_reserve, 4600)

    def test_recovery_reserve_is_never_written(self):
        for record in (self.coverage, self.claim):
            with self.assertRaises(UserError):
                record.with_user(self.user_manager).write({"amount_recovery_reserve": 0})
        self.assertEqual(self.claim.amount_recovery_reserve, 4000)

    def test_amounts_are_in_the_claim_currency(self):
        self.assertEqual(self.recovery.currency_id, self.claim.currency_id)
        payment = self._record_payment(self.recovery)
        self.assertEqual(payment.currency_id, self.recovery.currency_id)
