# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import ClaimsCommon


@tagged("post_install", "-at_install")
class TestClaimClose(ClaimsCommon):
    """Close needs no outstanding reserve and no pending payment; reopen needs a reason."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.closing_stage = cls.env.ref("claims_base.claims_claim_stage_closed")

    def _settle(self):
        """Reserve 1,000 fully paid: nothing outstanding, nothing pending."""
        self.coverage._add_reserve(1000, "estimate")
        payment = self._payment(1000)
        payment.action_request()
        payment.with_user(self.user_manager).action_approve()
        payment.action_mark_paid()

    def _last_message(self, claim):
        return claim.message_ids.sorted("id")[-1].body

    def test_handler_closes_a_settled_claim(self):
        self._settle()
        self.claim.with_user(self.user_handler).action_close()
        self.assertRecordValues(self.claim, [{
            "file_status": "closed", "stage_id": self.closing_stage.id,
        }])
        self.assertTrue(self.claim.date_closed)
        self.assertIn("Claim closed.", self._last_message(self.claim))

    def test_handler_cannot_close_with_outstanding_reserve(self):
        self.coverage._add_reserve(1000, "estimate")
        with self.assertRaisesRegex(UserError, "outstanding reserve"):
            self.claim.with_user(self.user_handler).action_close(reason="done")
        self.assertEqual(self.claim.file_status, "open_unassigned")

    def test_handler_cannot_close_with_pending_payment(self):
        self.coverage._add_reserve(1000, "estimate")
        payment = self._payment(1000)
        payment.action_request()
        payment.with_user(self.user_manager).action_approve()
        # nothing outstanding any more, but 1,000 is pending
        self.assertEqual(self.claim.amount_outstanding, 0)
        with self.assertRaisesRegex(UserError, "not yet paid"):
            self.claim.with_user(self.user_handler).action_close()

    def test_requested_payment_also_blocks_closing(self):
        payment = self._payment(10, payment_type="expense")
        payment.with_user(self.user_manager).action_request()
        with self.assertRaises(UserError):
            self.claim.with_user(self.user_handler).action_close()

    def test_manager_needs_a_reason_to_override(self):
        self.coverage._add_reserve(1000, "estimate")
        with self.assertRaisesRegex(UserError, "with a reason"):
            self.claim.with_user(self.user_manager).action_close()
        with self.assertRaises(UserError):
            self.claim.with_user(self.user_manager).action_close(reason="   ")
        self.claim.with_user(self.user_manager).action_close(reason="insurer closed its file")
        self.assertEqual(self.claim.file_status, "closed")
        message = self._last_message(self.claim)
        self.assertIn("despite", message)
        self.assertIn("insurer closed its file", message)

    def test_closed_claim_is_not_closed_twice(self):
        self._settle()
        self.claim.action_close()
        with self.assertRaises(UserError):
            self.claim.action_close()

    def test_reopen_needs_a_reason_and_is_logged(self):
        self._settle()
        self.claim.action_close()
        with self.assertRaises(UserError):
            self.claim.with_user(self.user_handler).action_reopen()
        self.claim.with_user(self.user_handler).action_reopen(reason="new invoice")
        self.assertRecordValues(self.claim, [{"file_status": "reopened", "date_closed": False}])
        self.assertFalse(self.claim.stage_id.is_closing)
        self.assertIn("new invoice", self._last_message(self.claim))

    def test_open_claim_is_not_reopened(self):
        with self.assertRaises(UserError):
            self.claim.action_reopen(reason="why not")

    def test_file_status_is_not_written_directly(self):
        with self.assertRaises(UserError):
            self.claim.with_user(self.user_handler).write({"file_status": "closed"})
        self.assertEqual(self.claim.file_status, "open_unassigned")

    def test_moving_to_closing_stage_closes_under_the_same_rules(self):
        self.coverage._add_reserve(1000, "estimate")
        with self.assertRaises(UserError):
            self.claim.with_user(self.user_handler).write({"stage_id": self.closing_stage.id})
        self.assertNotEqual(self.claim.stage_id, self.closing_stage)
        self.coverage._add_reserve(-1000, "released")
        self.claim.with_user(self.user_handler).write({"stage_id": self.closing_stage.id})
        self.assertEqual(self.claim.file_status, "closed")

    def test_closed_claim_leaves_closing_stage_only_by_reopening(self):
        self._settle()
        self.claim.action_close()
        with self.assertRaises(UserError):
            self.claim.write({"stage_id": self.env.ref("claims_base.claims_claim_stage_new").id})

    def test_assigning_a_handler_opens_the_file(self):
        self.assertEqual(self.claim.file_status, "open_unassigned")
        self.claim.with_user(self.user_manager).user_id = self.user_handler
        self.assertEqual(self.claim.file_status, "open")
        self.assertTrue(self.claim.date_assigned)

    # ------------------------------------------------------------------ wizards

    def test_close_wizard_shows_problems_and_closes_with_a_manager_reason(self):
        self.coverage._add_reserve(1000, "estimate")
        action = self.claim.with_user(self.user_manager).action_open_close_wizard()
        wizard_form = Form(self.env[action["res_model"]].with_user(self.user_manager).with_context(
            **action["context"]))
        self.assertIn("outstanding reserve", wizard_form.problems)
        wizard_form.reason = "reserve released by the insurer"
        wizard_form.save().action_confirm()
        self.assertEqual(self.claim.file_status, "closed")

    def test_close_wizard_refuses_the_handler_on_an_open_reserve(self):
        self.coverage._add_reserve(1000, "estimate")
        wizard = self.env["claims.claim.close.wizard"].with_user(self.user_handler).create({
            "claim_id": self.claim.id, "reason": "I want to",
        })
        self.assertFalse(wizard.can_override)
        with self.assertRaises(UserError):
            wizard.action_confirm()

    def test_reopen_wizard(self):
        self._settle()
        self.claim.action_close()
        wizard = self.env["claims.claim.reopen.wizard"].with_user(self.user_handler).create({
            "claim_id": self.claim.id, "reason": "repairer found more damage",
        })
        wizard.action_confirm()
        self.assertEqual(self.claim.file_status, "reopened")

    def test_mark_off_wizard_takes_the_claim_out_of_the_work_lists(self):
        wizard = self.env["claims.claim.mark.off.wizard"].with_user(self.user_handler).create({
            "claim_id": self.claim.id, "reason": "duplicate", "note": "same as CLM/1",
        })
        wizard.action_confirm()
        self.assertRecordValues(self.claim, [{"is_marked_off": True,
                                              "mark_off_reason": "duplicate"}])
        self.assertIn("same as CLM/1", self._last_message(self.claim))
        open_domain = [("file_status", "in", ("open_unassigned", "open", "reopened")),
                       ("is_marked_off", "=", False), ("id", "=", self.claim.id)]
        self.assertFalse(self.env["claims.claim"].search(open_domain))
        self.claim.action_unmark_off()
        self.assertTrue(self.env["claims.claim"].search(open_domain))

    def test_mark_off_needs_a_known_reason(self):
        with self.assertRaises(UserError):
            self.claim.with_user(self.user_handler).action_mark_off("bored")
        self.assertFalse(self.claim.is_marked_off)

    def test_reserve_wizard_posts_a_ledger_line(self):
        wizard = self.env["claims.reserve.wizard"].with_user(self.user_handler).create({
            "claim_id": self.claim.id, "amount_change": 2500, "reason": "estimate received",
        })
        self.assertEqual(wizard.coverage_id, self.coverage)
        wizard.action_confirm()
        self.assertRecordValues(self.coverage.reserve_line_ids, [{
            "amount_change": 2500, "amount_total": 2500, "reason": "estimate received",
            "user_id": self.user_handler.id,
        }])
        self.assertEqual(self.claim.amount_outstanding, 2500)

    def test_reserve_wizard_refuses_a_zero_change(self):
        wizard = self.env["claims.reserve.wizard"].create({
            "claim_id": self.claim.id, "amount_change": 0, "reason": "nothing",
        })
        with self.assertRaises(UserError):
            wizard.action_confirm()
        self.assertFalse(self.coverage.reserve_line_ids)
