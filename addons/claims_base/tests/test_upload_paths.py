# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every way a file comes in (phone form, portal, documents view) refuses an image of too
many pixels from its header, before anything decodes it, with a clear error where the sender
sees it, and stores the base name of the file's name (the partner API: claims_api)."""

import time
import uuid

from odoo.tests import tagged

from .common import ClaimsPortalCommon
from .common_images import REFUSED, no_decoding_above, png_declaring


@tagged("post_install", "-at_install")
class TestUploadPaths(ClaimsPortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bomb = png_declaring(12_000, 12_000)
        cls.repairer_role = cls.env.ref("claims_base.claims_participant_role_repairer")
        cls.env["claims.participant"].create({
            "claim_id": cls.claim.id, "partner_id": cls.user_driver.partner_id.id,
            "role_id": cls.repairer_role.id,
        })

    # ------------------------------------------------------------------ helpers

    def _open_form(self):
        url = f"/claims/report/{self.link.token}"
        response = self.url_open(url)
        submission = str(uuid.UUID(
            response.text.split('name="submission_uuid" value="')[1].split('"')[0]))
        return url, self._csrf(url), submission

    def _upload(self, csrf, submission, name, data, mimetype="image/jpeg"):
        return self.url_open("/claims/report/photo", data={
            "csrf_token": csrf, "submission_uuid": submission, "token": self.link.token,
        }, files={"photo": (name, data, mimetype)})

    # ------------------------------------------------------------------ phone form

    def test_phone_form_refuses_a_huge_image_at_once_and_keeps_the_report(self):
        url, csrf, submission = self._open_form()
        photo = self._upload(csrf, submission, "front.jpg", self._jpeg()).json()["ref"]
        with no_decoding_above(40_000_000):
            start = time.monotonic()
            refused = self._upload(csrf, submission, "scan.png", self.bomb, "image/png")
            elapsed = time.monotonic() - start
        self.assertEqual(refused.status_code, 422, refused.text)
        self.assertIn(REFUSED, refused.json()["error"])
        self.assertIn("scan.png", refused.json()["error"])
        self.assertLess(elapsed, 5, "refused from the header, not after decoding")
        uploads = self.env["claims.incident.upload"].search(
            [("submission_uuid", "=", submission)])
        self.assertEqual(len(uploads), 1, "nothing kept of the refused image")
        # the report goes on with the photo taken before
        sent = self.url_open(url, data=[
            *{**self._form_values(), "csrf_token": csrf, "submission_uuid": submission}.items(),
            ("photo_refs", photo),
        ], allow_redirects=False)
        self.assertEqual(sent.status_code, 303, sent.text)
        incident = self.env["claims.incident"].search([("submission_uuid", "=", submission)])
        self.assertEqual(incident.document_ids.mapped("name"), ["front.jpg"])

    def test_phone_form_stores_a_photo_under_its_base_name(self):
        _url, csrf, submission = self._open_form()
        response = self._upload(csrf, submission, "../../../etc/cron.d/evil.jpg", self._jpeg())
        self.assertEqual(response.status_code, 200, response.text)
        upload = self.env["claims.incident.upload"].search(
            [("submission_uuid", "=", submission)])
        self.assertEqual(upload.attachment_id.name, "evil.jpg")

    # ------------------------------------------------------------------ portal participant

    def test_portal_upload_refuses_a_huge_image_with_a_message_and_keeps_base_names(self):
        self.authenticate("dana", "dana-secret-1")
        url = f"/my/claims/{self.claim.id}"
        csrf = self._csrf(url)
        before = self.claim.document_ids
        with no_decoding_above(40_000_000):
            refused = self.url_open(f"{url}/upload", data={
                "csrf_token": csrf, "category_id": self.photo_category.id,
            }, files={"file": ("scan.png", self.bomb, "image/png")}, allow_redirects=False)
        self.assertIn("upload_error=image", refused.headers["Location"])
        self.assertIn("This image is too large", self.url_open(refused.headers["Location"]).text)
        self.assertEqual(self.claim.document_ids, before)
        accepted = self.url_open(f"{url}/upload", data={
            "csrf_token": csrf, "category_id": self.photo_category.id,
        }, files={"file": ("C:\\Users\\dana\\Pictures\\dent.jpg", self._jpeg(), "image/jpeg")},
            allow_redirects=False)
        self.assertIn("uploaded=1", accepted.headers["Location"])
        document = self.claim.document_ids - before
        self.assertEqual((document.name, document.attachment_id.name), ("dent.jpg", "dent.jpg"))

    # ------------------------------------------------------------------ documents view

    def test_desk_upload_is_filed_under_its_base_name(self):
        attachment = self.env["ir.attachment"].with_user(self.user_handler).create({
            "name": "/home/hanna/../../etc/scan.pdf", "raw": b"%PDF-1.4 scan",
            "res_model": "claims.claim", "res_id": self.claim.id,
        })
        ids = self.env["claims.document"].with_user(self.user_handler).add_uploaded_files(
            "claims.claim", self.claim.id, self.photo_category.id, attachment.ids)
        document = self.env["claims.document"].browse(ids)
        self.assertEqual((document.name, document.attachment_id.name), ("scan.pdf", "scan.pdf"))
