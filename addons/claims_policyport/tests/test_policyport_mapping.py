# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import BaseCase

from .. import client, mapping
from .common import make_claim, render_claim


def parse(claim):
    return mapping.parse_claim(client.parse_xml(render_claim(claim), "Claim"))


class TestPolicyportMapping(BaseCase):
    def test_coverage_map(self):
        expected = {
            ("A", "IND"): ("PP_DWELLING", "PP_CODE_UPGRADE"),
            ("B", "IND"): ("PP_APPURTENANT",),
            ("C", "IND"): ("PP_CONTENTS",),
            ("D", "IND"): ("PP_ALE", "PP_LOSS_OF_RENT"),
            ("E", "IND"): ("PP_LIABILITY",),
            ("F", "IND"): ("PP_MEDICAL",),
            ("U", "LAEDC"): ("PP_DCC",),
            ("U", "LAEAO"): ("PP_LAE",),
        }
        for (code, category), targets in expected.items():
            self.assertEqual(mapping.coverage_targets(code, category, "HO3"), targets)

    def test_l_and_m_exist_on_dwelling_fire_policies_only(self):
        self.assertEqual(mapping.coverage_targets("L", "IND", "DP3"), ("PP_LIABILITY",))
        self.assertEqual(mapping.coverage_targets("M", "IND", "dp1"), ("PP_MEDICAL",))
        self.assertEqual(mapping.coverage_targets("L", "IND", "HO3"), (mapping.OTHER_COVERAGE,))

    def test_other_and_unknown_coverage_codes_land_on_the_other_line(self):
        claim = make_claim(7)
        claim["Policy"]["Coverages"] += [
            {"code": "Other", "category": "IND", "Amount": "2500.00"},
            {"code": "Z", "category": "IND", "Amount": "1.00"},
        ]
        coverages = parse(claim)["coverages"]
        self.assertEqual([c["is_other"] for c in coverages], [False] * 5 + [True])
        self.assertEqual(coverages[-1]["targets"], ("PP_OTHER",))
        self.assertEqual(coverages[-1]["other_codes"], [("Other", "IND"), ("Z", "IND")])
        self.assertEqual(coverages[-1]["amount"], 2501.0)
        self.assertEqual(mapping.line_coverage("PP_OTHER", "Z", "IND"), ("Z", "IND"))
        self.assertEqual(mapping.line_coverage("PP_DWELLING"), ("A", "IND"))

    def test_claim_fields(self):
        data = parse(make_claim(7))
        self.assertEqual(data["external_key"], "GULFSTATE|HO-2026-00007")
        self.assertEqual(data["claim"]["tiva_claim_id"], "TV-100007")
        self.assertEqual((data["is_closed"], data["date_closed"]), (False, False))
        self.assertNotIn("date_closed", data["claim"], "written by the closing, not create")
        self.assertEqual(data["missing"], [])
        self.assertEqual(data["claim"]["tiva_deductible_hurricane_kind"], "percent")
        self.assertEqual(data["claim"]["tiva_deductible_aop"], 1000.0)
        self.assertEqual(data["policy"]["tiva_exclude_wind"], False)

    def test_closed_date_only_for_a_closed_claim(self):
        data = parse(make_claim(8, ClientFileStatus="Closed", DateClosed="2026-11-02"))
        self.assertEqual((data["is_closed"], data["date_closed"]), (True, "2026-11-02"))
        data = parse(make_claim(8, DateClosed="2026-11-02"))
        self.assertEqual((data["is_closed"], data["date_closed"]), (False, False))

    def test_nothing_missing_is_made_up(self):
        claim = make_claim(8, DateOfLoss="", ClientFileStatus="Closed")
        claim["Policy"].update(InsuredFirstName="", InsuredLastName="", DateStart="")
        claim["Parties"] = [p for p in claim["Parties"] if p["type"] != "Claimant"]
        data = parse(claim)
        self.assertEqual(data["insured"]["name"], False)
        self.assertEqual(data["policy"]["date_start"], False)
        self.assertEqual(data["missing"], ["insured_name", "date_loss", "policy_date_start",
                                           "date_closed"])

    def test_party_types(self):
        claim = make_claim(9)
        claim["Parties"].append({"type": "Vendor/Other", "tivaId": "VN-77",
                                 "CompanyName": "Tarp Co"})
        roles = {p["tiva_id"]: (p["role"], p["is_vendor"]) for p in parse(claim)["parties"]}
        self.assertEqual(roles, {
            "CL-9": ("insured", False), "OT-9": ("other", False),
            "VN-500": ("vendor", True), "VN-77": ("vendor", True),
        })

    def test_text_document_holds_fnol_text_and_the_xml(self):
        data = parse(make_claim(3))
        name, content = mapping.text_document(data, b"<Claim/>")
        self.assertEqual(name, "HO-2026-00003.txt")
        self.assertIn(b"ACORD 1", content)
        self.assertTrue(content.endswith(b"<Claim/>"))
