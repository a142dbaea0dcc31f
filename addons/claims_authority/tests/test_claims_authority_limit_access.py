# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2.errors import CheckViolation

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ClaimsAuthorityCommon


@tagged("post_install", "-at_install")
class TestAuthorityLimitAccess(ClaimsAuthorityCommon):
    """Claims managers manage the limits of their companies; handlers read them."""

    def _values(self, **values):
        return {"company_id": self.company.id, "user_id": self.user_handler.id,
                "amount_reserve": 1, "amount_payment": 1, **values}

    def test_handler_reads_but_cannot_change_limits(self):
        Limit = self.env["claims.authority.limit"].with_user(self.user_handler)
        self.assertIn(self.limit_handlers, Limit.search([]))
        with self.assertRaises(AccessError):
            Limit.create(self._values(amount_payment=999999))
        with self.assertRaises(AccessError):
            self.limit_handlers.with_user(self.user_handler).amount_payment = 999999
        self.assertEqual(self.limit_handlers.amount_payment, 5000)

    def test_manager_manages_limits(self):
        line = self.env["claims.authority.limit"].with_user(self.user_manager).create(
            self._values(amount_payment=8000))
        self.assertEqual(line.currency_id, self.company.currency_id)

    def test_manager_does_not_see_other_companies_limits(self):
        other = self.env["claims.authority.limit"].create({
            "company_id": self.other_company.id, "group_id": self.group_manager.id,
            "amount_reserve": 1, "amount_payment": 1})
        visible = self.env["claims.authority.limit"].with_user(self.user_manager).search([])
        self.assertNotIn(other, visible)
        self.assertIn(self.limit_managers, visible)

    @mute_logger("odoo.sql_db")
    def test_a_line_is_for_a_user_or_a_group(self):
        with self.assertRaises(CheckViolation):
            self.env["claims.authority.limit"].create(
                self._values(group_id=self.group_user.id))
        with self.assertRaises(CheckViolation):
            self.env["claims.authority.limit"].create(self._values(user_id=False))

    @mute_logger("odoo.sql_db")
    def test_limits_are_not_negative(self):
        with self.assertRaises(CheckViolation):
            self.env["claims.authority.limit"].create(self._values(amount_payment=-1))

    def test_user_line_in_a_company_of_the_user(self):
        with self.assertRaises(ValidationError):
            self.env["claims.authority.limit"].create(
                self._values(company_id=self.other_company.id))
