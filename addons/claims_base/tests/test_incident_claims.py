# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import ClaimsCommon


@tagged("post_install", "-at_install")
class TestIncidentClaims(ClaimsCommon):
    """Incident rules turn an incident into claims, once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the handler records injuries (test_injury_access: those without the group do not)
        cls.user_handler.group_ids += cls.env.ref("claims_base.group_claims_health")
        cls.claim_type_tpl = cls.env["claims.claim.type"].create(
            {"name": "Third-party", "code": "TP", "company_id": cls.company.id})
        rule = cls.env["claims.incident.rule"]
        cls.rule_own = rule.create({
            "name": "Collision: own damage", "company_id": cls.company.id,
            "incident_type": "vehicle_collision", "party": "own_motor_insurer",
            "claim_type_id": cls.claim_type.id,
        })
        cls.rule_counterparty = rule.create({
            "name": "Collision with another party", "company_id": cls.company.id,
            "incident_type": "vehicle_collision", "when_other_party": "yes",
            "party": "counterparty_insurer", "claim_type_id": cls.claim_type_tpl.id,
        })
        cls.rule_injury = rule.create({
            "name": "Collision with injuries", "company_id": cls.company.id,
            "incident_type": "vehicle_collision", "when_injuries": "yes",
            "party": "liability_insurer", "claim_type_id": cls.claim_type.id,
        })
        cls.rules = cls.rule_own | cls.rule_counterparty | cls.rule_injury
        cls.counter_insurer = cls.env["res.partner"].create(
            {"name": "Counter Assurance", "is_company": True})
        brand = cls.env["fleet.vehicle.model.brand"].create({"name": "Testbrand"})
        model = cls.env["fleet.vehicle.model"].create({"name": "T1", "brand_id": brand.id})
        cls.vehicle = cls.env["fleet.vehicle"].create({
            "model_id": model.id, "license_plate": "TST-001", "company_id": cls.company.id})
        cls.policy.insured_object_ids = [Command.create({"vehicle_id": cls.vehicle.id})]

    def _incident(self, **values):
        return self.env["claims.incident"].with_user(self.user_handler).create({
            "company_id": self.company.id,
            "incident_type": "vehicle_collision",
            "date_incident": "2026-03-02 08:30:00",
            "vehicle_id": self.vehicle.id,
            **values,
        })

    def _own_claims(self, incident):
        return incident.claim_ids.filtered(lambda c: c.incident_rule_id in self.rules)

    def test_open_claims_creates_one_claim_per_matching_rule(self):
        incident = self._incident(party_ids=[Command.create({
            "name": "Other driver", "license_plate": "XX-12", "insurer_id": self.counter_insurer.id,
        })])
        incident.with_user(self.user_handler).action_open_claims()
        claims = self._own_claims(incident)
        self.assertEqual(claims.incident_rule_id, self.rule_own | self.rule_counterparty)
        own = claims.filtered(lambda c: c.incident_rule_id == self.rule_own)
        counter = claims - own
        self.assertRecordValues(own, [{
            "policy_id": self.policy.id, "insurer_id": self.insurer.id,
            "broker_id": self.broker.id, "claim_type_id": self.claim_type.id,
            "company_id": self.company.id,
        }])
        self.assertEqual(str(own.date_loss), "2026-03-02")
        self.assertEqual(counter.insurer_id, self.counter_insurer)
        self.assertEqual(incident.state, "claims_opened")

    def test_claim_starts_with_the_coverages_of_the_policy(self):
        self.policy.coverage_ids = [
            Command.create({
                "coverage_type_id": self.coverage_type.id, "amount_limit": 50000,
                "deductible_kind": "amount", "deductible_amount": 500,
            }),
            Command.create({
                "coverage_type_id": self.coverage_type_tpl.id, "amount_limit": 2500000,
                "deductible_kind": "percent", "deductible_percent": 10,
            }),
        ]
        incident = self._incident(party_ids=[Command.create({
            "name": "Other driver", "license_plate": "XX-12", "insurer_id": self.counter_insurer.id,
        })])
        incident.with_user(self.user_handler).action_open_claims()
        own = incident.claim_ids.filtered(lambda c: c.incident_rule_id == self.rule_own)
        self.assertRecordValues(own.coverage_ids, [
            {"coverage_type_id": self.coverage_type.id, "amount_limit": 50000,
             "deductible_kind": "amount", "deductible_amount": 500, "deductible_percent": 0},
            {"coverage_type_id": self.coverage_type_tpl.id, "amount_limit": 2500000,
             "deductible_kind": "percent", "deductible_amount": 0, "deductible_percent": 10},
        ])
        # a claim against the other party's insurer is not under our policy
        counter = incident.claim_ids.filtered(
            lambda c: c.incident_rule_id == self.rule_counterparty)
        self.assertFalse(counter.coverage_ids)

    def test_pressing_open_claims_twice_creates_nothing_new(self):
        incident = self._incident(has_injuries=True)
        incident.with_user(self.user_handler).action_open_claims()
        first = incident.claim_ids
        self.assertEqual(self._own_claims(incident).incident_rule_id,
                         self.rule_own | self.rule_injury)
        incident.with_user(self.user_handler).action_open_claims()
        incident.invalidate_recordset()
        self.assertEqual(incident.claim_ids, first)

    def test_second_press_adds_the_claim_of_a_new_fact_only(self):
        incident = self._incident()
        incident.action_open_claims()
        self.assertEqual(self._own_claims(incident).incident_rule_id, self.rule_own)
        incident.has_injuries = True
        incident.action_open_claims()
        self.assertEqual(self._own_claims(incident).incident_rule_id,
                         self.rule_own | self.rule_injury)

    @mute_logger("odoo.sql_db")
    def test_database_refuses_a_second_claim_for_the_same_rule(self):
        incident = self._incident()
        incident.action_open_claims()
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env["claims.claim"].create({
                "incident_id": incident.id, "incident_rule_id": self.rule_own.id,
                "company_id": self.company.id,
            })

    def test_rule_conditions_no_excludes(self):
        self.rule_own.when_injuries = "no"
        incident = self._incident(has_injuries=True)
        incident.action_open_claims()
        self.assertEqual(self._own_claims(incident).incident_rule_id, self.rule_injury)

    def test_other_incident_type_matches_no_collision_rule(self):
        incident = self._incident(incident_type="theft")
        incident.action_open_claims()
        self.assertFalse(self._own_claims(incident))

    def test_closed_incident_opens_no_claims(self):
        incident = self._incident()
        incident.action_close()
        with self.assertRaises(UserError):
            incident.with_user(self.user_handler).action_open_claims()
        self.assertFalse(incident.claim_ids)

    def test_rule_of_another_account_is_not_used(self):
        self.rule_own.company_id = self.other_company
        incident = self._incident()
        incident.action_open_claims()
        self.assertNotIn(self.rule_own, incident.claim_ids.incident_rule_id)

    def test_parent_rule_applies_to_a_branch_incident(self):
        incident = self.env["claims.incident"].with_user(self.user_branch).create({
            "company_id": self.branch.id, "incident_type": "vehicle_collision",
            "date_incident": "2026-03-02 08:30:00",
        })
        incident.with_user(self.user_branch).action_open_claims()
        own = self._own_claims(incident)
        self.assertEqual(own.incident_rule_id, self.rule_own)
        self.assertRecordValues(own, [{"company_id": self.branch.id,
                                       "policy_id": self.policy.id}])

    # ------------------------------------------------------------------ duplicates

    def test_same_vehicle_same_day_warns_of_a_duplicate(self):
        first = self._incident()
        form = Form(self.env["claims.incident"].with_user(self.user_handler))
        form.incident_type = "vehicle_collision"
        form.vehicle_id = self.vehicle
        form.date_incident = "2026-03-02 17:45:00"
        self.assertIn(first.name, form.duplicate_warning)
        second = form.save()
        self.assertIn(first.name, second.duplicate_warning)
        self.assertIn(second.name, first.duplicate_warning)

    def test_other_day_or_vehicle_is_no_duplicate(self):
        self._incident()
        next_day = self._incident(date_incident="2026-03-03 08:30:00")
        no_vehicle = self._incident(vehicle_id=False)
        self.assertFalse(next_day.duplicate_warning)
        self.assertFalse(no_vehicle.duplicate_warning)
