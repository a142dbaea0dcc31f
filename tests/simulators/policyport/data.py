# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""PolicyPort claims as data, and their XML as the contract (policyport.xsd) writes it."""

import copy
import xml.etree.ElementTree as ET
from pathlib import Path

from .. import toolkit

SCHEMA_PATH = Path(__file__).with_name("policyport.xsd")

# Every coverage code of the contract, with the category it comes in.
ALL_COVERAGES = [
    ("A", "IND"), ("B", "IND"), ("C", "IND"), ("D", "IND"), ("E", "IND"), ("F", "IND"),
    ("U", "LAEDC"), ("U", "LAEAO"),
]


def make_claim(n, **overrides):
    """A full claim, number ``n``; ``overrides`` replace top-level keys."""
    claim = {
        "TivaClaimId": f"TV-{100000 + n}",
        "ClientClaimNumber": f"HO-2026-{n:05d}",
        "Client": "GULFSTATE",
        "ClientName": "Gulf State Mutual",
        "ClientFileStatus": "Open",
        "FileType": "Property",
        "Event": "Hurricane Milton",
        "Description": f"Roof and interior water damage, file {n}",
        "Peril": "Wind",
        "LossDescription": "Shingles torn off; water through the ceiling of two bedrooms.",
        "ReportedBy": "Insured",
        "SeverityCode": "2",
        "DateReported": "2026-10-11",
        "DateOfLoss": "2026-10-09",
        "DateAssigned": "2026-11-20",
        "DateClosed": "",
        "Agent": {"CompanyName": "Sunshine Agency", "FirstName": "Amy", "LastName": "Agent",
                  "Email": "amy@sunshine-agency.example", "Phone": "813-555-0100"},
        "Policy": {
            "InsuredFirstName": "Ines", "InsuredLastName": f"Insured{n}",
            "LossLocation": {"Address1": f"{n} Palm Avenue", "City": "Tampa", "State": "FL",
                             "Zip": "33602"},
            "Phones": {"Home": "813-555-0101", "Mobile": "813-555-0102", "Work": "813-555-0103",
                       "Fax": "813-555-0104", "Other": "813-555-0105"},
            "Email": f"insured{n}@example.com",
            "PolicyNumber": f"HO3-{700000 + n}",
            "PolicyType": "HO3",
            "DateStart": "2026-01-01",
            "DateEnd": "2026-12-31",
            "Endorsement": "Water backup HO 04 95",
            "ExcludeWindCoverage": "false",
            "Coverages": [
                {"code": code, "category": cat, "Amount": f"{amount:.2f}",
                 "Deductible": "1000.00", "Reserve": f"{amount / 20:.2f}",
                 "Limit": f"{amount:.2f}"}
                for (code, cat), amount in zip(
                    [("A", "IND"), ("B", "IND"), ("C", "IND"), ("D", "IND"), ("E", "IND")],
                    [300000, 30000, 150000, 60000, 100000], strict=True)
            ],
            "Deductibles": [
                {"peril": "AOP", "kind": "$", "value": "1000.00"},
                {"peril": "Hurricane", "kind": "%", "value": "2"},
                {"peril": "Sinkhole", "kind": "%", "value": "10"},
            ],
            "MortgageCompany": {"name": "First Coast Bank", "Address1": "1 Bay Street",
                                "Address2": "Suite 400", "City": "Jacksonville", "State": "FL",
                                "Zip": "32202"},
        },
        "Parties": [
            {"type": "Claimant", "tivaId": f"CL-{n}", "FirstName": "Ines",
             "LastName": f"Insured{n}", "Address": "PO Box 12", "City": "Tampa", "State": "FL",
             "Zip": "33601", "HomePhone": "813-555-0101", "WorkPhone": "813-555-0103"},
            {"type": "Other", "tivaId": f"OT-{n}", "FirstName": "Paul", "LastName": "Public",
             "CompanyName": "Adjusters United", "Address": "9 Main St", "City": "Orlando",
             "State": "FL", "Zip": "32801", "MainPhone": "407-555-0100",
             "WorkPhone": "407-555-0101"},
            {"type": "Vendor", "tivaId": "VN-500", "CompanyName": "Dry Out Pros",
             "Address": "5 Industrial Rd", "City": "Tampa", "State": "FL", "Zip": "33610",
             "MainPhone": "813-555-0200"},
        ],
        "Documents": [{"id": f"D{n}F", "type": "FNOL"}, {"id": f"D{n}P", "type": "POLICY_DEC"}],
        "FnolText": f"ACORD 1 - Property loss notice for claim HO-2026-{n:05d}.",
        "Journals": [{"date": "2026-11-20", "author": "Desk", "text": "Assigned to the desk."}],
    }
    claim.update(copy.deepcopy(overrides))
    return claim


def _text(parent, tag, value):
    element = ET.SubElement(parent, tag)
    element.text = "" if value is None else str(value)
    return element


def _address(parent, tag, values, attrs=None):
    element = ET.SubElement(parent, tag, attrs or {})
    for key in ("Address1", "Address2", "City", "State", "Zip"):
        if key in values:
            _text(element, key, values[key])
    return element


