# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
import zipfile

from pypdf import PdfReader

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .common_package import PDF_BYTES, PNG_BYTES, ClaimsPackageCommon


@tagged("post_install", "-at_install")
class TestClaimsPackageSend(ClaimsPackageCommon, HttpCase):
    """HttpCase: wkhtmltopdf fetches the report assets from the test server."""

    def test_package_mail_carries_zip_of_chosen_documents_and_real_pdf_summary(self):
        self.env["ir.config_parameter"].set_param("report.url", self.base_url())
        package = self._send_package(
            self.lawyer, self.doc_photo | self.doc_police, force_report_rendering=True
        )
        self.assertEqual(len(package), 1)
        mail = self._sent_mail_to("lara.lawyer@lawfirm.example")
        files = {name: content for name, content, _mimetype in mail["attachments"]}
        zip_name = next(name for name in files if name.endswith(".zip"))
        pdf_name = next(name for name in files if name.endswith(".pdf"))
        with zipfile.ZipFile(io.BytesIO(files[zip_name])) as archive:
            self.assertEqual(sorted(archive.namelist()), ["front.png", "police-report.pdf"])
            self.assertEqual(archive.read("front.png"), PNG_BYTES)
            self.assertEqual(archive.read("police-report.pdf"), PDF_BYTES)
        self.assertTrue(files[pdf_name].startswith(b"%PDF"), "rendered by wkhtmltopdf")
        pages = PdfReader(io.BytesIO(files[pdf_name])).pages
        text = " ".join(" ".join(page.extract_text() for page in pages).split())
        self.assertIn(self.claim.name, text)
        self.assertIn("Own damage", text)
        self.assertIn("police-report.pdf", text)
        self.assertRecordValues(package, [{
            "partner_id": self.lawyer.id,
            "email": "lara.lawyer@lawfirm.example",
            "delivery": "attachment",
            "document_ids": (self.doc_photo | self.doc_police).ids,
        }])
        self.assertEqual(mail["reply_to"], package.reply_address)
        self.assertRegex(package.reply_address, r"^claims\+[0-9a-f]{32}@claims\.example\.com$")

    def test_each_recipient_gets_own_mail_and_reply_address(self):
        packages = self._send_package(self.lawyer | self.expert, self.doc_photo)
        self.assertEqual(len(packages), 2)
        self.assertEqual(len(set(packages.mapped("reply_token"))), 2)
        self.assertEqual(len(set(packages.mapped("reply_address"))), 2)
        self.assertEqual(packages.mapped("download_url"), [False, False])
        for package in packages:
            mail = self._sent_mail_to(package.email)
            self.assertEqual(mail["reply_to"], package.reply_address)
            self.assertEqual(len(mail["email_to"]), 1)

    def test_package_is_logged_on_claim_and_not_mailed_to_followers(self):
        package = self._send_package(self.lawyer, self.doc_photo)
        message = package.mail_message_id
        self.assertEqual(message.model, "claims.claim")
        self.assertEqual(message.res_id, self.claim.id)
        self.assertEqual(message.subtype_id, self.env.ref("claims_base.mt_claim_package"))
        self.assertIn("front.png", message.body)
        self.assertEqual(message.notification_ids.res_partner_id, self.lawyer)
        self.assertEqual(len(self.sent_mails), 1, "the handler following the claim gets no copy")

    def test_over_size_cap_mail_carries_link_instead_of_zip(self):
        self.env["ir.config_parameter"].set_param("claims_base.package_size_cap_kb", "1")
        big = self._add_document("scan.bin", self._random_bytes(8000), self.category_police)
        package = self._send_package(self.lawyer, big)
        mail = self._sent_mail_to("lara.lawyer@lawfirm.example")
        names = [name for name, _content, _mimetype in mail["attachments"]]
        self.assertFalse([name for name in names if name.endswith(".zip")])
        self.assertEqual(package.delivery, "link")
        self.assertTrue(package.date_expiry)
        self.assertIn(f"/claims/package/{package.access_token}", mail["body"])
        self.assertGreater(package.zip_size, 1024)

    def test_recipient_without_email_is_refused(self):
        nobody = self.env["res.partner"].create({"name": "No Mail"})
        with self.assertRaises(UserError):
            self._send_package(nobody, self.doc_photo)
        self.assertFalse(self.claim.package_ids)

    def test_user_of_other_company_cannot_send_package(self):
        other_claim = self._create_claim(self.other_company, policy_id=False)
        wizard = self.env["claims.package.send"].with_user(self.user_handler).create({
            "claim_id": other_claim.id, "partner_ids": [(6, 0, self.lawyer.ids)],
        })
        with self.assertRaises(AccessError):
            wizard.action_send()

    def test_user_cannot_create_or_alter_packages_directly(self):
        package = self._send_package(self.lawyer, self.doc_photo)
        with self.assertRaises(AccessError):
            package.with_user(self.user_handler).write({"email": "evil@example.com"})
        with self.assertRaises(AccessError):
            self.env["claims.package"].with_user(self.user_handler).create({
                "claim_id": self.claim.id, "partner_id": self.lawyer.id,
                "email": "evil@example.com",
            })
