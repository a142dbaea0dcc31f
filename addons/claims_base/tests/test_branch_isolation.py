# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ClaimsCommon


@tagged("post_install", "-at_install")
class TestBranchIsolation(ClaimsCommon):
    """A branch user sees their branch's work only; the parent's user sees every branch;
    what the parent keeps (policies, types, rules) serves its branches."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["claims.deadline.rule"].create({
            "name": "Estimate within 10 days", "company_id": cls.company.id,
            "start_field": "date_reported", "stop_field": "date_estimate_sent", "days": 10,
        })
        cls.parent_records = cls._work_records(cls.company)
        cls.branch_records = cls._work_records(cls.branch)

    @classmethod
    def _work_records(cls, company):
        """One record of every work model in ``company``."""
        incident = cls.env["claims.incident"].create({
            "company_id": company.id, "incident_type": "cargo_damage",
            "party_ids": [Command.create({"name": "Other driver"})],
        })
        claim = cls._create_claim(company, incident_id=incident.id)
        coverage = claim.coverage_ids
        reserve = coverage._add_reserve(1000, "estimate")
        payment = cls.env["claims.payment"].create({
            "claim_id": claim.id, "coverage_id": coverage.id, "partner_id": cls.payee.id,
            "amount": 100, "remarks": company.name,
        })
        role = cls.env.ref("claims_base.claims_participant_role_driver")
        participant = cls.env["claims.participant"].create(
            {"claim_id": claim.id, "partner_id": cls.payee.id, "role_id": role.id})
        document = cls.env["claims.document"].create({
            "name": f"photo {company.name}.txt", "claim_id": claim.id,
            "category_id": cls.env.ref("claims_base.claims_document_category_photo").id,
            "datas": base64.b64encode(b"a photo"),
        })
        incident_document = cls.env["claims.document"].create({
            "name": "report.txt", "incident_id": incident.id,
            "category_id": cls.env.ref("claims_base.claims_document_category_police_report").id,
        })
        return {
            "claims.incident": incident,
            "claims.incident.party": incident.party_ids,
            "claims.claim": claim,
            "claims.claim.coverage": coverage,
            "claims.reserve.line": reserve,
            "claims.payment": payment,
            "claims.participant": participant,
            "claims.document": document | incident_document,
            "claims.deadline": claim.deadline_ids,
        }

    def _visible(self, user, model, records, companies=None):
        env = self.env(user=user)
        if companies:
            env = env(context=dict(env.context, allowed_company_ids=companies.ids))
        return env[model].search([("id", "in", records.ids)])

    def test_every_work_model_has_records_to_compare(self):
        for model, records in (self.parent_records | self.branch_records).items():
            self.assertTrue(records, model)

    def test_branch_user_sees_only_the_branch(self):
        for model in self.parent_records:
            with self.subTest(model=model):
                both = self.parent_records[model] | self.branch_records[model]
                self.assertEqual(self._visible(self.user_branch, model, both),
                                 self.branch_records[model])

    def test_branch_user_cannot_read_a_parent_record(self):
        for model, records in self.parent_records.items():
            with self.subTest(model=model), self.assertRaises(AccessError):
                records.with_user(self.user_branch).read(["display_name"])

    def test_branch_user_cannot_download_a_parent_document(self):
        attachment = self.parent_records["claims.document"].attachment_id
        self.assertTrue(attachment)
        with self.assertRaises(AccessError):
            attachment.with_user(self.user_branch).read(["datas"])
        own = self.branch_records["claims.document"].attachment_id.with_user(self.user_branch)
        self.assertEqual(base64.b64decode(own.datas), b"a photo")

    def test_parent_user_sees_the_parent_and_its_branch(self):
        for model in self.parent_records:
            with self.subTest(model=model):
                both = self.parent_records[model] | self.branch_records[model]
                self.assertEqual(self._visible(self.user_handler, model, both), both)

    def test_parent_user_narrowed_to_the_parent_sees_the_parent_only(self):
        for model in self.parent_records:
            with self.subTest(model=model):
                both = self.parent_records[model] | self.branch_records[model]
                self.assertEqual(
                    self._visible(self.user_handler, model, both, companies=self.company),
                    self.parent_records[model])

    def test_other_account_sees_nothing(self):
        outsider = self.user_branch.copy({
            "login": "outsider", "company_id": self.other_company.id,
            "company_ids": [Command.set(self.other_company.ids)],
        })
        for model in self.parent_records:
            with self.subTest(model=model):
                both = self.parent_records[model] | self.branch_records[model]
                self.assertFalse(self._visible(outsider, model, both))

    # ------------------------------------------------------------------ parent-level records

    def test_branch_user_sees_the_parent_configuration(self):
        deadline_rules = self.env["claims.deadline.rule"].search(
            [("company_id", "=", self.company.id)])
        for records in (self.policy, self.policy.coverage_ids, self.coverage_type,
                        self.claim_type, deadline_rules):
            with self.subTest(model=records._name):
                records.with_user(self.user_branch).check_access("read")

    def test_branch_configuration_is_not_seen_by_the_parent_alone(self):
        branch_policy = self.policy.copy({"name": "POL-BRANCH", "company_id": self.branch.id})
        policies = self.env["claims.policy"].with_user(self.user_handler).with_context(
            allowed_company_ids=self.company.ids).search([("id", "=", branch_policy.id)])
        self.assertFalse(policies)

    def test_other_account_configuration_is_not_seen(self):
        other_type = self.env["claims.coverage.type"].create(
            {"name": "Theirs", "code": "THEIRS", "company_id": self.other_company.id})
        with self.assertRaises(AccessError):
            other_type.with_user(self.user_branch).check_access("read")

    def test_branch_claim_may_use_the_parent_policy_and_types(self):
        claim = self.env["claims.claim"].with_user(self.user_branch).create({
            "company_id": self.branch.id,
            "policy_id": self.policy.id,
            "claim_type_id": self.claim_type.id,
            "coverage_ids": [Command.create({"coverage_type_id": self.coverage_type.id})],
        })
        self.assertEqual(claim.policy_id.company_id, self.company)

    def test_claim_of_another_account_may_not_use_the_policy(self):
        with self.assertRaises(UserError):
            self._create_claim(self.other_company)

    def test_parent_policy_insures_a_branch_vehicle(self):
        brand = self.env["fleet.vehicle.model.brand"].create({"name": "Branchbrand"})
        model = self.env["fleet.vehicle.model"].create({"name": "B1", "brand_id": brand.id})
        vehicle = self.env["fleet.vehicle"].create(
            {"model_id": model.id, "license_plate": "BR-01", "company_id": self.branch.id})
        self.policy.insured_object_ids = [Command.create({"vehicle_id": vehicle.id})]
        self.assertEqual(self.policy.insured_object_ids.name, "BR-01")
        other = self.env["fleet.vehicle"].create({
            "model_id": model.id, "license_plate": "OT-01", "company_id": self.other_company.id})
        with self.assertRaises(UserError):
            self.policy.insured_object_ids = [Command.create({"vehicle_id": other.id})]
