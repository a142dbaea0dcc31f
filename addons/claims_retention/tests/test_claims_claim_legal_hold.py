# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ClaimsRetentionCommon


@tagged("post_install", "-at_install")
class TestClaimsClaimLegalHold(ClaimsRetentionCommon):
    """Who places a legal hold and who anonymises a claim (ORM)."""

    def test_manager_can_place_and_lift_a_legal_hold(self):
        claim = self.old_claim.with_user(self.user_manager)
        claim.write({"legal_hold": True, "legal_hold_reason": "Court case 2026/12"})
        self.assertTrue(claim.legal_hold)
        claim.legal_hold = False
        self.assertFalse(claim.legal_hold)

    def test_user_cannot_place_or_lift_a_legal_hold(self):
        claim = self.old_claim.with_user(self.user_handler)
        with self.assertRaises(AccessError):
            claim.legal_hold = True
        self.old_claim.legal_hold = True
        with self.assertRaises(AccessError):
            claim.legal_hold = False
        with self.assertRaises(AccessError):
            claim.legal_hold_reason = "changed"
        with self.assertRaises(AccessError):
            self.env["claims.claim"].with_user(self.user_handler).create({
                "company_id": self.company.id, "legal_hold": True})
        self.assertTrue(self.old_claim.legal_hold)

    def test_user_can_still_edit_a_claim_without_touching_the_hold(self):
        claim = self.open_claim.with_user(self.user_handler)
        # the form sends the unchanged hold with the other fields
        claim.write({"description": "updated", "legal_hold": False})
        self.assertEqual(claim.description, "updated")

    def test_nobody_writes_the_anonymisation_date(self):
        for user in (self.user_handler, self.user_manager):
            with self.assertRaises(AccessError):
                self.old_claim.with_user(user).anonymised_on = self.today
            with self.assertRaises(AccessError):
                self.incident.with_user(user).anonymised_on = self.today
        self.assertFalse(self.old_claim.anonymised_on)

    def test_user_cannot_anonymise(self):
        with self.assertRaises(AccessError):
            self.old_claim.with_user(self.user_handler).action_anonymise()
        self.assertFalse(self.old_claim.anonymised_on)
        self.assertEqual(self.old_claim.description, "Petra Private, born 1980, whiplash.")

    def test_manager_anonymises_a_closed_claim_now(self):
        self.old_claim.with_user(self.user_manager).action_anonymise()
        self.assertEqual(self.old_claim.anonymised_on, self.today)
        log = self.env["claims.retention.log"].with_user(self.user_manager).search([])
        self.assertRecordValues(log, [{
            "trigger": "manual", "claim_count": 1, "claim_names": self.old_claim.name,
            "user_id": self.user_manager.id,
        }])

    def test_manager_cannot_anonymise_an_open_claim_or_one_on_hold(self):
        with self.assertRaisesRegex(UserError, "not closed"):
            self.open_claim.with_user(self.user_manager).action_anonymise()
        self.old_claim.legal_hold = True
        with self.assertRaisesRegex(UserError, "legal hold"):
            self.old_claim.with_user(self.user_manager).action_anonymise()
        self.assertFalse(self.old_claim.anonymised_on)

    def test_retention_log_is_for_managers_of_the_company(self):
        self.env["claims.claim"]._anonymise_due()
        with self.assertRaises(AccessError):
            self.env["claims.retention.log"].with_user(self.user_handler).search([])
        logs = self.env["claims.retention.log"].with_user(self.user_manager).search([])
        self.assertEqual(logs.company_id, self.company)
        with self.assertRaises(AccessError):
            logs.with_user(self.user_manager).write({"claim_count": 0})