def _policy(root, policy_values):
    policy = ET.SubElement(root, "Policy")
    _text(policy, "InsuredFirstName", policy_values.get("InsuredFirstName", ""))
    _text(policy, "InsuredLastName", policy_values.get("InsuredLastName", ""))
    _address(policy, "LossLocation", policy_values.get("LossLocation", {}))
    phones = ET.SubElement(policy, "Phones")
    for key in ("Home", "Mobile", "Work", "Fax", "Other"):
        _text(phones, key, policy_values.get("Phones", {}).get(key, ""))
    for key in ("Email", "PolicyNumber", "PolicyType", "DateStart", "DateEnd", "Endorsement",
                "ExcludeWindCoverage"):
        if key in policy_values:
            _text(policy, key, policy_values[key])
    coverages = ET.SubElement(policy, "Coverages")
    for values in policy_values.get("Coverages", []):
        coverage = ET.SubElement(coverages, "Coverage",
                                 {"code": values["code"], "category": values["category"]})
        for key in ("Amount", "Deductible", "Reserve", "Limit"):
            _text(coverage, key, values.get(key, ""))
    deductibles = ET.SubElement(policy, "Deductibles")
    for values in policy_values.get("Deductibles", []):
        _text(deductibles, "Deductible", values["value"]).attrib.update(
            peril=values["peril"], kind=values["kind"])
    if policy_values.get("MortgageCompany"):
        mortgage = dict(policy_values["MortgageCompany"])
        _address(policy, "MortgageCompany", mortgage, {"name": mortgage.pop("name")})
    return policy


def claim_element(claim):
    root = ET.Element("Claim")
    for key in ("TivaClaimId", "ClientClaimNumber", "Client", "ClientName", "ClientFileStatus",
                "FileType", "Event", "Description", "Peril", "LossDescription", "ReportedBy",
                "SeverityCode", "DateReported", "DateOfLoss", "DateAssigned", "DateClosed"):
        if key in claim:
            _text(root, key, claim[key])
    if claim.get("Agent"):
        agent = ET.SubElement(root, "Agent")
        for key in ("CompanyName", "FirstName", "LastName", "Email", "Phone"):
            _text(agent, key, claim["Agent"].get(key, ""))
    _policy(root, claim["Policy"])
    parties = ET.SubElement(root, "Parties")
    for values in claim.get("Parties", []):
        party = ET.SubElement(parties, "Party", {"type": values["type"],
                                                 "tivaId": values["tivaId"]})
        for key in ("FirstName", "LastName", "CompanyName", "Address", "City", "State", "Zip",
                    "HomePhone", "MainPhone", "WorkPhone"):
            if key in values:
                _text(party, key, values[key])
    documents = ET.SubElement(root, "Documents")
    for values in claim.get("Documents", []):
        ET.SubElement(documents, "Document", {"id": values["id"], "type": values["type"]})
    _text(root, "FnolText", claim.get("FnolText", ""))
    journals = ET.SubElement(root, "Journals")
    for values in claim.get("Journals", []):
        _text(journals, "Journal", values["text"]).attrib.update(
            date=values["date"], author=values.get("author", ""))
    return root


def to_xml(element):
    ET.indent(element)
    return ET.tostring(element, encoding="utf-8", xml_declaration=True)


def render_claim(claim):
    return to_xml(claim_element(claim))


def render_claim_list(claims, assigned_since):
    root = ET.Element("ClaimList", {"assignedSince": assigned_since, "count": str(len(claims))})
    for claim in claims:
        ET.SubElement(root, "ClaimRef", {
            "tivaClaimId": claim["TivaClaimId"],
            "clientClaimNumber": claim["ClientClaimNumber"],
            "client": claim["Client"],
            "dateAssigned": claim.get("DateAssigned") or "",
        })
    return to_xml(root)


def make_vendor(n, **overrides):
    """A vendor of the account's list, number ``n`` (Payee ID ``VN-<n>``)."""
    vendor = {"payeeId": f"VN-{n}", "CompanyName": f"Vendor {n} Restoration",
              "Address": f"{n} Commerce Park", "City": "Tampa", "State": "FL", "Zip": "33610",
              "Phone": "813-555-0300", "Email": f"office@vendor{n}.example"}
    vendor.update(overrides)
    return vendor


def render_vendor_list(vendors, page, page_size, total):
    root = ET.Element("VendorList", {"page": str(page), "pageSize": str(page_size),
                                     "total": str(total)})
    for values in vendors:
        vendor = ET.SubElement(root, "Vendor", {"payeeId": values["payeeId"]})
        for key in ("CompanyName", "Address", "City", "State", "Zip", "Phone", "Email"):
            if values.get(key) is not None:
                _text(vendor, key, values[key])
    return to_xml(root)


def render_error(code, message):
    root = ET.Element("Error")
    _text(root, "Code", code)
    _text(root, "Message", message)
    return to_xml(root)


def make_pdf(title):
    """A small one-page US Letter PDF showing ``title``."""
    return toolkit.make_pdf(title)
