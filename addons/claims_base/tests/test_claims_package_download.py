# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
import zipfile
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common_package import ClaimsPackageCommon


@tagged("post_install", "-at_install")
class TestClaimsPackageDownload(ClaimsPackageCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].set_param("claims_base.package_size_cap_kb", "1")
        cls.big = cls._add_document("scan.bin", cls._random_bytes(6000), cls.category_police)

    def test_download_link_serves_the_zip_until_it_expires(self):
        package = self._send_package(self.lawyer, self.big)
        self.assertEqual(package.delivery, "link")
        response = self.url_open(f"/claims/package/{package.access_token}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/zip")
        with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
            self.assertEqual(archive.read("scan.bin"), self.big.attachment_id.raw)
        self.assertEqual(package.download_count, 1)

    def test_expired_link_is_refused(self):
        package = self._send_package(self.lawyer, self.big)
        package.date_expiry = fields.Datetime.now() - timedelta(minutes=1)
        response = self.url_open(f"/claims/package/{package.access_token}")
        self.assertEqual(response.status_code, 410)
        self.assertNotIn(b"PK", response.content[:2])
        self.assertEqual(package.download_count, 0)

    def test_unknown_or_reply_token_is_not_found(self):
        package = self._send_package(self.lawyer, self.big)
        for token in ("0" * 32, package.reply_token, "not-a-token"):
            response = self.url_open(f"/claims/package/{token}")
            self.assertEqual(response.status_code, 404, token)

    def test_package_sent_as_attachment_has_no_download(self):
        self.env["ir.config_parameter"].set_param("claims_base.package_size_cap_kb", "10240")
        package = self._send_package(self.lawyer, self.doc_photo)
        self.assertEqual(package.delivery, "attachment")
        response = self.url_open(f"/claims/package/{package.access_token}")
        self.assertEqual(response.status_code, 404)
