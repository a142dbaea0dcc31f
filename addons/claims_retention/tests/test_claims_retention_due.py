# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.claims_base.models.claims_claim import ClaimsClaim as BaseClaim

from .common import ClaimsRetentionCommon


@tagged("post_install", "-at_install")
class TestClaimsRetentionDue(ClaimsRetentionCommon):
    """Which claims the retention job anonymises, and what it logs."""

    def test_due_claims_are_anonymised_others_are_not(self):
        recent = self._create_closed_claim(years=6)
        just_due = self._create_closed_claim(years=7)
        just_due.sudo().date_closed -= relativedelta(days=1)
        logs = self.env["claims.claim"]._anonymise_due()
        self.assertTrue(self.old_claim.anonymised_on)
        self.assertTrue(just_due.anonymised_on)
        self.assertFalse(recent.anonymised_on)
        self.assertEqual(recent.description, "Petra Private, born 1980, whiplash.")
        self.assertFalse(self.open_claim.anonymised_on)
        self.assertRecordValues(logs, [{
            "company_id": self.company.id, "trigger": "scheduled", "claim_count": 2,
            "held_count": 0, "error_count": 0, "incident_count": 1,
        }])
        self.assertIn(self.old_claim.name, logs.claim_names)
        self.assertIn(just_due.name, logs.claim_names)

    def test_claim_on_legal_hold_is_skipped_and_logged(self):
        self.old_claim.legal_hold = True
        logs = self.env["claims.claim"]._anonymise_due()
        self.assertFalse(self.old_claim.anonymised_on)
        self.assertEqual(self.old_claim.description, "Petra Private, born 1980, whiplash.")
        self.assertRecordValues(logs, [{
            "claim_count": 0, "held_count": 1, "held_names": self.old_claim.name,
        }])
        self.assertFalse(self.incident.anonymised_on, "its claim is on hold")

    def test_company_that_never_anonymises(self):
        self.company.claims_retention_years = 0
        self.assertFalse(self.env["claims.claim"]._anonymise_due())
        self.assertFalse(self.old_claim.anonymised_on)

    def test_other_company_period_applies(self):
        self.other_company.claims_retention_years = 10
        other = self._create_closed_claim(years=9, company=self.other_company)
        self.env["claims.claim"]._anonymise_due()
        self.assertFalse(other.anonymised_on)
        self.assertTrue(self.old_claim.anonymised_on)

    def test_second_run_finds_nothing(self):
        self.env["claims.claim"]._anonymise_due()
        self.assertFalse(self.env["claims.claim"]._anonymise_due())

    def test_failing_claim_is_logged_and_the_others_go_on(self):
        others = self._create_closed_claim(years=8) | self._create_closed_claim(years=8)
        failing = self.old_claim
        original = BaseClaim.write

        def write(records, vals):
            if "anonymised_on" in vals and failing in records:
                raise ValueError("disk full")
            return original(records, vals)

        with patch.object(BaseClaim, "write", write):
            logs = self.env["claims.claim"]._anonymise_due(batch_size=2)
        self.assertFalse(failing.anonymised_on)
        self.assertEqual(failing.description, "Petra Private, born 1980, whiplash.")
        self.assertTrue(all(others.mapped("anonymised_on")))
        self.assertRecordValues(logs, [{"claim_count": 2, "error_count": 1}])
        self.assertIn(f"{failing.name}: disk full", logs.error_text)

    def test_closed_incident_without_claims_is_anonymised_when_old(self):
        old, recent = self.env["claims.incident"].create([{
            "company_id": self.company.id, "incident_type": "theft", "state": "closed",
            "description": "Tools stolen from the van of Petra",
            "date_incident": fields.Datetime.now() - relativedelta(years=years),
        } for years in (8, 2)])
        logs = self.env["claims.claim"]._anonymise_due()
        self.assertTrue(old.anonymised_on)
        self.assertFalse(old.description)
        self.assertFalse(recent.anonymised_on)
        self.assertIn(old.name, logs.incident_names)
