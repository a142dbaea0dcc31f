# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A partner system's key opens only what the API is for.

Over JSON-2 it reads its account's claims, its own webhooks and their deliveries; every other
call is refused, so a leaked key cannot send claim packages, make payments or share claims.
"""

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.claims_base.tests.common import Json2Mixin


@tagged("post_install", "-at_install")
class TestPartnerSystemRights(Json2Mixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].set_param("claims_api.webhook_allow_private_hosts", "1")
        company = cls.env["res.company"].create({"name": "Partner Account"})
        other = cls.env["res.company"].create({"name": "Other Account"})

        def partner_system(login, account):
            return new_test_user(
                cls.env, login=login, groups="claims_api.group_claims_api",
                company_id=account.id, company_ids=[Command.set(account.ids)])

        cls.system = partner_system("api_rights_a", company)
        cls.system_b = partner_system("api_rights_b", company)
        coverage_type = cls.env["claims.coverage.type"].create({"name": "Rights", "code": "RGT"})
        cls.claim = cls.env["claims.claim"].create({
            "company_id": company.id,
            "coverage_ids": [Command.create({"coverage_type_id": coverage_type.id})],
        })
        cls.claim.coverage_ids._add_reserve(1000, "estimate")
        cls.foreign_claim = cls.env["claims.claim"].create({"company_id": other.id})
        cls.payee = cls.env["res.partner"].create({"name": "Rights Garage"})
        webhook = cls.env["claims.webhook"]
        cls.own_hook = webhook.with_user(cls.system).with_company(company).create(
            {"name": "mine", "url": "http://127.0.0.1:9/hook"})
        cls.other_hook = webhook.with_user(cls.system_b).with_company(company).create(
            {"name": "theirs", "url": "http://127.0.0.1:9/other"})
        exchange = cls.env["claims.exchange"]
        cls.own_delivery = exchange._create_for(cls.own_hook, [
            {"direction": "out", "kind": "claim.created", "state": "done"}])
        cls.other_delivery = exchange._create_for(cls.other_hook, [
            {"direction": "out", "kind": "claim.created", "state": "done"}])

    def test_reads_its_account_claims_not_others(self):
        response = self._json2(self.system, "claims.claim", "search_read",
                               {"domain": [], "fields": ["name", "stage_id"]})
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual([r["id"] for r in response.json()], self.claim.ids)

    def test_reads_its_own_webhooks_and_deliveries_only(self):
        response = self._json2(self.system, "claims.exchange", "search_read", {
            "domain": [["backend_model", "=", "claims.webhook"]],
            "fields": ["kind", "state", "attempts", "error_text"]})
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual([r["id"] for r in response.json()], self.own_delivery.ids)

    def test_everything_else_is_refused(self):
        coverage = self.claim.coverage_ids
        calls = [
            ("claims.payment", "create", {"vals_list": [{
                "claim_id": self.claim.id, "coverage_id": coverage.id,
                "partner_id": self.payee.id, "amount": 10, "remarks": "leak"}]}),
            ("claims.payment", "search_read", {"domain": [], "fields": ["amount"]}),
            ("claims.claim", "write", {"ids": self.claim.ids, "vals": {"description": "x"}}),
            ("claims.claim", "create", {"vals_list": [{"company_id": self.claim.company_id.id}]}),
            ("claims.claim", "action_close", {"ids": self.claim.ids}),
            ("claims.reserve.line", "create", {"vals_list": [{
                "coverage_id": coverage.id, "amount_change": -1000, "reason": "leak"}]}),
            ("claims.package.send", "create", {"vals_list": [{"claim_id": self.claim.id}]}),
            ("claims.package", "search_read", {"domain": [], "fields": ["name"]}),
            ("claims.share.wizard", "create", {"vals_list": [{"claim_id": self.claim.id}]}),
            ("claims.participant", "create", {"vals_list": [{
                "claim_id": self.claim.id, "partner_id": self.payee.id}]}),
            ("claims.incident", "create", {"vals_list": [{"incident_type": "theft"}]}),
            ("claims.incident.link", "search_read", {"domain": [], "fields": ["token"]}),
            ("claims.exchange", "write", {"ids": self.own_delivery.ids,
                                          "vals": {"state": "pending"}}),
            ("claims.webhook", "write", {"ids": self.other_hook.ids,
                                         "vals": {"url": "http://127.0.0.1:9/stolen"}}),
            ("claims.webhook", "read", {"ids": self.other_hook.ids, "fields": ["secret"]}),
            ("res.users", "write", {"ids": self.system.ids, "vals": {
                "group_ids": [[4, self.env.ref("claims_base.group_claims_manager").id]]}}),
            ("res.partner", "write", {"ids": self.payee.ids, "vals": {"email": "x@x.example"}}),
        ]
        for model, method, body in calls:
            with self.subTest(call=f"{model}.{method}"):
                response = self._json2(self.system, model, method, body)
                self.assertNotEqual(response.status_code, 200, response.text)
        self.claim.invalidate_recordset()
        self.assertFalse(self.claim.description)
        self.assertFalse(self.claim.payment_ids)
        self.assertEqual(self.other_hook.url, "http://127.0.0.1:9/other")
        self.assertFalse(self.system.has_group("claims_base.group_claims_manager"))
