# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import uuid

from odoo.tests import tagged

from .common import ClaimsPortalCommon


@tagged("post_install", "-at_install")
class TestIncidentLinkReporter(ClaimsPortalCommon):
    """Whoever holds an incident link types a name, a phone and an e-mail: the report never
    reaches a contact that typed phone or e-mail belongs to, the done page tells nothing the
    reporter did not type, and the copy mail carries nothing a stranger could write."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.victim = cls.env["res.partner"].create({
            "name": "Victor Victim", "phone": "+32 470 55 44 33",
            "email": "victor.victim@example.com", "company_id": cls.company.id,
        })
        cls.victim_incident = cls.env["claims.incident"].create({
            "incident_type": "theft", "company_id": cls.company.id,
            "reporter_id": cls.victim.id,
        })
        cls.victim_claim = cls._create_claim(cls.company, incident_id=cls.victim_incident.id)

    def _report(self, **values):
        """Send the link form once; return (response, incident)."""
        url = f"/claims/report/{self.link.token}"
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        submission = str(uuid.UUID(
            page.text.split('name="submission_uuid" value="')[1].split('"')[0]))
        data = {**self._form_values(**values), "csrf_token": self._csrf(url),
                "submission_uuid": submission}
        response = self.url_open(url, data=data, allow_redirects=False)
        incident = self.env["claims.incident"].search([("submission_uuid", "=", submission)])
        return response, incident

    def _victim_traces(self):
        messages = self.env["mail.message"].search([
            "|", ("author_id", "=", self.victim.id), ("partner_ids", "in", self.victim.ids)])
        return {
            "incidents": self.env["claims.incident"].search(
                [("reporter_id", "=", self.victim.id)]),
            "participants": self.env["claims.participant"].with_context(
                active_test=False).search([("partner_id", "=", self.victim.id)]),
            "messages": messages,
            "followers": self.env["mail.followers"].search(
                [("partner_id", "=", self.victim.id)]),
            "mails": self.env["mail.mail"].search([("recipient_ids", "in", self.victim.ids)]),
        }

    def test_link_report_with_a_known_phone_and_email_does_not_reach_that_contact(self):
        before = self._victim_traces()
        response, incident = self._report(
            reporter_name="Eve Stranger", reporter_phone="0032 470 55 44 33",
            reporter_email="Victor.Victim@example.com",
        )
        self.assertEqual(response.status_code, 303)
        self.assertTrue(incident)
        self.assertNotEqual(incident.reporter_id, self.victim)
        self.assertRecordValues(incident.reporter_id, [{
            "name": "Eve Stranger", "company_id": self.company.id,
            "email": "victor.victim@example.com",
        }])
        self.assertNotIn(self.victim, incident.participant_ids.partner_id)
        self.assertNotIn(self.victim, incident.message_partner_ids)
        self.assertEqual(self._victim_traces(), before)

    def test_done_page_shows_only_what_the_reporter_typed(self):
        # the phone of a known contact, and no e-mail
        response, incident = self._report(
            reporter_name="Eve Stranger", reporter_phone="+32 470 55 44 33", reporter_email="")
        done = self.url_open(response.headers["Location"])
        self.assertEqual(done.status_code, 200)
        self.assertIn(incident.name, done.text)
        for secret in ("Victor", "victor.victim@example.com", self.victim_incident.name,
                       self.victim_claim.name):
            self.assertNotIn(secret, done.text)
        # nobody gets a copy: no address was typed
        self.assertFalse(self.env["mail.mail"].search([
            ("model", "=", "claims.incident"), ("res_id", "=", incident.id),
            ("subject", "like", "Your incident report"),
        ]))

    def test_copy_mail_goes_to_the_typed_address_once_without_typed_text(self):
        spam = "Cheap pills at spam.example"
        url = f"/claims/report/{self.link.token}"
        response, incident = self._report(
            reporter_name=spam, reporter_email="target@example.com", description=spam,
            address=spam, party_name=spam,
        )
        self.assertEqual(response.status_code, 303)
        # the same report sent again files nothing and mails nothing
        submission = incident.submission_uuid
        data = {**self._form_values(), "csrf_token": self._csrf(url),
                "submission_uuid": submission}
        self.assertEqual(self.url_open(url, data=data, allow_redirects=False).status_code, 303)
        mails = self.env["mail.mail"].search([
            ("model", "=", "claims.incident"), ("res_id", "=", incident.id),
            ("subject", "like", "Your incident report"),
        ])
        self.assertEqual(len(mails), 1)
        self.assertEqual(mails.email_to, "target@example.com")
        self.assertFalse(mails.recipient_ids)
        self.assertIn(incident.name, mails.body_html)
        for text in (mails.subject, mails.body_html, mails.email_to):
            self.assertNotIn("spam.example", text)

    def test_ipv6_clients_of_one_network_share_the_rate_limit(self):
        self.link.rate_limit = 1
        self.assertFalse(self.link._is_rate_limited("2001:db8:1:2::1", "submit"))
        self.assertTrue(self.link._is_rate_limited("2001:db8:1:2:ffff::9", "submit"))
        self.assertFalse(self.link._is_rate_limited("2001:db8:1:3::1", "submit"))
        self.assertFalse(self.link._is_rate_limited("192.0.2.1", "submit"))
        self.assertTrue(self.link._is_rate_limited("192.0.2.1", "submit"))
