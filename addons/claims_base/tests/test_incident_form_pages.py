# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
import uuid

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import ClaimsPortalCommon


class IncidentFormPagesCommon(ClaimsPortalCommon):
    """The phone form's pages of the forms shipped, through the company's incident link."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.form_property = cls.env.ref("claims_base.claims_incident_form_property")
        cls.form_private = cls.env.ref("claims_base.claims_incident_form_private_client")
        cls.form_health = cls.env.ref("claims_base.claims_incident_form_health")

    def _url(self, link=None):
        return f"/claims/report/{(link or self.link).token}"

    def _open(self, url):
        """Open a form; return (page text, csrf token, submission id)."""
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', response.text).group(1)
        submission = response.text.split('name="submission_uuid" value="')[1].split('"')[0]
        return response.text, csrf, str(uuid.UUID(submission))

    def _post(self, url, csrf, submission, values):
        data = {"csrf_token": csrf, "submission_uuid": submission, "tz": "Europe/Brussels",
                "date_incident": self._form_values()["date_incident"],
                "reporter_name": "Hilde Home", "reporter_email": "hilde@example.com",
                **values}
        return self.url_open(url, data=data, allow_redirects=False)

    def _property_values(self, **values):
        return {
            "form_code": "property", "incident_type": "property_damage",
            "address": "Kerkstraat 12, Gent",
            "q_damaged": "Kitchen ceiling and floor",
            "q_cause": "water",
            "description": "A pipe burst in the bathroom upstairs.",
            "q_emergency_repairs": "yes",
            "q_estimate": "2 500,50",
            **values,
        }

    def _incident(self, submission):
        return self.env["claims.incident"].search([("submission_uuid", "=", submission)])


@tagged("post_install", "-at_install")
class TestIncidentFormPages(IncidentFormPagesCommon):
    """A property, a health and a private client report; the motor one stays as it was."""

    def test_motor_form_is_the_default_and_offers_every_kind(self):
        page, _csrf, _submission = self._open(self._url())
        self.assertIn('name="form_code" value="motor"', page)
        self.assertIn('id="vehicle_id"', page)
        for key in ("vehicle_collision", "cargo_damage", "property_damage", "injury", "theft"):
            self.assertIn(f'value="{key}"', page)
        # a kind asked by another form opens that form
        self.assertIn('data-form="property"', page)

    def test_property_kind_opens_the_property_form(self):
        page, _csrf, _submission = self._open(f"{self._url()}?type=property_damage")
        self.assertIn('name="form_code" value="property"', page)
        self.assertIn('id="q_cause"', page)
        self.assertIn("Storm", page)
        self.assertNotIn('id="vehicle_id"', page)
        self.assertNotIn('id="party_plate"', page)

    def test_property_report_fills_fields_and_keeps_answers(self):
        url = self._url()
        _page, csrf, submission = self._open(f"{url}?type=property_damage")
        response = self._post(url, csrf, submission, self._property_values())
        self.assertEqual(response.status_code, 303, response.text[:2000])
        incident = self._incident(submission)
        self.assertRecordValues(incident, [{
            "incident_type": "property_damage",
            "incident_form_id": self.form_property.id,
            "description": "A pipe burst in the bathroom upstairs.",
            "address": "Kerkstraat 12, Gent",
            "vehicle_id": False,
            "has_injuries": False,
            "company_id": self.company.id,
        }])
        answers = {answer["code"]: answer for answer in incident.form_answers}
        self.assertEqual(set(answers), {"damaged", "cause", "emergency_repairs", "estimate"})
        self.assertEqual((answers["cause"]["value"], answers["cause"]["display"]),
                         ("water", "Water"))
        self.assertIs(answers["emergency_repairs"]["value"], True)
        self.assertEqual(answers["estimate"]["value"], 2500.5)
        self.assertEqual(answers["cause"]["section"], "The damage")
        self.assertFalse(incident.form_health_answers)
        # the desk reads them in their section
        html = str(incident.with_user(self.user_handler).form_answers_html)
        self.assertIn("The damage", html)
        self.assertIn("What caused it?", html)
        self.assertIn("2500.50", html)
        done = self.url_open(response.headers["Location"]).text
        self.assertIn('id="done_message"', done)
        self.assertNotIn("fleet manager", done)

    def test_errors_are_shown_next_to_the_answers_and_typed_ones_kept(self):
        url = self._url()
        _page, csrf, submission = self._open(f"{url}?type=property_damage")
        response = self._post(url, csrf, submission, self._property_values(
            q_cause="lava", q_estimate="a lot", q_emergency_repairs="", description="",
        ))
        self.assertEqual(response.status_code, 422)
        for name in ("q_cause", "q_estimate", "q_emergency_repairs", "description"):
            self.assertIn(f'id="error_{name}"', response.text, name)
        self.assertNotIn('id="error_q_damaged"', response.text)
        self.assertIn("Kitchen ceiling and floor", response.text)
        self.assertIn('value="a lot"', response.text)
        self.assertIn(submission, response.text)
        self.assertFalse(self._incident(submission))
        negative = self._post(url, csrf, submission, self._property_values(q_estimate="-5"))
        self.assertIn("cannot be negative", negative.text)
        self.assertFalse(self._incident(submission))

    def test_hostile_input_writes_nothing_outside_the_form(self):
        url = self._url()
        _page, csrf, submission = self._open(f"{url}?type=property_damage")
        response = self._post(url, csrf, submission, self._property_values(
            q_unknown="injected", q_policy_number="P-1", state="closed",
            company_id=str(self.other_company.id), has_cargo="yes", has_injuries="yes",
            police_report_number="PV-1", name="HACKED", form_answers='[{"code": "x"}]',
            vehicle_id=str(self.vehicle.id), party_plate="1-ABC-234",
        ))
        self.assertEqual(response.status_code, 303)
        incident = self._incident(submission)
        self.assertRecordValues(incident, [{
            "state": "new", "company_id": self.company.id, "has_cargo": False,
            "has_injuries": False, "police_report_number": False, "vehicle_id": False,
        }])
        self.assertNotEqual(incident.name, "HACKED")
        self.assertFalse(incident.party_ids)
        self.assertNotIn("x", [answer["code"] for answer in incident.form_answers])
        self.assertNotIn("policy_number", [answer["code"] for answer in incident.form_answers])

    def test_a_kind_of_another_form_asks_that_form_first(self):
        url = self._url()
        _page, csrf, submission = self._open(f"{url}?type=property_damage")
        response = self._post(url, csrf, submission, self._property_values(
            incident_type="vehicle_collision"))
        self.assertEqual(response.status_code, 422)
        self.assertIn('name="form_code" value="motor"', response.text)
        self.assertIn('id="vehicle_id"', response.text)
        self.assertIn("questions of its own", response.text)
        self.assertFalse(self._incident(submission))

    def test_health_answers_are_kept_apart(self):
        url = self._url()
        _page, csrf, submission = self._open(f"{url}?type=injury")
        response = self._post(url, csrf, submission, {
            "form_code": "health", "incident_type": "injury", "address": "Depot, Gent",
            "description": "Slipped on the stairs of the warehouse.",
            "q_injured_person": "Hilde Home", "q_injuries": "Broken wrist",
            "q_care": "hospital", "q_unable_to_work": "yes",
        })
        self.assertEqual(response.status_code, 303, response.text[:2000])
        incident = self._incident(submission)
        self.assertEqual([a["code"] for a in incident.form_answers], ["injured_person"])
        self.assertEqual([a["code"] for a in incident.form_health_answers],
                         ["injuries", "care", "unable_to_work"])
        # the rules never read health answers
        self.assertIsNone(incident._get_form_answer("injuries"))
        # a handler without the injury and health group sees the other answers only
        as_handler = incident.with_user(self.user_handler)
        self.assertIn("Hilde Home", str(as_handler.form_answers_html))
        self.assertNotIn("Broken wrist", str(as_handler.form_answers_html))
        with self.assertRaises(AccessError):
            as_handler.read(["form_health_answers"])
        health_handler = new_test_user(
            self.env, login="form_health_handler",
            groups="claims_base.group_claims_user,claims_base.group_claims_health",
            company_ids=[Command.set(self.user_handler.company_ids.ids)],
            company_id=self.user_handler.company_id.id,
        )
        self.assertIn("Broken wrist", str(incident.with_user(health_handler).form_answers_html))

    def test_private_client_link_shows_only_its_form(self):
        link = self.env["claims.incident.link"].create({
            "name": "Private clients", "company_id": self.company.id,
            "form_id": self.form_private.id,
        })
        url = self._url(link)
        page, csrf, submission = self._open(f"{url}?type=vehicle_collision")
        self.assertIn('name="form_code" value="private_client"', page)
        self.assertIn('id="q_policy_number"', page)
        self.assertNotIn('data-form="motor"', page)
        response = self._post(url, csrf, submission, {
            "incident_type": "theft", "q_policy_number": "HP-2026-0042",
            "q_insured_object": "valuables", "description": "My watch was stolen at the gym.",
            "address": "Sportlaan 3, Gent", "q_estimate": "800",
            "q_contact_preference": "email",
        })
        self.assertEqual(response.status_code, 303, response.text[:2000])
        incident = self._incident(submission)
        self.assertRecordValues(incident, [{
            "incident_type": "theft", "incident_form_id": self.form_private.id,
            "incident_link_id": link.id,
        }])
        self.assertEqual(incident._get_form_answer("insured_object"), "valuables")
        self.assertEqual(incident._get_form_answer("policy_number"), "HP-2026-0042")

    def test_form_in_the_address_keeps_the_page_to_it(self):
        url = f"{self._url()}?form=private_client"
        page, _csrf, _submission = self._open(url)
        self.assertIn('id="q_policy_number"', page)
        self.assertIn(f'action="{url}"', page)
        # a form of another account is not reachable by its code
        self.env["claims.incident.form"].create({
            "name": "Other's", "code": "others_form", "company_id": self.other_company.id,
            "type_ids": [(0, 0, {"incident_type": "other"})],
            "section_ids": [(0, 0, {"name": "Basics", "kind": "basics"})],
        })
        other, _csrf, _submission = self._open(f"{self._url()}?form=others_form")
        self.assertIn('name="form_code" value="motor"', other)
