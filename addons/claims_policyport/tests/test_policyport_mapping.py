# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import BaseCase

from odoo.addons.claims_connector.connector.exceptions import PermanentError

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
        with self.assertRaises(PermanentError) as caught:
            mapping.coverage_targets("L", "IND", "HO3")
        self.assertEqual(caught.exception.kind, "unknown_coverage")

    def test_unknown_coverage_code_is_permanent(self):
        with self.assertRaises(PermanentError):
            mapping.coverage_targets("Z", "IND", "HO3")

    def test_claim_fields(self):
        data = parse(make_claim(7))
        self.assertEqual(data["external_key"], "GULFSTATE|HO-2026-00007")
        self.assertEqual(data["claim"]["tiva_claim_id"], "TV-100007")
        self.assertEqual(data["claim"]["date_closed"], False, "not closed: no closed date")
        self.assertEqual(data["claim"]["tiva_deductible_hurricane_kind"], "percent")
        self.assertEqual(data["claim"]["tiva_deductible_aop"], 1000.0)
        self.assertEqual(data["policy"]["tiva_exclude_wind"], False)

    def test_closed_date_only_for_a_closed_claim(self):
        data = parse(make_claim(8, ClientFileStatus="Closed", DateClosed="2026-11-02"))
        self.assertEqual(data["claim"]["date_closed"], "2026-11-02")

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
