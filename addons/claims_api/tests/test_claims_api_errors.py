# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
from datetime import datetime, timedelta

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

API = "/claims/api/v1"
LOGGER = "odoo.addons.claims_api.models.ir_http"


@tagged("post_install", "-at_install")
class TestClaimsApiErrors(HttpCase):
    """Whatever goes wrong, the partner API answers a JSON error: never a traceback, never
    the text of an exception; an unexpected one gets an id that the server log holds."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.api_user = new_test_user(
            cls.env, login="api_errors", groups=(
                "claims_api.group_claims_api,claims_base.group_claims_user"),
            company_ids=[Command.set(cls.env.company.ids)],
        )
        cls.incident = cls.env["claims.incident"].create(
            {"incident_type": "theft", "company_id": cls.env.company.id})

    def _call(self, path, data, key="", method="POST"):
        """Call the API with the user's key (or ``key``, or none when None)."""
        headers = {"Content-Type": "application/json"}
        if key == "":
            key = self.env["res.users.apikeys"].with_user(self.api_user)._generate(
                scope="rpc", name="test", expiration_date=datetime.now() + timedelta(days=1))
        if key:
            headers["Authorization"] = f"Bearer {key}"
        if not isinstance(data, (str, bytes)):
            data = json.dumps(data)
        response = self.opener.request(
            method, self.base_url() + path, data=data, headers=headers, timeout=60)
        self.assertEqual(response.headers["Content-Type"], "application/json; charset=utf-8")
        self.assertNotIn("Traceback", response.text)
        self.assertNotIn('"debug"', response.text)
        return response, response.json()["error"]

    @mute_logger("odoo.http")
    def test_malformed_json_body_is_a_json_400(self):
        response, error = self._call(f"{API}/incidents", b'{"incident_type": "theft",')
        self.assertEqual(response.status_code, 400)
        self.assertEqual(error["code"], "bad_request")
        self.assertNotIn("Expecting", error["message"])

    @mute_logger("odoo.http", "odoo.sql_db")
    def test_unexpected_error_is_a_generic_500_with_a_logged_id(self):
        # a NUL character, which PostgreSQL cannot store in a text column: an error no
        # route expects
        with self.assertLogs(LOGGER, "ERROR") as logs:
            response, error = self._call(f"{API}/incidents", {
                "incident_type": "theft", "description": "broken \u0000 text"})
        self.assertEqual(response.status_code, 500)
        self.assertEqual(error["code"], "internal_error")
        self.assertNotIn("NUL", response.text)
        self.assertNotIn("ValueError", response.text)
        self.assertIn(error["id"], error["message"])
        self.assertIn(error["id"], logs.output[0])
        self.assertIn("ValueError", "\n".join(logs.output))
        self.assertFalse(self.env["claims.incident"].search(
            [("description", "like", "broken")]))

    @mute_logger("odoo.http")
    def test_value_out_of_range_is_a_generic_500(self):
        # 1e999 is valid JSON; Python reads it as infinity, which no float field stores
        with self.assertLogs(LOGGER, "ERROR") as logs:
            response, error = self._call(
                f"{API}/incidents", b'{"incident_type": "theft", "latitude": 1e999}')
        self.assertEqual(response.status_code, 500)
        self.assertEqual(error["code"], "internal_error")
        self.assertNotIn("Overflow", response.text)
        self.assertNotIn("infinity", response.text)
        self.assertIn(error["id"], logs.output[0])

    @mute_logger("odoo.http")
    def test_no_or_bad_key_is_a_json_401(self):
        for key in (None, "not-a-key"):
            with self.subTest(key=key):
                response, error = self._call(
                    f"{API}/incidents", {"incident_type": "theft"}, key=key)
                self.assertEqual(response.status_code, 401)
                self.assertEqual(error["code"], "unauthorized")
                self.assertNotIn("apikey", response.text)

    @mute_logger("odoo.http")
    def test_wrong_method_is_a_json_405(self):
        response, error = self._call(f"{API}/changes", {}, method="POST")
        self.assertEqual(response.status_code, 405)
        self.assertEqual(error["code"], "method_not_allowed")
        self.assertIn("GET", response.headers.get("Allow", ""))
