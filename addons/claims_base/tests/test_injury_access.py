# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Injuries are health data: the injury and health group reads them, other claims users
and portal participants do not (forms, lists, search, history, chatter)."""

from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import new_test_user

from .common import ClaimsCommon

HEALTH = "claims_base.group_claims_health"


class TestInjuryAccess(ClaimsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_health = new_test_user(
            cls.env, login="health_handler", groups=HEALTH, company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)], name="Nora Nurse-Case",
        )
        cls.incident = cls.env["claims.incident"].create({
            "company_id": cls.company.id, "incident_type": "vehicle_collision",
            "has_injuries": True, "injury_details": "Broken wrist of the cyclist",
        })
        cls.claim.write({"incident_id": cls.incident.id,
                         "injury_details": "Physiotherapy for six weeks"})
        # mail tracks no change of a record created in the same transaction: end it here
        cls.env.flush_all()
        cls.env.cr.precommit.run()

    def test_manager_does_not_get_the_health_group_admin_does(self):
        self.assertFalse(self.user_manager.has_group(HEALTH))
        self.assertTrue(self.env.ref("base.user_admin").has_group(HEALTH))
        self.assertTrue(self.user_health.has_group("claims_base.group_claims_user"))

    def test_claims_user_without_the_group_cannot_read_injuries(self):
        for user in (self.user_handler, self.user_manager):
            incident = self.incident.with_user(user)
            claim = self.claim.with_user(user)
            for record, field in ((incident, "has_injuries"), (incident, "injury_details"),
                                  (claim, "injury_details")):
                with self.assertRaises(AccessError, msg=f"{user.login} reads {field}"):
                    record.read([field])
                with self.assertRaises(AccessError, msg=f"{user.login} searches {field}"):
                    record.search([(field, "!=", False)])
                with self.assertRaises(AccessError, msg=f"{user.login} writes {field}"):
                    record.write({field: False})
            # the rest of the record stays readable
            self.assertEqual(incident.read(["incident_type"])[0]["incident_type"],
                             "vehicle_collision")
            self.assertNotIn("injury_details", claim.read()[0])

    def test_health_user_reads_and_writes_injuries(self):
        incident = self.incident.with_user(self.user_health)
        self.assertEqual(incident.read(["has_injuries", "injury_details"])[0]["injury_details"],
                         "Broken wrist of the cyclist")
        self.claim.with_user(self.user_health).injury_details = "Back at work"
        self.assertEqual(self.claim.injury_details, "Back at work")
        self.assertIn(incident, incident.search([("has_injuries", "=", True)]))

    def test_claims_user_without_the_group_duplicates_without_injuries(self):
        copy = self.incident.with_user(self.user_handler).copy()
        self.assertFalse(copy.sudo().has_injuries or copy.sudo().injury_details)
        claim_copy = self.claim.with_user(self.user_handler).copy()
        self.assertFalse(claim_copy.sudo().injury_details)

    def test_views_of_a_user_without_the_group_have_no_injury_fields(self):
        for model, view_types in (("claims.incident", ("form", "list", "search")),
                                  ("claims.claim", ("form",))):
            views = self.env[model].with_user(self.user_handler).get_views(
                [(False, view_type) for view_type in view_types])
            for view_type in view_types:
                arch = etree.fromstring(views["views"][view_type]["arch"])
                self.assertFalse(arch.xpath("//*[@name='has_injuries' or @name='injury_details'"
                                            " or @name='injuries']"), f"{model} {view_type}")
            self.assertNotIn("injury_details", views["models"][model]["fields"])
        health_form = self.env["claims.incident"].with_user(self.user_health).get_views(
            [(False, "form")])["views"]["form"]["arch"]
        self.assertIn('name="injury_details"', health_form)

    def test_field_history_of_injuries_is_refused_without_the_group(self):
        self.incident.with_user(self.user_health).injury_details = "Two broken wrists"
        self.env.flush_all()
        self.env.cr.precommit.run()  # mail's tracking is written here
        with self.assertRaises(AccessError):
            self.incident.with_user(self.user_handler).get_field_history("injury_details")
        history = self.incident.with_user(self.user_health).get_field_history("injury_details")
        self.assertEqual(history["changes"][0]["new_value"], "Two broken wrists")

    def test_chatter_of_a_user_without_the_group_hides_injury_changes(self):
        self.incident.with_user(self.user_health).write(
            {"injury_details": "Concussion", "address": "Main street 1"})
        self.env.flush_all()
        self.env.cr.precommit.run()  # mail's tracking is written here
        trackings = self.incident.message_ids.sudo().tracking_value_ids
        self.assertIn("injury_details", trackings.field_id.mapped("name"))
        shown = trackings._filter_has_field_access(self.env(user=self.user_handler))
        self.assertEqual(shown.field_id.mapped("name"), ["address"])

    def test_rule_on_injuries_opens_claims_for_a_user_without_the_group(self):
        rule = self.env["claims.incident.rule"].create({
            "name": "Injuries", "company_id": self.company.id,
            "incident_type": "vehicle_collision", "when_injuries": "yes",
            "party": "liability_insurer", "claim_type_id": self.claim_type.id,
        })
        incident = self.env["claims.incident"].create({
            "company_id": self.company.id, "incident_type": "vehicle_collision",
            "has_injuries": True,
        })
        incident.with_user(self.user_handler).action_open_claims()
        self.assertEqual(incident.claim_ids.incident_rule_id, rule)
