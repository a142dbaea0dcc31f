# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""/my/incidents: a driver follows the incidents they reported, and nobody else's."""

from odoo import Command
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import ClaimsPortalCommon


@tagged("post_install", "-at_install")
class TestIncidentPortalPages(ClaimsPortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.incident = cls._reported_incident("Reversed into a bollard", cls.driver_partner)
        cls.photo = cls._photo(cls.incident, "bollard.jpg")
        colleague = cls.env["res.partner"].create({
            "name": "Colin Colleague", "email": "colin@example.com",
            "claims_role_ids": [Command.link(cls.role_driver.id)],
        })
        cls.user_colleague = new_test_user(
            cls.env, login="colin", password="colin-secret-1", groups="base.group_portal",
            partner_id=colleague.id, company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.other_incident = cls._reported_incident("Mirror clipped on the ring", colleague)
        cls.other_photo = cls._photo(cls.other_incident, "mirror.jpg")
        # two claims on the driver's incident: the driver takes part in one only
        cls.own_claim = cls._create_claim(cls.company, incident_id=cls.incident.id)
        cls.env["claims.participant"].create({
            "claim_id": cls.own_claim.id, "partner_id": cls.driver_partner.id,
            "role_id": cls.role_driver.id,
        })
        cls.insurer_claim = cls._create_claim(cls.company, incident_id=cls.incident.id)

    @classmethod
    def _reported_incident(cls, description, driver):
        return cls.env["claims.incident"].create({
            "company_id": cls.company.id,
            "incident_type": "vehicle_collision",
            "date_incident": "2026-03-02 07:15:00",
            "description": description,
            "address": "Depot, Ghent",
            "vehicle_id": cls.vehicle.id,
            "reporter_id": driver.id,
            "participant_ids": [Command.create({
                "partner_id": driver.id, "role_id": cls.role_driver.id,
            })],
        })

    @classmethod
    def _photo(cls, incident, name):
        attachment = cls.env["ir.attachment"].create({
            "name": name, "raw": cls._jpeg(), "res_model": "claims.incident", "res_id": 0,
        })
        return cls.env["claims.document"]._create_from_attachments(
            attachment, cls.photo_category, incident, published=True)

    def _get(self, url):
        with mute_logger("odoo.http", "odoo.addons.base.models.ir_rule"):
            return self.url_open(url, allow_redirects=False)

    def test_driver_lists_only_their_own_incidents(self):
        self.authenticate("dana", "dana-secret-1")
        page = self._get("/my/incidents")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.incident.name, page.text)
        self.assertNotIn(self.other_incident.name, page.text)
        home = self.make_jsonrpc_request("/my/counters", {"counters": ["incidents_count"]})
        self.assertEqual(home["incidents_count"], 1)

    def test_driver_reads_the_incident_its_photos_and_their_own_claims(self):
        self.authenticate("dana", "dana-secret-1")
        page = self._get(f"/my/incidents/{self.incident.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Reversed into a bollard", page.text)
        self.assertIn("BX-123-Z", page.text)
        self.assertIn(f'href="/my/claims/{self.own_claim.id}"', page.text)
        self.assertNotIn(self.insurer_claim.name, page.text)
        photo = self._get(f"/my/incidents/{self.incident.id}/documents/{self.photo.id}")
        self.assertEqual(photo.status_code, 200)
        self.assertEqual(photo.content, self.photo.attachment_id.raw)

    def test_driver_cannot_open_another_drivers_incident_or_photo(self):
        self.authenticate("dana", "dana-secret-1")
        page = self._get(f"/my/incidents/{self.other_incident.id}")
        self.assertEqual(page.status_code, 303)
        self.assertTrue(page.headers["Location"].endswith("/my"))
        for url in (
            f"/my/incidents/{self.other_incident.id}/documents/{self.other_photo.id}",
            # an own incident's address with another incident's photo
            f"/my/incidents/{self.incident.id}/documents/{self.other_photo.id}",
            f"/my/incidents/{self.incident.id}/documents/999999",
        ):
            self.assertEqual(self._get(url).status_code, 404, url)

    def test_public_is_sent_to_log_in(self):
        self.authenticate(None, None)
        page = self._get(f"/my/incidents/{self.incident.id}")
        self.assertEqual(page.status_code, 303)
        self.assertIn("/web/login", page.headers["Location"])

    def test_dutch_driver_reads_the_incident_in_dutch(self):
        self.env["res.lang"]._activate_lang("nl_NL")
        self.env["ir.module.module"]._load_module_terms(["claims_base"], ["nl_NL"])
        self.user_driver.lang = "nl_NL"
        self.authenticate("dana", "dana-secret-1")
        page = self.url_open(f"/my/incidents/{self.incident.id}").text
        self.assertIn("Foto's en documenten", page)
        self.assertIn("Wat er gebeurde", page)
        self.assertIn("De incidenten die u meldde", self.url_open("/my").text)
