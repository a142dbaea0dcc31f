# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Everything PolicyPort sends arrives, nothing it did not send is made up (issue 18)."""

from lxml import etree

from odoo import fields
from odoo.tests import tagged

from .common import ClaimsPolicyportCommon, make_claim


@tagged("post_install", "-at_install")
class TestPolicyportClaimImportFields(ClaimsPolicyportCommon):
    # ------------------------------------------------------------------ parties

    def test_every_party_type_maps_to_a_role(self):
        parties = make_claim(21)["Parties"] + [
            {"type": "Vendor/Claimant", "tivaId": "VC-21", "CompanyName": "Roof Rescue",
             "City": "Tampa", "State": "FL"},
            {"type": "Vendor/Other", "tivaId": "VO-21", "CompanyName": "Tarp Co",
             "City": "Tampa", "State": "FL"},
        ]
        self.sim.add_claim(make_claim(21, Parties=parties))
        self._poll_and_import()
        self.assertEqual(self._exchanges().state, "done")
        claim = self._claim("TV-100021")
        roles = {p.reference: p.role_id.code for p in claim.participant_ids if p.reference}
        self.assertEqual(roles, {"CL-21": "insured", "OT-21": "other", "VN-500": "vendor",
                                 "VC-21": "vendor", "VO-21": "vendor"})

    # ------------------------------------------------------------------ coverages

    def test_other_and_unknown_coverage_codes_land_on_an_other_line_with_a_warning(self):
        claim_values = make_claim(22)
        claim_values["Policy"]["Coverages"] += [
            {"code": "Other", "category": "IND", "Amount": "2500.00", "Reserve": "250.00",
             "Limit": "2500.00"},
            {"code": "Q", "category": "IND", "Amount": "1.00"},
        ]
        self.sim.add_claim(claim_values)
        self.sim.add_claim(make_claim(23))
        self._poll_and_import()
        self.assertEqual(set(self._exchanges().mapped("state")), {"done"})
        claim = self._claim("TV-100022")
        others = claim.coverage_ids.filtered(lambda c: c.coverage_type_id.code == "PP_OTHER")
        self.assertRecordValues(others, [{
            "tiva_description": "PolicyPort coverage Other (IND), Q (IND)",
            "amount_limit": 2500.0, "amount_reserve": 250.0,
        }])
        self.assertEqual(len(claim.coverage_ids), 6, "the five mapped ones and the other")
        warning = claim.activity_ids
        self.assertRecordValues(warning, [{
            "activity_type_id": self.env.ref("mail.mail_activity_data_warning").id,
            "user_id": self.backend.user_id.id,
        }])
        self.assertIn("PolicyPort coverage Other (IND), Q (IND)", warning.note)
        self.assertFalse(self._claim("TV-100023").activity_ids, "no warning without cause")

    # ------------------------------------------------------------------ closed or open

    def test_open_claim_has_no_closed_date_even_if_policyport_sends_one(self):
        self.sim.add_claim(make_claim(24, DateClosed="2026-11-02"))
        self._poll_and_import()
        claim = self._claim("TV-100024")
        self.assertRecordValues(claim, [{"file_status": "open_unassigned", "date_closed": False}])
        self.assertFalse(claim.stage_id.is_closing)

    def test_closed_claim_without_closed_date_is_closed_on_import_and_says_so(self):
        self.sim.add_claim(make_claim(25, ClientFileStatus="Closed", DateClosed=""))
        self._poll_and_import()
        claim = self._claim("TV-100025")
        self.assertRecordValues(claim, [{"file_status": "closed",
                                         "date_closed": fields.Date.context_today(claim)}])
        self.assertTrue(claim.stage_id.is_closing)
        self.assertIn("the closed date", claim.message_ids.body)

    # ------------------------------------------------------------------ nothing made up

    def test_missing_insured_name_and_policy_start_stay_empty_and_are_listed(self):
        values = make_claim(26)
        values["Policy"].update(InsuredFirstName="", InsuredLastName="", DateStart="")
        values["Parties"] = [p for p in values["Parties"] if p["type"] != "Claimant"]
        self.sim.add_claim(values)
        self._poll_and_import()
        claim = self._claim("TV-100026")
        self.assertFalse(claim.claimant_id, "no insured named after the claim number")
        self.assertNotIn("HO-2026-00026", claim.participant_ids.partner_id.mapped("name"))
        self.assertRecordValues(claim.policy_id, [{"date_start": False, "policyholder_id": False}])
        self.assertEqual(claim.date_loss, fields.Date.to_date("2026-10-09"))
        note = claim.message_ids.body
        self.assertIn("PolicyPort did not send: the insured's name", note)
        self.assertIn("the policy's start date", note)

    def test_insured_without_name_on_the_policy_takes_the_claimants(self):
        values = make_claim(27)
        values["Policy"].update(InsuredFirstName="", InsuredLastName="")
        self.sim.add_claim(values)
        self._poll_and_import()
        claim = self._claim("TV-100027")
        self.assertEqual(claim.claimant_id.name, "Ines Insured27")
        self.assertNotIn("did not send", claim.message_ids.body)

    # ------------------------------------------------------------------ where a handler looks

    def test_claimants_home_phone_is_kept_on_the_insured(self):
        values = make_claim(28)
        values["Policy"]["Phones"]["Home"] = ""
        values["Parties"][0]["HomePhone"] = "813-555-0199"
        self.sim.add_claim(values)
        self._poll_and_import()
        insured = self._claim("TV-100028").claimant_id
        self.assertRecordValues(insured, [{"tiva_phone_home": "813-555-0199",
                                           "tiva_phone_work": "813-555-0103",
                                           "phone": "813-555-0102"}])

    def test_policy_fields_and_deductibles_are_on_the_policy_tab(self):
        self.sim.add_claim(make_claim(29, Policy=dict(
            make_claim(29)["Policy"], ExcludeWindCoverage="true")))
        self._poll_and_import()
        claim = self._claim("TV-100029")
        self.assertRecordValues(claim, [{
            "tiva_endorsement": "Water backup HO 04 95", "tiva_exclude_wind": True,
            "tiva_policy_date_start": fields.Date.to_date("2026-01-01"),
            "tiva_deductible_hurricane": 2.0,
        }])
        arch = etree.fromstring(claim.get_views([(False, "form")])["views"]["form"]["arch"])
        tab = arch.xpath("//page[@name='policyport_policy']")[0]
        self.assertEqual(tab.get("string"), "Policy")
        shown = set(tab.xpath(".//field/@name"))
        self.assertLessEqual({"tiva_endorsement", "tiva_exclude_wind", "tiva_deductible_aop",
                              "tiva_deductible_hurricane", "tiva_deductible_sinkhole"}, shown)
        policy_arch = self.env["claims.policy"].get_views([(False, "form")])["views"]["form"]
        self.assertIn('name="tiva_endorsement"', policy_arch["arch"])
        partner_arch = self.env["res.partner"].get_views([(False, "form")])["views"]["form"]
        self.assertIn('name="tiva_phone_home"', partner_arch["arch"])
