# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.queue_job.tests.common import trap_jobs

from .common import ClaimsPolicyportCommon, make_claim


@tagged("post_install", "-at_install")
class TestPolicyportLookupCache(ClaimsPolicyportCommon):
    """The importer keeps coverage types, roles and categories by code across jobs."""

    def _import(self, number):
        self.sim.claims.clear()
        self.sim.add_claim(make_claim(number))
        self.backend.date_last_success = "2026-11-20 08:00:00"
        with trap_jobs() as trap:
            self.backend._enqueue_poll()
            trap.perform_enqueued_jobs()  # the poll
            trap.perform_enqueued_jobs()  # the claim
        return self.env["claims.claim"].search([("tiva_claim_id", "=", f"TV-{100000 + number}")])

    def _dwelling_line_code(self, claim):
        return claim.coverage_ids.sorted("sequence")[:1].coverage_type_id.code

    def test_coverage_types_changed_after_an_import_are_used_by_the_next(self):
        first = self._import(31)
        self.assertEqual(self._dwelling_line_code(first), "PP_DWELLING")
        # Dwelling retired for this account, Code Upgrade (A's second choice) configured
        self.env["claims.coverage.type"].search([("code", "=", "PP_DWELLING")]).code = "OLD_A"
        self.env["claims.coverage.type"].create({"name": "Code Upgrade", "code": "PP_CODE_UPGRADE"})
        second = self._import(32)
        self.assertEqual(self._dwelling_line_code(second), "PP_CODE_UPGRADE")

    def test_lookups_are_read_once_for_many_jobs(self):
        importer = self.env["claims.policyport.importer"]
        first = importer._lookups(self.company)
        self.assertIs(importer.with_user(self.user_integration)._lookups(self.company), first)
        self.assertIn("PP_DWELLING", first["coverage_types"])
