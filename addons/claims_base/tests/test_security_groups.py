# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestClaimsSecurityGroups(TransactionCase):
    def test_manager_implies_user_and_void(self):
        manager = self.env.ref("claims_base.group_claims_manager")
        implied = manager.all_implied_ids
        self.assertIn(self.env.ref("claims_base.group_claims_user"), implied)
        self.assertIn(self.env.ref("claims_base.group_claims_void_payment"), implied)

    def test_plain_claims_user_cannot_void(self):
        user = self.env["res.users"].create({
            "name": "Handler",
            "login": "handler@example.com",
            "group_ids": [(6, 0, [self.env.ref("claims_base.group_claims_user").id])],
        })
        self.assertTrue(user.has_group("claims_base.group_claims_user"))
        self.assertFalse(user.has_group("claims_base.group_claims_void_payment"))

    def test_admin_is_claims_manager_and_may_void(self):
        admin = self.env.ref("base.user_admin")
        self.assertTrue(admin.has_group("claims_base.group_claims_manager"))
        self.assertTrue(admin.has_group("claims_base.group_claims_void_payment"))
