# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import TransactionCase, new_test_user


class ClaimsCommon(TransactionCase):
    """An account (fleet operator) with a branch, users by role, a policy and a claim."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        cls.company = cls.env["res.company"].create({"name": "Fleet Operator"})
        cls.branch = cls.env["res.company"].create(
            {"name": "Fleet Operator North", "parent_id": cls.company.id}
        )
        cls.other_company = cls.env["res.company"].create({"name": "Other Account"})
        companies = [Command.set((cls.company | cls.branch).ids)]
        cls.user_handler = new_test_user(
            cls.env, login="handler", groups="claims_base.group_claims_user",
            company_id=cls.company.id, company_ids=companies, name="Hanna Handler",
        )
        cls.user_manager = new_test_user(
            cls.env, login="claims_manager", groups="claims_base.group_claims_manager",
            company_id=cls.company.id, company_ids=companies, name="Marc Manager",
        )
        cls.user_branch = new_test_user(
            cls.env, login="branch_handler", groups="claims_base.group_claims_user",
            company_id=cls.branch.id, company_ids=[Command.set(cls.branch.ids)],
            name="Bram Branch",
        )
        cls.insurer = cls.env["res.partner"].create({"name": "Delta Insurance", "is_company": True})
        cls.broker = cls.env["res.partner"].create({"name": "Brokers & Co", "is_company": True})
        cls.payee = cls.env["res.partner"].create({"name": "Garage Jansen", "is_company": True})
        cls.coverage_type = cls.env["claims.coverage.type"].create(
            {"name": "Own damage", "code": "OD"}
        )
        cls.coverage_type_tpl = cls.env["claims.coverage.type"].create(
            {"name": "Third-party liability", "code": "TPL"}
        )
        cls.claim_type = cls.env["claims.claim.type"].create({"name": "Motor", "code": "MOT"})
        cls.policy = cls.env["claims.policy"].create({
            "name": "POL-001",
            "company_id": cls.company.id,
            "insurer_id": cls.insurer.id,
            "broker_id": cls.broker.id,
            "line_of_business": "motor",
            "date_start": "2026-01-01",
            "date_end": "2026-12-31",
        })
        cls.claim = cls._create_claim(cls.company)
        cls.coverage = cls.claim.coverage_ids

    @classmethod
    def _create_claim(cls, company, **values):
        return cls.env["claims.claim"].create({
            "company_id": company.id,
            "policy_id": cls.policy.id,
            "insurer_id": cls.insurer.id,
            "claim_type_id": cls.claim_type.id,
            "date_loss": "2026-03-02",
            "coverage_ids": [Command.create({"coverage_type_id": cls.coverage_type.id})],
            **values,
        })

    def _payment(self, amount, remarks=None, payment_type="indemnity", coverage=None, user=None):
        coverage = coverage or self.coverage
        env = self.env(user=user) if user else self.env
        return env["claims.payment"].create({
            "claim_id": coverage.claim_id.id,
            "coverage_id": coverage.id,
            "partner_id": self.payee.id,
            "amount": amount,
            "payment_type": payment_type,
            "remarks": remarks or f"payment {amount}",
        })
