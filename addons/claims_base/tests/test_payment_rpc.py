# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
from datetime import datetime, timedelta

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestPaymentRemoteCalls(HttpCase):
    """The payment rules hold over JSON-2 and JSON-RPC, not only behind the buttons."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        cls.handler = new_test_user(
            cls.env, login="rpc_handler", password="rpc_handler_pw_1",
            groups="claims_base.group_claims_user", company_ids=[Command.set(company.ids)],
        )
        cls.manager = new_test_user(
            cls.env, login="rpc_manager", password="rpc_manager_pw_1",
            groups="claims_base.group_claims_manager", company_ids=[Command.set(company.ids)],
        )
        coverage_type = cls.env["claims.coverage.type"].create({"name": "RPC OD", "code": "RPCOD"})
        claim = cls.env["claims.claim"].create({
            "company_id": company.id,
            "coverage_ids": [Command.create({"coverage_type_id": coverage_type.id})],
        })
        claim.coverage_ids._add_reserve(5000, "estimate")
        payee = cls.env["res.partner"].create({"name": "RPC Garage"})
        cls.payment = cls.env["claims.payment"].create({
            "claim_id": claim.id, "coverage_id": claim.coverage_ids.id, "partner_id": payee.id,
            "amount": 1000, "remarks": "rpc",
        })
        cls.payment.with_user(cls.handler).action_request()

    def _bearer(self, user):
        key = self.env["res.users.apikeys"].with_user(user)._generate(
            scope="rpc", name="test", expiration_date=datetime.now() + timedelta(days=1))
        return {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}

    def _json2(self, user, method):
        return self.url_open(
            f"/json/2/claims.payment/{method}",
            data=json.dumps({"ids": self.payment.ids}),
            headers=self._bearer(user),
        )

    def _jsonrpc(self, login, password, method):
        payload = {"jsonrpc": "2.0", "method": "call", "id": 1, "params": {
            "service": "object", "method": "execute_kw",
            "args": [self.env.cr.dbname, self._uid(login), password, "claims.payment", method,
                     [self.payment.ids]],
        }}
        response = self.url_open("/jsonrpc", data=json.dumps(payload),
                                 headers={"Content-Type": "application/json"})
        return response.json()

    def _uid(self, login):
        return self.env["res.users"].search([("login", "=", login)]).id

    @mute_logger("odoo.http")
    def test_handler_cannot_approve_over_json2(self):
        response = self._json2(self.handler, "action_approve")
        self.assertEqual(response.status_code, 403, response.text)
        self.assertIn("Only a claims manager approves payments", response.text)
        self.payment.invalidate_recordset()
        self.assertEqual(self.payment.state, "requested")

    def test_manager_approves_over_json2(self):
        response = self._json2(self.manager, "action_approve")
        self.assertEqual(response.status_code, 200, response.text)
        self.payment.invalidate_recordset()
        self.assertRecordValues(self.payment, [{
            "state": "approved", "approved_by_id": self.manager.id,
        }])

    @mute_logger("odoo.http")
    def test_handler_cannot_write_the_state_over_json2(self):
        response = self.url_open(
            "/json/2/claims.payment/write",
            data=json.dumps({"ids": self.payment.ids, "vals": {"state": "paid"}}),
            headers=self._bearer(self.handler),
        )
        self.assertNotEqual(response.status_code, 200, response.text)
        self.payment.invalidate_recordset()
        self.assertEqual(self.payment.state, "requested")

    @mute_logger("odoo.http")
    def test_handler_cannot_void_over_jsonrpc(self):
        self.payment.with_user(self.manager).action_approve()
        answer = self._jsonrpc("rpc_handler", "rpc_handler_pw_1", "action_void")
        self.assertIn("error", answer)
        self.assertIn("Void payment transactions", answer["error"]["data"]["message"])
        self.payment.invalidate_recordset()
        self.assertEqual(self.payment.state, "approved")

    def test_manager_voids_over_jsonrpc(self):
        self.payment.with_user(self.manager).action_approve()
        answer = self._jsonrpc("rpc_manager", "rpc_manager_pw_1", "action_void")
        self.assertEqual(answer.get("result"), True, answer)
        self.payment.invalidate_recordset()
        self.assertEqual(self.payment.state, "voided")
