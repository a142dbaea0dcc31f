# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import ClaimsRecoveryCommon


@tagged("post_install", "-at_install")
class TestClaimsRecoveryAccess(ClaimsRecoveryCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_portal = new_test_user(
            cls.env, login="recovery_portal", groups="base.group_portal",
            company_id=cls.company.id, company_ids=[Command.set(cls.company.ids)])
        cls.user_other = new_test_user(
            cls.env, login="recovery_other", groups="claims_base.group_claims_user",
            company_id=cls.other_company.id,
            company_ids=[Command.set(cls.other_company.ids)])

    def test_handler_creates_and_pursues_a_recovery(self):
        recovery = self._create_recovery(250, kind="salvage", user=self.user_handler)
        recovery.action_demand()
        self.assertRecordValues(recovery, [{"stage": "demanded", "company_id": self.company.id}])

    def test_portal_user_cannot_read_recoveries(self):
        with self.assertRaises(AccessError):
            self.recovery.with_user(self.user_portal).read(["amount_expected"])
        with self.assertRaises(AccessError):
            self.env["claims.recovery"].with_user(self.user_portal).search([])

    def test_portal_user_cannot_read_the_claims_recovery_money(self):
        claim = self.claim.with_user(self.user_portal)
        for field in ("recovery_ids", "amount_recovery_reserve"):
            self.assertFalse(claim._has_field_access(claim._fields[field], "read"))

    def test_user_of_another_company_cannot_see_or_move_it(self):
        self.assertFalse(
            self.env["claims.recovery"].with_user(self.user_other).search(
                [("id", "=", self.recovery.id)]))
        with self.assertRaises(AccessError):
            self.recovery.with_user(self.user_other).action_demand()
        self.assertEqual(self.recovery.stage, "identified")

    def test_handler_cannot_delete_a_recovery(self):
        with self.assertRaises(AccessError):
            self.recovery.with_user(self.user_handler).unlink()

    def test_stage_and_amounts_are_not_written_directly(self):
        recovery = self.recovery.with_user(self.user_manager)
        for values in ({"stage": "received"}, {"amount_recovered": 4000},
                       {"amount_written_off": 4000}, {"write_off_reason": "x"},
                       {"amount_outstanding": 0}, {"date_limitation_reminded": self.today}):
            with self.assertRaises(UserError):
                recovery.write(values)
        self.assertRecordValues(self.recovery, [{
            "stage": "identified", "amount_recovered": 0, "amount_outstanding": 4000,
        }])

    def test_recovery_does_not_start_received(self):
        with self.assertRaises(UserError):
            self._create_recovery(100, user=self.user_manager, stage="received")
        with self.assertRaises(UserError):
            self._create_recovery(100, user=self.user_manager, amount_written_off=100)

    def test_context_does_not_unlock_the_stage(self):
        recovery = self.recovery.with_user(self.user_manager).with_context(
            sudo=True, su=True, force_write=True)
        with self.assertRaises(UserError):
            recovery.write({"stage": "received"})
