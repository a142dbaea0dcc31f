# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import ClaimsCommon, ClaimsPortalCommon, Json2Mixin


class ClaimsLossCommon(ClaimsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.incident = cls.env["claims.incident"].create({
            "company_id": cls.company.id,
            "incident_type": "vehicle_collision",
            "date_incident": fields.Datetime.now() - timedelta(days=5),
        })
        cls.claim.incident_id = cls.incident
        cls.coverage.deductible_amount = 500
        # as if committed: mail tracks the changes of records created before
        cls.env.flush_all()
        cls.env.cr.precommit.run()

    def _claim_with_reserve(self, reserve, **values):
        claim = self._create_claim(self.company, incident_id=self.incident.id, **values)
        if reserve:
            claim.coverage_ids._add_reserve(reserve, "estimate")
        return claim


class TestIncidentLoss(ClaimsLossCommon):
    """The loss of an incident: insured from the ledgers, uninsured from the handler."""

    def test_claim_splits_its_loss_between_insurer_and_operator(self):
        self.coverage._add_reserve(3000, "repair estimate")
        self.claim.write({"amount_damage": 3700, "amount_not_covered": 200})
        self.assertRecordValues(self.claim, [{
            "amount_insured": 3000, "amount_deductible": 500, "amount_uninsured": 700,
        }])
        self.assertRecordValues(self.incident, [{
            "amount_damage_total": 3700, "amount_insured": 3000, "amount_uninsured": 700,
            "amount_loss": 3700, "amount_operator": 700,
        }])

    def test_totals_follow_reserves_and_payments(self):
        self.coverage._add_reserve(1000, "first estimate")
        self.assertEqual(self.incident.amount_insured, 1000)
        payment = self._payment(1000)
        payment.action_request()
        self.coverage._add_reserve(800, "repair invoice higher")
        self.assertEqual(self.incident.amount_insured, 1800)
        self.assertEqual(self.incident.amount_loss, 2300, "with the deductible of 500")
        payment.with_user(self.user_manager).action_approve()
        payment.action_mark_paid()
        self.assertEqual(self.incident.amount_insured, 1800, "paid stays incurred")

    def test_a_coverage_that_pays_nothing_applies_no_deductible(self):
        self.claim.amount_damage = 300
        self.assertEqual(self.claim.amount_deductible, 0)
        self.assertEqual(self.incident.amount_loss, 0)

    def test_percentage_deductible_applies_to_the_estimated_damage(self):
        self.coverage.write({"deductible_kind": "percent", "deductible_percent": 10})
        self.coverage._add_reserve(9000, "estimate")
        self.assertEqual(self.claim.amount_deductible, 900, "10% of the incurred amount")
        self.claim.amount_damage = 10000
        self.assertEqual(self.claim.amount_deductible, 1000, "10% of the estimated damage")

    def test_handler_can_correct_the_deductible(self):
        self.coverage._add_reserve(2000, "estimate")
        self.claim.with_user(self.user_handler).amount_deductible = 350
        self.assertEqual(self.incident.amount_uninsured, 350)

    def test_duplicate_and_archived_claims_are_not_counted(self):
        self.coverage._add_reserve(2000, "estimate")
        twin = self._claim_with_reserve(2000)
        self.assertEqual(self.incident.amount_insured, 4000)
        twin.action_mark_off("duplicate")
        self.assertEqual(self.incident.amount_insured, 2000)
        twin.action_unmark_off()
        twin.active = False
        self.assertEqual(self.incident.amount_insured, 2000)

    def test_damage_not_claimed_and_driver_recharge(self):
        self.incident.write({"amount_not_claimed": 600, "amount_driver_recharge": 150})
        self.assertRecordValues(self.incident, [{
            "amount_damage_total": 600, "amount_uninsured": 600, "amount_loss": 600,
            "amount_operator": 450,
        }])

    def test_nobody_writes_the_totals(self):
        with self.assertRaises(UserError):
            self.claim.with_user(self.user_manager).write({"amount_insured": 1})
        with self.assertRaises(UserError):
            self.incident.with_user(self.user_manager).write({"amount_loss": 1})
        with self.assertRaises(UserError):
            self.env["claims.incident"].create({
                "company_id": self.company.id, "incident_type": "theft", "amount_insured": 5})

    def test_negative_amounts_are_refused(self):
        with self.assertRaises(ValidationError):
            self.claim.amount_damage = -1
        with self.assertRaises(ValidationError):
            self.incident.amount_driver_recharge = -10

    def test_the_pivot_groups_by_branch_and_month(self):
        self.coverage._add_reserve(1000, "estimate")
        branch_incident = self.env["claims.incident"].create({
            "company_id": self.branch.id, "incident_type": "theft",
            "date_incident": self.incident.date_incident, "amount_not_claimed": 400,
        })
        groups = self.env["claims.incident"].with_user(self.user_handler)._read_group(
            [("id", "in", (self.incident | branch_incident).ids)],
            ["company_id", "date_incident:month"], ["amount_insured:sum", "amount_loss:sum"])
        self.assertEqual(
            {(company, insured, loss) for company, _month, insured, loss in groups},
            {(self.company, 1000, 1500), (self.branch, 0, 400)})

    def test_driver_is_the_driver_participant_else_the_vehicle_driver(self):
        brand = self.env["fleet.vehicle.model.brand"].create({"name": "Trucks"})
        model = self.env["fleet.vehicle.model"].create({"name": "T1", "brand_id": brand.id})
        usual, other = self.env["res.partner"].create([{"name": "Usual"}, {"name": "Other"}])
        vehicle = self.env["fleet.vehicle"].create({
            "model_id": model.id, "company_id": self.company.id, "driver_id": usual.id})
        self.incident.vehicle_id = vehicle
        self.assertEqual(self.incident.driver_id, usual)
        self.incident.participant_ids = [Command.create({
            "partner_id": other.id,
            "role_id": self.env.ref("claims_base.claims_participant_role_driver").id,
        })]
        self.assertEqual(self.incident.driver_id, other)
        vehicle.driver_id = other
        self.incident.participant_ids.unlink()
        self.incident.driver_id = usual  # set by hand
        self.assertEqual(self.incident.driver_id, usual)

    def test_estimated_damage_has_a_hover_history(self):
        self.claim.with_user(self.user_handler).amount_damage = 1200
        self.env.flush_all()
        self.env.cr.precommit.run()
        history = self.claim.with_user(self.user_handler).get_field_history("amount_damage")
        self.assertEqual(history["count"], 1)
        self.assertEqual(history["changes"][0]["author"], "Hanna Handler")

    def test_recomputing_many_claims_costs_no_query_per_claim(self):
        """Reserves on the coverages of many claims: the totals of the claims and of their
        incident are recomputed in batch, with no more queries for 8 claims than for 2."""

        def queries_for(count):
            incident = self.incident.copy()
            claims = self.env["claims.claim"].concat(*(
                self._create_claim(self.company, incident_id=incident.id, amount_damage=100)
                for _i in range(count)))
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            claims.coverage_ids._add_reserve(100, "batch")
            self.env.flush_all()
            self.assertEqual(incident.amount_insured, 100 * count)
            return self.env.cr.sql_log_count - before

        queries_for(1)  # caches of the first run
        self.assertLessEqual(queries_for(8), queries_for(2))


@tagged("post_install", "-at_install")
class TestIncidentLossAccess(ClaimsPortalCommon, Json2Mixin):
    """The loss is for the desk: a portal driver never reads it, nobody writes totals."""

    def test_portal_driver_cannot_read_the_loss(self):
        incident = self.env["claims.incident"].create({
            "company_id": self.company.id, "incident_type": "theft", "amount_not_claimed": 90,
            "reporter_id": self.driver_partner.id,
        })
        with self.assertRaises(AccessError):
            incident.with_user(self.user_driver).read(["amount_loss"])

    def test_totals_refused_over_json2(self):
        self.coverage._add_reserve(500, "estimate")
        response = self._json2(self.user_manager, "claims.claim", "write",
                               {"ids": self.claim.ids, "vals": {"amount_insured": 1}})
        self.assertNotEqual(response.status_code, 200, response.text)
        self.assertIn("computed", response.text)
        handler = new_test_user(
            self.env, login="loss_reader", groups="claims_base.group_claims_user",
            company_id=self.company.id, company_ids=[Command.set(self.company.ids)])
        response = self._json2(handler, "claims.claim", "read",
                               {"ids": self.claim.ids, "fields": ["amount_insured"]})
        self.assertEqual(response.json()[0]["amount_insured"], 500)
