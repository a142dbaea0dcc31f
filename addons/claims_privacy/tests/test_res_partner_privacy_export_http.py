# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.claims_base.tests.common import Json2Mixin

from .common import ClaimsPrivacyCommon


@tagged("post_install", "-at_install")
class TestResPartnerPrivacyExportHttp(Json2Mixin, HttpCase, ClaimsPrivacyCommon):
    def test_json2_export_refused_to_a_claims_manager(self):
        response = self._json2(self.user_manager, "res.partner", "action_claims_privacy_export",
                               {"ids": self.paula.ids})
        self.assertEqual(response.status_code, 403)
        # a private method is not reachable at all
        response = self._json2(self.env.ref("base.user_admin"), "res.partner",
                               "_claims_privacy_export_zip", {"ids": self.paula.ids})
        self.assertNotEqual(response.status_code, 200)
        response = self._json2(self.env.ref("base.user_admin"), "res.partner",
                               "action_claims_privacy_export", {"ids": self.paula.ids})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["url"], f"/claims_privacy/export/{self.paula.id}")

    def test_download_route_for_administrators_only(self):
        url = f"/claims_privacy/export/{self.paula.id}"
        self.authenticate("claims_manager", "claims_manager")
        with mute_logger("odoo.http"):
            self.assertEqual(self.url_open(url).status_code, 403)
        self.authenticate("admin", "admin")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/zip")
        files = self._open_zip(response.content)
        self.assertEqual(self._table(files, "partner")[0]["name"], "Paula Person")
        with mute_logger("odoo.http"):
            self.assertEqual(self.url_open("/claims_privacy/export/999999999").status_code, 404)
