# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import Json2Mixin
from .test_incident_form_pages import IncidentFormPagesCommon


@tagged("post_install", "-at_install")
class TestIncidentFormConfig(Json2Mixin, IncidentFormPagesCommon):
    """Managers add and change forms as data; nobody else does, and a form asks only what it
    may fill."""

    def _travel_form(self, user=None, **values):
        return self.env["claims.incident.form"].with_user(user or self.user_manager).create({
            "name": "Travel", "code": "travel", "company_id": self.company.id,
            "done_message": "Safe travels: we will call you.",
            "type_ids": [Command.create({"incident_type": "other"})],
            "section_ids": [
                Command.create({"name": "The trip", "sequence": 1, "kind": "questions",
                                "question_ids": [
                    Command.create({"code": "departure", "label": "Date of departure",
                                    "kind": "date", "required": True}),
                    Command.create({"code": "travellers", "label": "How many travellers?",
                                    "kind": "number"}),
                    Command.create({"code": "trip", "label": "Kind of trip", "kind": "choice",
                                    "choices": "city: City trip\nski: Ski holiday"}),
                ]}),
                Command.create({"name": "When", "sequence": 2, "kind": "basics"}),
                Command.create({"name": "Story", "sequence": 3, "kind": "questions",
                                "show_title": False, "question_ids": [
                    Command.create({"code": "story", "label": "Tell us", "kind": "long_text",
                                    "target": "description", "required": True}),
                ]}),
            ],
            **values,
        })

    def test_a_new_form_is_data_entry_only(self):
        form = self._travel_form()
        url = f"{self._url()}?form=travel"
        page, csrf, submission = self._open(url)
        self.assertIn('id="q_departure"', page)
        self.assertIn('type="date"', page)
        self.assertIn("Ski holiday", page)
        # its only kind of incident needs no choice
        self.assertIn('type="hidden" name="incident_type" value="other"', page)
        bad = self._post(url, csrf, submission, {
            "q_departure": "31/02/2026", "q_travellers": "two", "q_trip": "beach",
            "description": "Lost luggage.",
        })
        self.assertEqual(bad.status_code, 422)
        for name in ("q_departure", "q_travellers", "q_trip"):
            self.assertIn(f'id="error_{name}"', bad.text, name)
        self.assertIn('value="31/02/2026"', bad.text)
        response = self._post(url, csrf, submission, {
            "q_departure": "2026-07-01", "q_travellers": "2", "q_trip": "ski",
            "description": "Our luggage never arrived in Innsbruck.",
        })
        self.assertEqual(response.status_code, 303, response.text[:2000])
        incident = self._incident(submission)
        self.assertRecordValues(incident, [{
            "incident_type": "other", "incident_form_id": form.id,
            "description": "Our luggage never arrived in Innsbruck.",
        }])
        self.assertEqual(
            [(a["code"], a["value"]) for a in incident.form_answers],
            [("departure", "2026-07-01"), ("travellers", 2.0), ("trip", "ski")],
        )
        self.assertIn("Safe travels", self.url_open(response.headers["Location"]).text)

    def test_claims_user_cannot_change_forms(self):
        with self.assertRaises(AccessError):
            self._travel_form().with_user(self.user_handler).write({"name": "Mine"})
        with self.assertRaises(AccessError):
            self.env["claims.incident.form.question"].with_user(self.user_handler).create({
                "section_id": self.form_property.section_ids[:1].id, "code": "extra",
                "label": "Extra", "kind": "text"})

    def test_forms_of_another_account_are_not_seen(self):
        others = self._travel_form(
            user=self.env.user, company_id=self.other_company.id, code="others_travel")
        forms = self.env["claims.incident.form"].with_user(self.user_manager).search([])
        self.assertNotIn(others, forms)
        self.assertIn(self.form_property, forms)

    def test_question_fills_only_a_field_of_its_kind(self):
        section = self._travel_form().section_ids[0]
        Question = self.env["claims.incident.form.question"]
        for values in (
            {"kind": "amount", "target": "has_cargo"},
            {"kind": "yes_no", "target": "has_injuries", "is_health": True},
            {"kind": "choice", "choices": ""},
            {"kind": "choice", "choices": "a: A\na: Again"},
            {"kind": "text", "code": "Bad Code"},
        ):
            with self.subTest(values=values), self.assertRaises(ValidationError):
                Question.create({"section_id": section.id, "code": "q", "label": "Q", **values})
        with self.assertRaises(ValueError):
            Question.create({"section_id": section.id, "code": "q", "label": "Q",
                             "kind": "text", "target": "company_id"})

    @mute_logger("odoo.sql_db")
    def test_a_form_has_each_block_once(self):
        form = self._travel_form()
        with self.assertRaises(IntegrityError), self.env.cr.savepoint():
            form.section_ids = [Command.create({"name": "Again", "kind": "basics"})]

    def test_answers_cannot_be_rewritten_over_json2(self):
        incident = self.env["claims.incident"].create({
            "incident_type": "other", "company_id": self.company.id,
            "form_answers": [{"code": "cause", "value": "water"}],
        })
        response = self._json2(self.user_handler, "claims.incident", "write", {
            "ids": [incident.id], "vals": {"form_answers": [{"code": "cause", "value": "fire"}]},
        })
        self.assertNotEqual(response.status_code, 200)
        self.assertEqual(incident.form_answers, [{"code": "cause", "value": "water"}])
        created = self._json2(self.user_manager, "claims.incident.form", "create", {
            "vals_list": [{"name": "Api", "code": "api_form"}]})
        self.assertEqual(created.status_code, 200, created.text)
        refused = self._json2(self.user_handler, "claims.incident.form", "create", {
            "vals_list": [{"name": "Api", "code": "api_form_2"}]})
        self.assertEqual(refused.status_code, 403, refused.text)

    def test_portal_driver_cannot_read_the_answers(self):
        incident = self.env["claims.incident"].create({
            "incident_type": "other", "company_id": self.company.id,
            "reporter_id": self.driver_partner.id,
            "participant_ids": [Command.create({"partner_id": self.driver_partner.id,
                                                "role_id": self.role_driver.id})],
            "form_health_answers": [{"code": "injuries", "value": "Broken wrist"}],
        })
        as_driver = incident.with_user(self.user_driver)
        self.assertTrue(as_driver.has_access("read"))
        for name in ("form_health_answers", "form_answers", "form_answers_html"):
            with self.subTest(field=name), self.assertRaises(AccessError):
                as_driver.read([name])

    def test_rule_can_need_an_answer(self):
        rule = self.env["claims.incident.rule"].create({
            "name": "Water damage", "company_id": self.company.id,
            "incident_type": "property_damage", "answer_code": "cause",
            "answer_value": "Water", "party": "own_motor_insurer",
            "claim_type_id": self.claim_type.id,
        })
        Incident = self.env["claims.incident"]
        for answers, expected in (
            ([{"code": "cause", "value": "water"}], True),
            ([{"code": "cause", "value": "fire"}], False),
            ([], False),
        ):
            incident = Incident.create({"incident_type": "property_damage",
                                        "company_id": self.company.id,
                                        "form_answers": answers})
            self.assertEqual(rule._matches(incident), expected, answers)
        rule.write({"answer_code": "emergency_repairs", "answer_value": "yes"})
        incident = Incident.create({"incident_type": "property_damage",
                                    "company_id": self.company.id,
                                    "form_answers": [{"code": "emergency_repairs",
                                                      "value": True}]})
        self.assertTrue(rule._matches(incident))

    def test_manager_previews_a_form_and_nothing_is_filed(self):
        self.user_manager.password = "manager-secret-1"
        self.authenticate("claims_manager", "manager-secret-1")
        url = f"/claims/report/preview/{self.form_property.id}"
        page, csrf, submission = self._open(url)
        self.assertIn('id="preview_note"', page)
        self.assertIn('id="q_cause"', page)
        response = self._post(url, csrf, submission, self._property_values())
        self.assertEqual(response.status_code, 200)
        self.assertIn("would be accepted", response.text)
        self.assertFalse(self._incident(submission))
        self.assertEqual(self.form_property.with_user(self.user_manager).action_preview()["url"],
                         url)

    def test_claims_user_cannot_preview(self):
        self.user_handler.password = "handler-secret-1"
        self.authenticate("handler", "handler-secret-1")
        with mute_logger("odoo.http"):
            response = self.url_open(f"/claims/report/preview/{self.form_property.id}")
        self.assertEqual(response.status_code, 404)
