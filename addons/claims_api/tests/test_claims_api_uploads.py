# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The partner API refuses an image of too many pixels from its header, before anything
decodes it, with a JSON error, and stores the base name of each file's name."""

import base64
import json
import time
from datetime import datetime, timedelta

from odoo import Command
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.claims_base.tests.common import ClaimsPortalCommon
from odoo.addons.claims_base.tests.common_images import (
    REFUSED,
    no_decoding_above,
    png_declaring,
)


@tagged("post_install", "-at_install")
class TestClaimsApiUploads(ClaimsPortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bomb = png_declaring(12_000, 12_000)
        cls.user_api = new_test_user(
            cls.env, login="upload_api", groups="claims_api.group_claims_api",
            company_id=cls.company.id, company_ids=[Command.set(cls.company.ids)],
        )

    def _api(self, path, payload):
        key = self.env["res.users.apikeys"].with_user(self.user_api)._generate(
            scope="rpc", name="uploads", expiration_date=datetime.now() + timedelta(days=1))
        return self.url_open(f"/claims/api/v1{path}", data=json.dumps(payload), headers={
            "Authorization": f"Bearer {key}", "Content-Type": "application/json",
        })

    @staticmethod
    def _file(name, raw):
        return {"name": name, "data": base64.b64encode(raw).decode()}

    @mute_logger("odoo.http")
    def test_api_refuses_a_huge_image_with_a_json_error_and_files_nothing(self):
        incidents = self.env["claims.incident"].search_count([])
        with no_decoding_above(40_000_000):
            start = time.monotonic()
            response = self._api("/incidents", {
                "incident_type": "vehicle_collision",
                "photos": [self._file("front.jpg", self._jpeg()),
                           self._file("scan.png", self.bomb)],
            })
            elapsed = time.monotonic() - start
            self.assertEqual(response.status_code, 422, response.text)
            self.assertEqual(response.json()["error"]["code"], "invalid")
            self.assertIn(REFUSED, response.json()["error"]["message"])
            self.assertIn("scan.png", response.json()["error"]["message"])
            self.assertLess(elapsed, 5, "refused from the header, not after decoding")
            self.assertEqual(self.env["claims.incident"].search_count([]), incidents)
            document = self._api(f"/claims/{self.claim.id}/documents", {
                "category": "photo", **self._file("scan.png", self.bomb),
            })
            self.assertEqual(document.status_code, 422, document.text)
            self.assertIn(REFUSED, document.json()["error"]["message"])

    def test_api_files_normal_photos_under_their_base_names(self):
        response = self._api("/incidents", {
            "incident_type": "vehicle_collision",
            "photos": [self._file("../../photos/front.jpg", self._jpeg()),
                       self._file("C:\\fleet\\side.jpg", self._jpeg(size=(2400, 1800)))],
        })
        self.assertEqual(response.status_code, 201, response.text)
        incident = self.env["claims.incident"].browse(response.json()["id"])
        self.assertEqual(sorted(incident.document_ids.mapped("name")), ["front.jpg", "side.jpg"])
        self.assertEqual(sorted(incident.document_ids.attachment_id.mapped("name")),
                         ["front.jpg", "side.jpg"])
        document = self._api(f"/claims/{self.claim.id}/documents", {
            "category": "photo", **self._file("..\\..\\dent.jpg", self._jpeg()),
        })
        self.assertEqual(document.status_code, 201, document.text)
        self.assertEqual(document.json()["name"], "dent.jpg")
