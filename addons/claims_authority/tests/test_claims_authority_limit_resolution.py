# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import new_test_user, tagged

from .common import ClaimsAuthorityCommon


@tagged("post_install", "-at_install")
class TestAuthorityLimitResolution(ClaimsAuthorityCommon):
    """Which limit a user has, in which company, for which coverage type."""

    def _limit(self, user, kind="payment", coverage_type=None, company=None):
        return self.env["claims.authority.limit"]._get_limit(
            user, company or self.company, coverage_type or self.coverage_type, kind)

    def test_group_line_applies_to_its_members(self):
        self.assertEqual(self._limit(self.user_handler), 5000)
        self.assertEqual(self._limit(self.user_handler, "reserve"), 10000)

    def test_highest_line_of_user_and_groups_wins(self):
        self.assertEqual(self._limit(self.user_manager), 20000, "manager beats handler group")
        self.assertEqual(self._limit(self.user_senior), 100000, "own line beats the groups")
        self.env["claims.authority.limit"].create({
            "company_id": self.company.id, "user_id": self.user_handler.id,
            "amount_reserve": 1000, "amount_payment": 3000,
        })
        self.assertEqual(self._limit(self.user_handler), 5000, "a lower own line lowers nothing")

    def test_coverage_type_line_replaces_the_holders_general_line(self):
        tpl = self.coverage_type_tpl
        self.assertEqual(self._limit(self.user_handler, coverage_type=tpl), 1000)
        self.assertEqual(self._limit(self.user_handler, "reserve", coverage_type=tpl), 2000)
        # managers are handlers too: the handlers' lower line does not lower theirs
        self.assertEqual(self._limit(self.user_manager, coverage_type=tpl), 20000)

    def test_user_without_any_line_has_no_authority(self):
        clerk = new_test_user(self.env, login="clerk", groups="base.group_user",
                              company_id=self.company.id)
        self.assertEqual(self._limit(clerk), 0)
        self.assertEqual(self._limit(clerk, "reserve"), 0)

    def test_lines_of_a_company_hold_in_its_branches(self):
        Limit = self.env["claims.authority.limit"]
        self.assertTrue(Limit._is_enforced(self.branch))
        self.assertEqual(self._limit(self.user_branch, company=self.branch), 5000)

    def test_lines_of_another_company_do_not_apply(self):
        Limit = self.env["claims.authority.limit"]
        self.assertFalse(Limit._is_enforced(self.other_company))
        self.assertEqual(self._limit(self.user_senior, company=self.other_company), 0)
        # a parent's lines reach its branch; a branch's lines do not reach its parent
        Limit.search([("company_id", "=", self.company.id)]).unlink()
        Limit.create({"company_id": self.branch.id, "group_id": self.group_user.id,
                      "amount_reserve": 10, "amount_payment": 10})
        self.assertFalse(Limit._is_enforced(self.company))
        self.assertTrue(Limit._is_enforced(self.branch))

    def test_approver_is_the_lowest_sufficient_limit(self):
        Limit = self.env["claims.authority.limit"]
        find = Limit._find_approver
        approver, limit = find(self.company, self.coverage_type, "payment", 7000,
                               exclude=self.user_handler)
        self.assertEqual((approver, limit), (self.user_manager, 20000), "lowest id on a tie")
        approver, limit = find(self.company, self.coverage_type, "payment", 7000,
                               exclude=self.user_manager)
        self.assertEqual(approver, self.user_manager_2)
        approver, limit = find(self.company, self.coverage_type, "payment", 30000,
                               exclude=self.user_handler)
        self.assertEqual((approver, limit), (self.user_senior, 100000))
        approver, _limit = find(self.company, self.coverage_type, "payment", 500000,
                                exclude=self.user_handler)
        self.assertFalse(approver)

    def test_payment_approvers_are_claims_managers(self):
        """A handler's reserve limit makes them a reserve approver, never a payment one."""
        approver, _limit = self.env["claims.authority.limit"]._find_approver(
            self.company, self.coverage_type, "payment", 100, exclude=self.env["res.users"])
        self.assertTrue(approver.has_group("claims_base.group_claims_manager"))
        approver, _limit = self.env["claims.authority.limit"]._find_approver(
            self.company, self.coverage_type, "reserve", 100, exclude=self.env["res.users"])
        self.assertEqual(approver, self.user_handler)

    def test_approver_works_in_the_claims_company(self):
        for manager in self.user_manager | self.user_manager_2:
            manager.write({"company_id": self.branch.id,
                           "company_ids": [Command.set(self.branch.ids)]})
        approver, _limit = self.env["claims.authority.limit"]._find_approver(
            self.company, self.coverage_type, "payment", 7000, exclude=self.user_handler)
        self.assertEqual(approver, self.user_senior)
