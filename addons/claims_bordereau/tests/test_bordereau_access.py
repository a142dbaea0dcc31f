# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user

from .common import ClaimsBordereauCommon


class TestBordereauAccess(ClaimsBordereauCommon):
    """Managers configure and generate; users of the company read and download the files."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bordereau = cls._generate_as_root()
        cls.manager_parent_only = new_test_user(
            cls.env, login="parent_manager", groups="claims_base.group_claims_manager",
            company_id=cls.company.id, company_ids=[Command.set(cls.company.ids)],
        )
        cls.other_manager = new_test_user(
            cls.env, login="other_manager", groups="claims_base.group_claims_manager",
            company_id=cls.other_company.id, company_ids=[Command.set(cls.other_company.ids)],
        )

    @classmethod
    def _generate_as_root(cls):
        with freeze_time("2026-03-10"):
            return cls.config._generate(date(2026, 2, 1))

    def test_manager_generates_and_downloads(self):
        bordereau = self._generate("2026-02", user=self.user_manager)
        self.assertEqual(bordereau.user_id, self.user_manager)
        action = bordereau.with_user(self.user_manager).action_download()
        self.assertEqual(action["url"], f"/web/content/{bordereau.attachment_id.id}?download=true")

    def test_user_cannot_generate(self):
        with self.assertRaises(AccessError):
            self._generate("2026-02", user=self.user_handler)
        with self.assertRaisesRegex(AccessError, "Only claims managers"):
            self._at("2026-03-10", self.config.with_user(self.user_handler)._generate,
                     self.bordereau.month)

    def test_user_reads_and_downloads_the_files_of_the_company(self):
        bordereau = self.bordereau.with_user(self.user_handler)
        self.assertTrue(bordereau.action_download()["url"])
        self.assertTrue(bordereau.attachment_id.raw.startswith(b"PK"))

    def test_user_cannot_change_or_make_a_file(self):
        with self.assertRaises(UserError):
            self.bordereau.with_user(self.user_manager).write({"row_count": 99})
        with self.assertRaises(AccessError):
            self.env["claims.bordereau"].with_user(self.user_handler).create({
                "name": "x.xlsx", "config_id": self.config.id, "month": self.bordereau.month})
        with self.assertRaises(AccessError):
            self.config.with_user(self.user_handler).write({"email": "me@example.com"})

    def test_manager_cannot_make_a_file_but_through_the_wizard(self):
        with self.assertRaises(AccessError):
            self.env["claims.bordereau"].with_user(self.user_manager).create({
                "name": "x.xlsx", "config_id": self.config.id, "month": self.bordereau.month})

    def test_manager_without_the_branches_cannot_generate(self):
        with self.assertRaisesRegex(AccessError, "access to all of them"):
            self._generate("2026-02", user=self.manager_parent_only)

    def test_other_company_sees_no_configuration_nor_file(self):
        self.assertFalse(self.env["claims.bordereau.config"].with_user(
            self.other_manager).search([("id", "=", self.config.id)]))
        self.assertFalse(self.env["claims.bordereau"].with_user(
            self.other_manager).search([("id", "=", self.bordereau.id)]))
        with self.assertRaises(AccessError):
            self._generate("2026-02", user=self.other_manager)

    def test_mailed_file_is_kept(self):
        self._at("2026-03-10", self.config.action_send_last_month)
        mailed = self.config.bordereau_ids.filtered(lambda b: b.kind == "mail")
        with self.assertRaisesRegex(UserError, "mailed bordereau is kept"):
            mailed.with_user(self.user_manager).unlink()
        self.bordereau.with_user(self.user_manager).unlink()
        self.assertFalse(self.bordereau.exists())

    def test_wizard_proposes_last_month_and_no_future_one(self):
        with freeze_time("2026-03-10"):
            wizard = self.env["claims.bordereau.wizard"].create({"config_id": self.config.id})
            self.assertEqual(wizard.month, "2026-02")
            months = dict(wizard._fields["month"]._description_selection(self.env))
            self.assertIn("2026-03", months)
            self.assertNotIn("2026-04", months)
            with self.assertRaisesRegex(UserError, "past or the current month"):
                self.config._generate(date(2026, 4, 1))
