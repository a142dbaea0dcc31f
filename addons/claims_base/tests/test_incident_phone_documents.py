# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import uuid

from odoo.tests import tagged

from ..models.claims_incident_upload import MAX_DOCUMENT_BYTES, MAX_DOCUMENTS
from .common import ClaimsPortalCommon

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@tagged("post_install", "-at_install")
class TestIncidentPhoneDocuments(ClaimsPortalCommon):
    """The phone form takes PDFs (police report, accident statement) beside the photos, and
    asks whether cargo was carried, which the incident rules use."""

    def setUp(self):
        super().setUp()
        self.url = f"/claims/report/{self.link.token}"
        page = self.url_open(self.url)
        self.submission = str(uuid.UUID(
            page.text.split('name="submission_uuid" value="')[1].split('"')[0]))
        self.csrf = self._csrf(self.url)

    def _upload(self, route, field, data, name, **extra):
        return self.url_open(route, data={
            "csrf_token": self.csrf, "submission_uuid": self.submission,
            "token": self.link.token, **extra,
        }, files={field: (name, data, "application/octet-stream")})

    def _document(self, kind="police_report", data=PDF, name="police.pdf"):
        return self._upload("/claims/report/document", "document", data, name, kind=kind)

    def _send(self, photo_refs=(), document_refs=(), **values):
        data = list({**self._form_values(**values), "csrf_token": self.csrf,
                     "submission_uuid": self.submission}.items())
        data += [("photo_refs", ref) for ref in photo_refs]
        data += [("document_refs", ref) for ref in document_refs]
        response = self.url_open(self.url, data=data, allow_redirects=False)
        self.assertEqual(response.status_code, 303, response.text[:500])
        return response

    def _incident(self):
        return self.env["claims.incident"].search([("submission_uuid", "=", self.submission)])

    def test_pdfs_are_filed_in_the_category_the_driver_chose(self):
        photo = self._upload("/claims/report/photo", "photo", self._jpeg(), "dent.jpg")
        police = self._document(name="../../PV 2026-118.pdf")
        statement = self._document(kind="accident_statement", name="constat.pdf")
        refs = [response.json()["ref"] for response in (police, statement)]
        response = self._send(photo_refs=[photo.json()["ref"]], document_refs=refs,
                              has_cargo="yes")
        incident = self._incident()
        self.assertTrue(incident.has_cargo)
        by_category = {doc.category_id.code: doc for doc in incident.document_ids}
        self.assertEqual(set(by_category), {"photo", "police_report", "accident_statement"})
        self.assertEqual(by_category["police_report"].name, "PV 2026-118.pdf")
        self.assertEqual(by_category["police_report"].attachment_id.mimetype, "application/pdf")
        self.assertTrue(all(incident.document_ids.mapped("is_published")))
        done = self.url_open(response.headers["Location"])
        self.assertIn('id="document_count">2<', done.text)
        self.assertIn('id="photo_count">1<', done.text)

    def test_cargo_is_optional_and_checked(self):
        self._send()
        self.assertFalse(self._incident().has_cargo, "no answer: no cargo for the rules")
        response = self.url_open(self.url, data={
            **self._form_values(has_cargo="maybe"), "csrf_token": self.csrf,
            "submission_uuid": str(uuid.uuid4()),
        })
        self.assertEqual(response.status_code, 422)
        self.assertIn("whether the vehicle carried cargo", response.text)

    def test_a_cargo_answer_opens_the_cargo_claim(self):
        self.company.claims_open_on_report = "automatic"
        cargo_type = self.env["claims.claim.type"].create({"name": "Cargo", "code": "CGO"})
        self.env["claims.incident.rule"].create({
            "name": "Cargo on board", "company_id": self.company.id,
            "incident_type": "vehicle_collision", "when_cargo": "yes",
            "party": "cargo_insurer", "claim_type_id": cargo_type.id,
        })
        self._send(has_cargo="yes")
        self.assertEqual(self._incident().claim_ids.claim_type_id, cargo_type)

    def test_what_is_not_a_pdf_or_too_much_is_refused_and_the_report_goes_on(self):
        as_document = self._document(data=self._jpeg(), name="photo.pdf")
        self.assertEqual(as_document.status_code, 415)
        self.assertIn("Only PDF documents", as_document.json()["error"])
        as_photo = self._upload("/claims/report/photo", "photo", PDF, "scan.jpg")
        self.assertEqual(as_photo.status_code, 415)
        unknown = self._document(kind="invoice")
        self.assertEqual(unknown.status_code, 400)
        huge = self._document(data=PDF + b"0" * MAX_DOCUMENT_BYTES)
        self.assertEqual(huge.status_code, 413)
        refs = [self._document().json()["ref"] for _i in range(MAX_DOCUMENTS)]
        extra = self._document()
        self.assertEqual(extra.status_code, 413)
        self.assertIn(f"At most {MAX_DOCUMENTS} documents", extra.json()["error"])
        self._send(document_refs=refs)
        self.assertEqual(len(self._incident().document_ids), MAX_DOCUMENTS)

    def test_a_document_of_another_report_is_not_taken(self):
        other = self._upload("/claims/report/document", "document", PDF, "other.pdf",
                             kind="other", submission_uuid=str(uuid.uuid4()))
        self.assertEqual(other.status_code, 200)
        self._send(document_refs=[other.json()["ref"]])
        self.assertFalse(self._incident().document_ids)

    def test_closed_link_refuses_documents(self):
        self.link.action_revoke()
        self.assertEqual(self._document().status_code, 404)
