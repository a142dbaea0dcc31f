# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import ClaimsRecoveryCommon


@tagged("post_install", "-at_install")
class TestClaimsRecoveryPaymentLink(ClaimsRecoveryCommon):
    def test_record_payment_makes_a_linked_draft_of_what_is_outstanding(self):
        action = self.recovery.with_user(self.user_handler).action_record_payment()
        payment = self.env["claims.payment"].browse(action["res_id"])
        self.assertRecordValues(payment, [{
            "recovery_id": self.recovery.id, "claim_id": self.claim.id,
            "coverage_id": self.coverage.id, "partner_id": self.counterparty.id,
            "payment_type": "subrogation", "amount": 4000, "state": "draft",
        }])

    def test_record_payment_refused_when_payments_cover_the_expected_amount(self):
        self._record_payment(self.recovery, paid=False)
        with self.assertRaisesRegex(UserError, "Nothing is left"):
            self.recovery.with_user(self.user_handler).action_record_payment()

    def test_payment_type_follows_the_kind(self):
        deductible = self._create_recovery(300, kind="deductible")
        action = deductible.action_record_payment()
        self.assertEqual(
            self.env["claims.payment"].browse(action["res_id"]).payment_type,
            "deductible_recovered")
        for payment_type in ("salvage", "indemnity"):
            with self.assertRaises(ValidationError):
                self._payment(100, payment_type=payment_type).recovery_id = self.recovery

    def test_payment_of_another_coverage_is_refused(self):
        other_claim = self._create_claim(self.company)
        payment = self._payment(100, payment_type="subrogation", coverage=other_claim.coverage_ids)
        with self.assertRaises(ValidationError):
            payment.recovery_id = self.recovery
        tpl = self.env["claims.claim.coverage"].create({
            "claim_id": self.claim.id, "coverage_type_id": self.coverage_type_tpl.id})
        on_tpl = self._payment(100, payment_type="subrogation", coverage=tpl)
        with self.assertRaises(ValidationError):
            on_tpl.recovery_id = self.recovery

    def test_recovery_cannot_move_away_from_its_payments(self):
        self._record_payment(self.recovery, amount=100)
        tpl = self.env["claims.claim.coverage"].create({
            "claim_id": self.claim.id, "coverage_type_id": self.coverage_type_tpl.id})
        with self.assertRaises(ValidationError):
            self.recovery.coverage_id = tpl
        with self.assertRaises(ValidationError):
            self.recovery.kind = "salvage"

    def test_recovery_coverage_belongs_to_its_claim(self):
        other_claim = self._create_claim(self.company)
        with self.assertRaises(ValidationError):
            self._create_recovery(100, coverage=other_claim.coverage_ids,
                                  claim_id=self.claim.id)

    def test_only_a_draft_payment_is_linked_or_unlinked(self):
        payment = self._record_payment(self.recovery, amount=100, paid=False)
        with self.assertRaises(UserError):
            payment.with_user(self.user_handler).recovery_id = False
        self.assertEqual(payment.recovery_id, self.recovery)

    def test_closed_recovery_takes_no_new_payment(self):
        self.recovery.action_write_off("dropped")
        with self.assertRaisesRegex(UserError, "closed"):
            self.env["claims.payment"].with_user(self.user_handler).create({
                "claim_id": self.claim.id, "coverage_id": self.coverage.id,
                "partner_id": self.counterparty.id, "amount": 50,
                "payment_type": "subrogation", "recovery_id": self.recovery.id,
            })
        with self.assertRaises(UserError):
            self.recovery.with_user(self.user_handler).action_record_payment()

    def test_recovery_and_claim_of_other_companies_do_not_mix(self):
        other_claim = self.env["claims.claim"].create({
            "company_id": self.other_company.id,
            "coverage_ids": [Command.create({"coverage_type_id": self.coverage_type.id})],
        })
        own_partner = self.env["res.partner"].create(
            {"name": "Own partner", "company_id": self.company.id})
        with self.assertRaises(UserError):
            self._create_recovery(100, coverage=other_claim.coverage_ids,
                                  partner_id=own_partner.id)
        recovery = self._create_recovery(100, coverage=other_claim.coverage_ids)
        self.assertEqual(recovery.company_id, self.other_company)
