# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import uuid
from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import INCIDENT_UTC, ClaimsPortalCommon


@tagged("post_install", "-at_install")
class TestIncidentPhoneForm(ClaimsPortalCommon):
    """The phone form, through an incident link and as a logged-in portal driver."""

    def _link_url(self, link=None):
        return f"/claims/report/{(link or self.link).token}"

    def _open_form(self, url):
        """Open the form; return (csrf token, submission id) from its hidden fields."""
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        token = self._csrf(url)
        submission = uuid.UUID(
            response.text.split('name="submission_uuid" value="')[1].split('"')[0]
        )
        return token, str(submission)

    def _upload(self, csrf, submission, data=None, token=None, name="photo.jpg"):
        return self.url_open(
            "/claims/report/photo",
            data={"csrf_token": csrf, "submission_uuid": submission,
                  "token": token if token is not None else self.link.token},
            files={"photo": (name, data if data is not None else self._jpeg(), "image/jpeg")},
        )

    def _send(self, url, csrf, submission, refs=(), **values):
        data = {**self._form_values(**values), "csrf_token": csrf, "submission_uuid": submission}
        data = list(data.items()) + [("photo_refs", ref) for ref in refs]
        return self.url_open(url, data=data, allow_redirects=False)

    def _incidents(self, submission):
        return self.env["claims.incident"].search([("submission_uuid", "=", submission)])

    # ------------------------------------------------------------------ through a link

    def test_link_report_files_incident_with_photos_in_company(self):
        url = self._link_url()
        csrf, submission = self._open_form(url)
        refs = [self._upload(csrf, submission).json()["ref"] for _i in range(2)]
        response = self._send(url, csrf, submission, refs=refs)
        self.assertEqual(response.status_code, 303)
        self.assertIn(f"{url}/done/{submission}", response.headers["Location"])
        incident = self._incidents(submission)
        self.assertRecordValues(incident, [{
            "company_id": self.company.id,
            "incident_link_id": self.link.id,
            "incident_type": "vehicle_collision",
            "vehicle_id": self.vehicle.id,
            "latitude": 51.0543,
            "longitude": 3.7174,
            "has_injuries": False,
            # 08:15 in Brussels
            "date_incident": INCIDENT_UTC,
        }])
        self.assertEqual(len(incident.document_ids), 2)
        self.assertEqual(incident.document_ids.category_id, self.photo_category)
        self.assertTrue(all(incident.document_ids.mapped("is_published")))
        self.assertEqual(incident.document_ids.attachment_id.mapped("mimetype"), ["image/jpeg"] * 2)
        self.assertRecordValues(incident.party_ids, [{
            "license_plate": "1-ABC-234", "name": "Paul Other", "insurer_id": self.insurer.id,
        }])
        reporter = incident.reporter_id
        self.assertRecordValues(reporter, [{
            "name": "Rik Roadside", "email": "rik@example.com", "company_id": self.company.id,
        }])
        self.assertEqual(incident.participant_ids.partner_id, reporter)
        self.assertEqual(incident.participant_ids.role_id, self.role_driver)
        # the fleet side hears of it: the company's claims managers are notified
        notified = incident.message_ids.filtered(lambda m: m.author_id == reporter).partner_ids
        self.assertIn(self.user_manager.partner_id, notified)
        self.assertNotIn(self.user_handler.partner_id, notified)
        # the driver gets a copy by e-mail
        mail = self.env["mail.mail"].search([
            ("model", "=", "claims.incident"), ("res_id", "=", incident.id),
            ("subject", "like", "Your incident report"),
        ])
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.email_to, "rik@example.com")
        self.assertIn(incident.name, mail.subject)
        done = self.url_open(response.headers["Location"])
        self.assertIn(incident.name, done.text)
        # an anonymous reporter has no account to follow it in
        self.assertNotIn("/my/incidents/", done.text)

    def test_second_send_returns_the_same_incident(self):
        url = self._link_url()
        csrf, submission = self._open_form(url)
        ref = self._upload(csrf, submission).json()["ref"]
        first = self._send(url, csrf, submission, refs=[ref])
        second = self._send(url, csrf, submission, refs=[ref])
        self.assertEqual(first.headers["Location"], second.headers["Location"])
        incident = self._incidents(submission)
        self.assertEqual(len(incident), 1)
        self.assertEqual(len(incident.document_ids), 1)

    def _file_racing(self, *stale_checks):
        """File a report whose submission id another send filed meanwhile, with the
        named checks blind to it (as a transaction's snapshot would be)."""
        earlier = self.env["claims.incident"].create({
            "incident_type": "theft", "company_id": self.company.id,
            "submission_uuid": str(uuid.uuid4()),
        })
        Incident = self.env["claims.incident"]
        values, errors = Incident._intake_check(self.company, {
            **self._form_values(), "submission_uuid": earlier.submission_uuid,
        }, with_reporter=True)
        self.assertFalse(errors)
        patches = [patch.object(type(Incident), name, return_value=Incident.browse())
                   for name in stale_checks]
        for patcher in patches:
            patcher.start()
        try:
            filed = Incident._intake_file(self.company, values, self.driver_partner,
                                          self.env["claims.incident.upload"])
        finally:
            for patcher in patches:
                patcher.stop()
        self.assertFalse(filed)
        self.assertEqual(
            Incident.search_count([("submission_uuid", "=", earlier.submission_uuid)]), 1
        )

    def test_send_racing_an_earlier_send_files_nothing(self):
        self._file_racing("_intake_find_submission")

    @mute_logger("odoo.sql_db")
    def test_unique_index_is_the_last_guard(self):
        self._file_racing("_intake_find_submission", "_intake_filed_meanwhile")

    def test_errors_are_returned_next_to_the_fields(self):
        url = self._link_url()
        csrf, submission = self._open_form(url)
        response = self._send(
            url, csrf, submission, incident_type="", description="", has_injuries="",
            latitude="", longitude="", vehicle_id=str(self.other_vehicle.id),
            reporter_phone="12", reporter_email="not-an-address",
            party_insurer_id=str(self.broker.id),
        )
        self.assertEqual(response.status_code, 422)
        for field in ("incident_type", "description", "has_injuries", "place", "vehicle_id",
                      "reporter_email", "reporter_phone", "party_insurer_id"):
            self.assertIn(f'id="error_{field}"', response.text, field)
        self.assertNotIn('id="error_date_incident"', response.text)
        # the driver's answers and the submission id stay on the page
        self.assertIn("Rik Roadside", response.text)
        self.assertIn(submission, response.text)
        self.assertFalse(self._incidents(submission))

    def test_incident_in_the_future_is_refused(self):
        url = self._link_url()
        csrf, submission = self._open_form(url)
        tomorrow = (fields.Datetime.now() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
        response = self._send(url, csrf, submission, date_incident=tomorrow, tz="UTC")
        self.assertIn('id="error_date_incident"', response.text)
        self.assertFalse(self._incidents(submission))

    def test_revoked_or_rotated_link_is_closed(self):
        old_url = self._link_url()
        self.link.with_user(self.user_manager).action_rotate_token()
        self.assertEqual(self.url_open(old_url).status_code, 404)
        self.assertEqual(self.url_open(self._link_url()).status_code, 200)
        self.link.with_user(self.user_manager).action_revoke()
        self.assertEqual(self.url_open(self._link_url()).status_code, 404)
        self.assertIn("Link revoked.", " ".join(self.link.message_ids.mapped("body")))

    def test_claims_user_cannot_rotate_a_link(self):
        from odoo.exceptions import AccessError  # noqa: PLC0415

        with self.assertRaises(AccessError):
            self.link.with_user(self.user_handler).action_rotate_token()

    def test_link_is_rate_limited_per_address(self):
        self.link.rate_limit = 1
        url = self._link_url()
        csrf, submission = self._open_form(url)
        self.assertEqual(self._send(url, csrf, submission).status_code, 303)
        _csrf, submission_2 = self._open_form(url)
        response = self._send(url, csrf, submission_2)
        self.assertEqual(response.status_code, 429)
        self.assertFalse(self._incidents(submission_2))
        # the same report again is not a new one: it still finds its incident
        self.assertEqual(self._send(url, csrf, submission).status_code, 303)

    def test_photo_upload_is_capped_and_checked(self):
        url = self._link_url()
        csrf, submission = self._open_form(url)
        with patch("odoo.addons.claims_base.controllers.incident_form.MAX_PHOTO_BYTES", 1000):
            too_big = self._upload(csrf, submission, data=self._jpeg(size=(800, 600)))
        self.assertEqual(too_big.status_code, 413)
        not_image = self._upload(csrf, submission, data=b"%PDF-1.4 not a photo", name="x.jpg")
        self.assertEqual(not_image.status_code, 415)
        closed = self._upload(csrf, submission, token="wrong-token")
        self.assertEqual(closed.status_code, 404)
        self.assertFalse(self.env["claims.incident.upload"].search(
            [("submission_uuid", "=", submission)]))

    def test_uploads_of_another_submission_are_not_taken(self):
        url = self._link_url()
        csrf, submission = self._open_form(url)
        foreign = self._upload(csrf, str(uuid.uuid4())).json()["ref"]
        forged = self._upload(csrf, submission).json()["ref"].split(":")[0] + ":wrong-key"
        self._send(url, csrf, submission, refs=[foreign, forged])
        self.assertFalse(self._incidents(submission).document_ids)

    def test_orphan_uploads_are_vacuumed(self):
        url = self._link_url()
        csrf, submission = self._open_form(url)
        ref = self._upload(csrf, submission).json()["ref"]
        upload = self.env["claims.incident.upload"].browse(int(ref.split(":")[0]))
        attachment = upload.attachment_id
        self.env.cr.execute(
            "UPDATE claims_incident_upload SET create_date = now() - interval '2 days' "
            "WHERE id = %s", [upload.id])
        upload.invalidate_recordset()
        self.env["claims.incident.upload"]._gc_orphan_uploads()
        self.assertFalse(upload.exists())
        self.assertFalse(attachment.exists())

    def test_public_cannot_read_a_pending_photo(self):
        url = self._link_url()
        csrf, submission = self._open_form(url)
        ref = self._upload(csrf, submission).json()["ref"]
        upload = self.env["claims.incident.upload"].browse(int(ref.split(":")[0]))
        with mute_logger("odoo.http"):
            response = self.url_open(f"/web/content/{upload.attachment_id.id}")
        self.assertIn(response.status_code, (403, 404))

    # ------------------------------------------------------------------ as a portal driver

    def test_portal_driver_files_in_own_company(self):
        self.authenticate("dana", "dana-secret-1")
        url = "/my/incident/new"
        csrf, submission = self._open_form(url)
        ref = self._upload(csrf, submission, token="").json()["ref"]
        response = self._send(url, csrf, submission, refs=[ref], tz="")
        self.assertEqual(response.status_code, 303)
        incident = self._incidents(submission)
        self.assertRecordValues(incident, [{
            "company_id": self.company.id,
            "reporter_id": self.driver_partner.id,
            "incident_link_id": False,
            # no time zone from the page: the driver's own (Europe/Brussels)
            "date_incident": INCIDENT_UTC,
        }])
        self.assertEqual(len(incident.document_ids), 1)
        # the driver now reads the incident as its participant
        self.assertTrue(incident.with_user(self.user_driver).has_access("read"))
        done = self.url_open(response.headers["Location"])
        self.assertEqual(done.status_code, 200)
        # and follows it from the account
        self.assertIn(f'href="/my/incidents/{incident.id}"', done.text)

    def test_portal_user_without_driver_role_cannot_report(self):
        self.driver_partner.claims_role_ids = False
        self.authenticate("dana", "dana-secret-1")
        with mute_logger("odoo.http"):
            self.assertEqual(self.url_open("/my/incident/new").status_code, 404)

    def test_vehicles_offered_are_the_company_vehicles(self):
        response = self.url_open(self._link_url())
        self.assertIn("BX-123-Z", response.text)
        self.assertNotIn("ZZ-999-Z", response.text)

    # ------------------------------------------------------------------ languages

    def test_form_errors_and_copy_in_french_and_dutch(self):
        for code, title, error, subject, phone in (
            ("fr_FR", "Déclarer un incident", "Indiquez votre nom.", "Votre déclaration",
             "+33 6 12 34 56 78"),
            ("nl_NL", "Een incident melden", "Geef uw naam.", "Uw incidentmelding",
             "+31 6 8765 4321"),
        ):
            self.env["res.lang"]._activate_lang(code)
            self.env["ir.module.module"]._load_module_terms(["claims_base"], [code])
            url = f"{self._link_url()}?lang={code}"
            csrf, submission = self._open_form(url)
            page = self.url_open(url).text
            self.assertIn(title, page)
            self.assertNotIn("Use my location", page)
            data = {**self._form_values(reporter_name=""), "csrf_token": csrf,
                    "submission_uuid": submission, "lang": code}
            response = self.url_open(self._link_url(), data=data)
            self.assertIn(error, response.text)
            data.update(reporter_name="Rik Roadside", reporter_phone=phone,
                        reporter_email=f"rik.{code}@example.com")
            self.url_open(self._link_url(), data=data)
            incident = self._incidents(submission)
            self.assertEqual(incident.reporter_id.lang, code)
            mail = self.env["mail.mail"].search(
                [("model", "=", "claims.incident"), ("res_id", "=", incident.id)])
            self.assertIn(subject, " ".join(mail.mapped("subject")))
