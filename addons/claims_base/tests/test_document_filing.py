# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ClaimsCommon

PNG_PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPj/HwADAgH/oNOdTgAAAABJRU5ErkJggg=="
)


@tagged("post_install", "-at_install")
class TestClaimsDocumentFiling(ClaimsCommon):
    """Documents dropped into a category column, and documents moved between categories."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.photos = cls.env.ref("claims_base.claims_document_category_photo")
        cls.reports = cls.env.ref("claims_base.claims_document_category_police_report")

    def _upload(self, user, record, name="crash.png"):
        """What /web/binary/upload_attachment does for the user."""
        return self.env["ir.attachment"].with_user(user).create({
            "name": name, "raw": PNG_PIXEL, "res_model": record._name, "res_id": record.id,
        })

    def _file(self, user, attachments, record=None, category=None):
        record = record or self.claim
        return self.env["claims.document"].with_user(user).add_uploaded_files(
            record._name, record.id, (category or self.photos).id, attachments.ids
        )

    def test_user_files_own_uploads_into_the_category_of_the_claim(self):
        attachments = self._upload(self.user_handler, self.claim) | self._upload(
            self.user_handler, self.claim, "scene.png")

        document_ids = self._file(self.user_handler, attachments)

        documents = self.env["claims.document"].browse(document_ids)
        self.assertRecordValues(documents, [
            {"name": "crash.png", "claim_id": self.claim.id, "category_id": self.photos.id,
             "attachment_id": attachments[0].id, "is_published": False,
             "mimetype": "image/png"},
            {"name": "scene.png", "claim_id": self.claim.id, "category_id": self.photos.id,
             "attachment_id": attachments[1].id, "is_published": False,
             "mimetype": "image/png"},
        ])
        self.assertEqual(set(attachments.mapped("res_model")), {"claims.document"})
        self.assertEqual(attachments.mapped("res_id"), documents.ids)
        self.assertIn("Uploaded into Photos: crash.png, scene.png", self.claim.message_ids[0].body)

    def test_user_files_uploads_on_an_incident(self):
        incident = self.env["claims.incident"].create({
            "company_id": self.company.id, "incident_type": "theft"})
        attachment = self._upload(self.user_handler, incident)

        document_ids = self._file(self.user_handler, attachment, record=incident)

        self.assertEqual(self.env["claims.document"].browse(document_ids).incident_id, incident)

    def test_user_cannot_file_someone_elses_upload(self):
        attachment = self._upload(self.user_manager, self.claim)

        with self.assertRaises(AccessError):
            self._file(self.user_handler, attachment)

    def test_user_cannot_file_an_upload_of_another_claim(self):
        other_claim = self._create_claim(self.company)
        attachment = self._upload(self.user_handler, other_claim)

        with self.assertRaises(AccessError):
            self._file(self.user_handler, attachment)

    def test_user_cannot_file_a_document_twice(self):
        attachment = self._upload(self.user_handler, self.claim)
        self._file(self.user_handler, attachment)

        with self.assertRaises(AccessError):
            self._file(self.user_handler, attachment, category=self.reports)

    def test_user_of_another_company_cannot_file_on_the_claim(self):
        attachment = self._upload(self.user_handler, self.claim)

        with self.assertRaises(AccessError):
            self._file(self.user_branch, attachment)

    def test_documents_are_filed_on_claims_and_incidents_only(self):
        attachment = self._upload(self.user_handler, self.policy)

        with self.assertRaises(AccessError):
            self._file(self.user_handler, attachment, record=self.policy)

    def test_moving_a_document_to_another_category_is_logged_on_the_claim(self):
        document = self.env["claims.document"].browse(
            self._file(self.user_handler, self._upload(self.user_handler, self.claim)))

        document.with_user(self.user_handler).write({"category_id": self.reports.id})

        self.assertEqual(document.category_id, self.reports)
        message = self.claim.message_ids[0]
        self.assertIn("Document crash.png moved from Photos to Police report.", message.body)
        self.assertEqual(message.author_id, self.user_handler.partner_id)

    def test_writing_the_same_category_logs_nothing(self):
        document = self.env["claims.document"].browse(
            self._file(self.user_handler, self._upload(self.user_handler, self.claim)))
        messages = self.claim.message_ids

        document.with_user(self.user_handler).write({"category_id": self.photos.id})

        self.assertEqual(self.claim.message_ids, messages)
