# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.claims_base.tests.common import Json2Mixin


@tagged("post_install", "-at_install")
class TestBordereauRemoteCalls(Json2Mixin, HttpCase):
    """The bordereau rules hold over JSON-2, with an API key."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "Bordereau Account"})
        cls.other_company = cls.env["res.company"].create({"name": "Bordereau Elsewhere"})
        cls.handler = new_test_user(
            cls.env, login="bdx_handler", groups="claims_base.group_claims_user",
            company_id=cls.company.id, company_ids=[Command.set(cls.company.ids)],
        )
        cls.manager = new_test_user(
            cls.env, login="bdx_manager", groups="claims_base.group_claims_manager",
            company_id=cls.company.id, company_ids=[Command.set(cls.company.ids)],
        )
        cls.other_manager = new_test_user(
            cls.env, login="bdx_other_manager", groups="claims_base.group_claims_manager",
            company_id=cls.other_company.id, company_ids=[Command.set(cls.other_company.ids)],
        )
        insurer = cls.env["res.partner"].create({"name": "RPC Insurer", "email": "r@x.example"})
        cls.config = cls.env["claims.bordereau.config"].create({
            "name": "RPC scheme", "partner_id": insurer.id, "company_id": cls.company.id,
        })

    def _wizard(self, user):
        return self._json2(user, "claims.bordereau.wizard", "create", {
            "vals_list": [{"config_id": self.config.id}]})

    def test_manager_generates_over_json2(self):
        wizard_ids = self._wizard(self.manager).json()
        response = self._json2(
            self.manager, "claims.bordereau.wizard", "action_generate", {"ids": wizard_ids})
        self.assertEqual(response.status_code, 200, response.text)
        self.assertIn("/web/content/", response.json()["url"])
        self.assertEqual(self.config.bordereau_count, 1)

    def test_handler_cannot_generate_over_json2(self):
        response = self._wizard(self.handler)
        self.assertEqual(response.status_code, 403, response.text)
        response = self._json2(
            self.handler, "claims.bordereau.config", "action_send_last_month",
            {"ids": self.config.ids})
        self.assertEqual(response.status_code, 403, response.text)
        self.assertIn("Only claims managers", response.text)
        self.assertFalse(self.config.bordereau_ids)

    def test_private_builder_is_not_callable_over_json2(self):
        for model, method in (("claims.bordereau.config", "_generate"),
                              ("claims.bordereau.builder", "_build_rows"),
                              ("claims.bordereau", "_create_file")):
            response = self._json2(self.manager, model, method, {"ids": self.config.ids})
            self.assertNotEqual(response.status_code, 200, f"{model}.{method}")
        self.assertFalse(self.config.bordereau_ids)

    def test_other_company_manager_cannot_generate_over_json2(self):
        response = self._json2(
            self.other_manager, "claims.bordereau.config", "action_send_last_month",
            {"ids": self.config.ids})
        self.assertEqual(response.status_code, 403, response.text)
        self.assertFalse(self.config.bordereau_ids)

    def test_manager_cannot_forge_a_file_over_json2(self):
        response = self._json2(self.manager, "claims.bordereau", "create", {"vals_list": [{
            "name": "forged.xlsx", "config_id": self.config.id, "month": "2026-01-01",
            "kind": "mail"}]})
        self.assertEqual(response.status_code, 403, response.text)
        self.assertFalse(self.config.bordereau_ids)
