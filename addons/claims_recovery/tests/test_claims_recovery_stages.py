# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ClaimsRecoveryCommon


@tagged("post_install", "-at_install")
class TestClaimsRecoveryStages(ClaimsRecoveryCommon):
    def test_recovery_pursued_to_receipt(self):
        recovery = self.recovery.with_user(self.user_handler)
        # STEP 1: identified, then demanded and agreed
        self.assertEqual(recovery.stage, "identified")
        recovery.action_demand()
        recovery.action_agree()
        self.assertRecordValues(recovery, [{
            "stage": "agreed", "date_demanded": self.today, "date_agreed": self.today,
        }])
        # STEP 2: the payment is recorded and paid
        self._record_payment(recovery)
        self.assertRecordValues(recovery, [{
            "amount_recovered": 4000, "amount_outstanding": 0, "is_fully_recovered": True,
        }])
        # STEP 3: received
        recovery.action_receive()
        self.assertRecordValues(recovery, [{
            "stage": "received", "date_closed": self.today, "amount_written_off": 0,
        }])

    def test_receipt_refused_until_recovered_covers_expected(self):
        self._record_payment(self.recovery, amount=2500)
        with self.assertRaisesRegex(UserError, "partial receipt"):
            self.recovery.with_user(self.user_handler).action_receive()
        self.assertEqual(self.recovery.stage, "identified")

    def test_receipt_refused_when_nothing_recovered(self):
        with self.assertRaisesRegex(UserError, "write it off"):
            self.recovery.with_user(self.user_handler).action_receive(reason="enough")
        self.assertEqual(self.recovery.stage, "identified")

    def test_partial_receipt_confirmed_writes_the_rest_off(self):
        self._record_payment(self.recovery, amount=2500)
        self.recovery.with_user(self.user_handler).action_receive(reason="  50/50 liability  ")
        self.assertRecordValues(self.recovery, [{
            "stage": "received", "amount_recovered": 2500, "amount_written_off": 1500,
            "amount_outstanding": 0, "write_off_reason": "50/50 liability",
        }])

    def test_partial_receipt_through_the_wizard(self):
        self._record_payment(self.recovery, amount=1000)
        action = self.recovery.with_user(self.user_handler).action_open_partial_wizard()
        wizard = self.env[action["res_model"]].with_user(self.user_handler).with_context(
            **action["context"]).create({"reason": "Settled for 1,000"})
        self.assertEqual(wizard.amount_written_off, 3000)
        wizard.action_confirm()
        self.assertRecordValues(self.recovery, [{
            "stage": "received", "amount_written_off": 3000,
        }])

    def test_write_off_needs_a_reason(self):
        recovery = self.recovery.with_user(self.user_handler)
        for reason in (None, "", "   ", 42):
            with self.assertRaisesRegex(UserError, "needs a reason"):
                recovery.action_write_off(reason)
        self.assertEqual(recovery.stage, "identified")
        recovery.action_write_off("The other driver is insolvent")
        self.assertRecordValues(recovery, [{
            "stage": "written_off", "amount_written_off": 4000, "amount_outstanding": 0,
            "write_off_reason": "The other driver is insolvent",
        }])

    def test_stages_move_forward_only(self):
        recovery = self.recovery.with_user(self.user_handler)
        recovery.action_agree()  # an agreement without a formal demand
        with self.assertRaises(UserError):
            recovery.action_demand()
        recovery.action_write_off("dropped")
        for action in (recovery.action_demand, recovery.action_agree, recovery.action_receive):
            with self.assertRaises(UserError):
                action()
        with self.assertRaises(UserError):
            recovery.action_write_off("again")

    def test_closing_refused_while_a_payment_is_in_progress(self):
        self._record_payment(self.recovery, amount=1000)
        self._record_payment(self.recovery, amount=500, paid=False)
        recovery = self.recovery.with_user(self.user_handler)
        with self.assertRaisesRegex(UserError, "still in progress"):
            recovery.action_receive(reason="settled")
        with self.assertRaisesRegex(UserError, "still in progress"):
            recovery.action_write_off("settled")
        self.assertEqual(recovery.stage, "identified")

    def test_closed_recovery_is_frozen(self):
        recovery = self.recovery.with_user(self.user_handler)
        recovery.action_write_off("dropped")
        with self.assertRaises(UserError):
            recovery.amount_expected = 9000
        with self.assertRaises(UserError):
            recovery.partner_id = self.payee
        recovery.date_limitation = False  # the notes and dates stay editable
        self.assertEqual(recovery.amount_expected, 4000)

    def test_only_an_identified_recovery_without_payments_is_deleted(self):
        recovery = self._create_recovery(100)
        recovery.with_user(self.user_handler).action_demand()
        with self.assertRaises(UserError):
            recovery.with_user(self.user_manager).unlink()
        fresh = self._create_recovery(100)
        fresh.with_user(self.user_manager).unlink()
        self.assertFalse(fresh.exists())
