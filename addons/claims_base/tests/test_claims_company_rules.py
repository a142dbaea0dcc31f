# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
from datetime import datetime, timedelta

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import ClaimsCommon


@tagged("post_install", "-at_install")
class TestIncidentLinkCompanyRpc(HttpCase):
    """An incident link's token opens a company's phone form: a claims manager of another
    company never reads it, over JSON-2 with an API key as in the back office."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env["res.company"].create({"name": "Link Fleet A"})
        cls.company_b = cls.env["res.company"].create({"name": "Link Fleet B"})
        cls.link_a = cls.env["claims.incident.link"].create(
            {"name": "Depot A", "company_id": cls.company_a.id})
        cls.link_b = cls.env["claims.incident.link"].create(
            {"name": "Depot B", "company_id": cls.company_b.id})
        cls.manager_b = new_test_user(
            cls.env, login="link_manager_b", groups="claims_base.group_claims_manager",
            company_id=cls.company_b.id, company_ids=[Command.set(cls.company_b.ids)],
        )

    def _json2(self, method, payload):
        key = self.env["res.users.apikeys"].with_user(self.manager_b)._generate(
            scope="rpc", name="test", expiration_date=datetime.now() + timedelta(days=1))
        return self.url_open(
            f"/json/2/claims.incident.link/{method}", data=json.dumps(payload),
            headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
        )

    def test_other_company_manager_cannot_read_a_link_token_over_json2(self):
        response = self._json2("search_read", {"domain": [], "fields": ["name", "token"]})
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual([row["id"] for row in response.json()], self.link_b.ids)
        self.assertNotIn(self.link_a.token, response.text)
        with mute_logger("odoo.http", "odoo.addons.base.models.ir_rule"):
            response = self._json2("read", {"ids": self.link_a.ids, "fields": ["token"]})
        self.assertEqual(response.status_code, 403, response.text)
        self.assertNotIn(self.link_a.token, response.text)

    def test_other_company_manager_cannot_rotate_or_revoke_a_link_over_json2(self):
        token = self.link_a.token
        for method in ("action_rotate_token", "action_revoke"):
            with mute_logger("odoo.http", "odoo.addons.base.models.ir_rule"):
                response = self._json2(method, {"ids": self.link_a.ids})
            self.assertEqual(response.status_code, 403, response.text)
        self.assertRecordValues(self.link_a, [{"token": token, "active": True}])


@tagged("post_install", "-at_install")
class TestClaimsCompanyRules(ClaimsCommon):
    """The records a company's incident links leave behind (pending photos, link hits) stay
    in that company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.outsider = new_test_user(
            cls.env, login="outsider_manager",
            groups="claims_base.group_claims_manager",
            company_id=cls.other_company.id, company_ids=[Command.set(cls.other_company.ids)],
        )
        cls.link = cls.env["claims.incident.link"].create(
            {"name": "Depot", "company_id": cls.company.id})
        cls.link._is_rate_limited("192.0.2.7", "submit")
        cls.hit = cls.env["claims.incident.link.hit"].search([("link_id", "=", cls.link.id)])
        cls.upload = cls.env["claims.incident.upload"]._create_photo(
            "5c7b3f4e-0d5a-4b8e-9a4c-2f1e8d6b7a90", "photo.jpg", b"\xff\xd8\xff\xe0 photo",
            "image/jpeg", link=cls.link,
        )

    def test_records_take_the_company_they_came_through(self):
        self.assertEqual(self.hit.company_id, self.company)
        self.assertEqual(self.upload.company_id, self.company)

    def test_other_company_cannot_read_link_hits_or_uploads(self):
        for records in (self.link, self.hit, self.upload):
            with self.subTest(model=records._name):
                self.assertTrue(records)
                Model = self.env[records._name].with_user(self.outsider)
                self.assertFalse(Model.search([("id", "in", records.ids)]))
                with self.assertRaises(AccessError):
                    records.with_user(self.outsider).read(["display_name"])

    def test_other_company_cannot_download_a_pending_photo(self):
        with self.assertRaises(AccessError):
            self.upload.attachment_id.with_user(self.outsider).read(["datas"])

    def test_own_company_reads_them(self):
        for records in (self.link, self.hit, self.upload):
            with self.subTest(model=records._name):
                Model = self.env[records._name].with_user(self.user_manager)
                self.assertEqual(Model.search([("id", "in", records.ids)]), records)
