# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import tagged

from .common import ClaimsCommon


@tagged("post_install", "-at_install")
class TestClaimCoverageSearch(ClaimsCommon):
    """A handler drafting a payment picks the claim's coverage by typing its name or code."""

    def test_coverage_is_found_by_type_name_or_code_within_its_claim(self):
        self.claim.coverage_ids = [Command.create({"coverage_type_id": self.coverage_type_tpl.id})]
        own, liability = self.claim.coverage_ids.sorted("id")
        Coverage = self.env["claims.claim.coverage"].with_user(self.user_handler)
        in_claim = [("claim_id", "=", self.claim.id)]
        for typed, expected in (("own dam", own), ("TPL", liability), ("liab", liability)):
            found = Coverage.name_search(typed, domain=in_claim)
            self.assertEqual([row[0] for row in found], expected.ids, typed)
        other_claim = self._create_claim(self.company)
        found = Coverage.name_search("own", domain=[("claim_id", "=", other_claim.id)])
        self.assertEqual([row[0] for row in found], other_claim.coverage_ids.ids)
