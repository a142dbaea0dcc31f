# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""PolicyPort's figures come in whatever authority limits the desk sets (claims_authority)."""

import unittest

from odoo.tests import tagged

from odoo.addons.queue_job.tests.common import trap_jobs

from .common import make_claim
from .common_financials import ClaimsPolicyportFinancialsCommon


@tagged("post_install", "-at_install")
class TestClaimsPolicyportAuthority(ClaimsPolicyportFinancialsCommon):
    """With limits of 1 for every claims user, the import's initial reserves and the
    corrections of an overwrite are still posted: they are the insurer's figures."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # claims_authority is another addon of the suite, installed with this one in CI
        if "claims.authority.limit" not in cls.env:
            raise unittest.SkipTest("claims_authority is not installed")
        cls.env["claims.authority.limit"].create({
            "company_id": cls.company.id,
            "group_id": cls.env.ref("claims_base.group_claims_user").id,
            "amount_reserve": 1, "amount_payment": 1,
        })

    def test_import_posts_initial_reserves_above_every_limit(self):
        self.sim.add_claim(make_claim(2))
        with trap_jobs() as trap:
            self.backend._enqueue_poll()
            trap.perform_enqueued_jobs()
            trap.perform_enqueued_jobs()
        claim = self.env["claims.claim"].search([("tiva_claim_id", "=", "TV-100002")])
        self.assertTrue(claim.reserve_line_ids)
        self.assertGreater(claim.amount_reserve, 1)
        self.assertEqual(claim.reserve_line_ids.user_id, self.user_integration)

    def test_overwrite_posts_policyport_reserves_above_the_managers_limit(self):
        self.sim.reserves.append({"reserveId": "RS-900", "claim": "TV-100001",
                                  "coverage": "A", "category": "IND", "amount": 5000.0})
        before = self.dwelling.amount_reserve
        action = self.pp_claim.with_user(self.user_manager).action_policyport_compare()
        wizard = self.env["claims.policyport.compare"].with_user(self.user_manager).browse(
            action["res_id"])
        wizard.action_overwrite()
        self.assertEqual(self.dwelling.amount_reserve, before + 5000.0)
        correction = self.pp_claim.reserve_line_ids.filtered(
            lambda ln: ln.reason == "Overwrite from PolicyPort")
        self.assertEqual(correction.user_id, self.user_manager)
