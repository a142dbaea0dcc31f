# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import BaseCase

from odoo.addons.claims_connector.connector.exceptions import PermanentError

from .. import client, mapping


class TestPolicyportMappingFinancials(BaseCase):
    def test_our_coverage_types_go_back_to_their_policyport_code(self):
        self.assertEqual(mapping.policyport_coverage("PP_DWELLING"), ("A", "IND"))
        self.assertEqual(mapping.policyport_coverage("PP_CODE_UPGRADE"), ("A", "IND"))
        self.assertEqual(mapping.policyport_coverage("PP_LAE"), ("U", "LAEAO"))
        self.assertIsNone(mapping.policyport_coverage("OD"))
        with self.assertRaises(PermanentError):
            mapping.reserve_change_values("OD", 10.0, "x")

    def test_payment_problems_are_policyports_messages(self):
        self.assertEqual(mapping.payment_problems("CL-1", [("MG-1", "Bank")], "CL-1"), [])
        self.assertEqual(mapping.payment_problems(False, [(False, "First Coast Bank")], False), [
            "TIVA ID is required in order to set Payments & Reserves.",
            "TIVA ID is required for primary payee",
            "A Validation Error Has Occurred. Additional Payee: First Coast Bank must have a "
            "TIVA ID.",
        ])

    def test_never_sent_kinds(self):
        self.assertTrue(mapping.is_never_sent("subrogation", "system_check", "approved"))
        self.assertTrue(mapping.is_never_sent("salvage", "system_check", "approved"))
        self.assertTrue(mapping.is_never_sent("indemnity", "manual_check", "approved"))
        self.assertTrue(mapping.is_never_sent("indemnity", "system_check", "stopped"))
        self.assertFalse(mapping.is_never_sent("expense", "system_check", "approved"))

    def test_bodies_are_valid_against_the_contract(self):
        payment = client.render_payment(mapping.payment_values(
            "PP_DWELLING", "CL-1", [("MG-88", "First Coast Bank")], 12000, "Roof"))
        root = client.parse_xml(payment, "Payment")
        self.assertEqual(root.findtext("Amount"), "12000.00")
        reserve = client.render_reserve_change(
            mapping.reserve_change_values("PP_CONTENTS", -500.005, "Rugs"))
        self.assertEqual(client.parse_xml(reserve, "ReserveChange").findtext("Category"), "IND")
        client.parse_xml(client.render_void("Wrong payee"), "VoidRequest")

    def test_compare_names_each_difference_and_cause(self):
        theirs = {"status": "Open", "reserves": {("A", "IND"): 20000.0, ("B", "IND"): 1500.0},
                  "payments": [
                      {"payment_id": "PM-1", "amount": 1000.0, "check_number": "7",
                       "status": "Issued"},
                      {"payment_id": "PM-2", "amount": 800.0, "check_number": None,
                       "status": "Pending"},
                      {"payment_id": "PM-3", "amount": 5.0, "check_number": None,
                       "status": "Voided"},
                  ]}
        ours = {"is_closed": True, "reserves": {("A", "IND"): 15000.0, ("B", "IND"): 1500.0},
                "payments": [
                    {"payment_id": "PM-1", "name": "P1", "amount": 1000.0, "check_number": None,
                     "state": "sent"},
                    {"payment_id": False, "name": "P9", "amount": 75.0, "check_number": None,
                     "state": "approved"},
                ]}
        differences, causes = mapping.compare_financials(ours, theirs)
        self.assertEqual([(d["kind"], d["label"]) for d in differences], [
            ("status", "Claim status"), ("reserve", "Reserve A (IND)"),
            ("payment_differs", "Payment PM-1"), ("payment_missing_here", "Payment PM-2"),
            ("payment_unknown_there", "P9"),
        ])
        self.assertEqual(causes, [mapping.CAUSE_OPEN_THERE, mapping.CAUSE_RESERVES,
                                  mapping.CAUSE_PAYMENTS])
        reopened = mapping.compare_financials(ours, dict(theirs, status="Reopened"))[1]
        self.assertEqual(reopened[0], mapping.CAUSE_REOPENED)
        same = dict(ours, is_closed=False, reserves=theirs["reserves"], payments=[])
        self.assertEqual(mapping.compare_financials(same, dict(theirs, payments=[])), ([], []))
