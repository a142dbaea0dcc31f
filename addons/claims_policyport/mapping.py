# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Where every PolicyPort field goes: code tables and pure functions, no ORM.

``parse_claim(root)`` turns a validated ``<Claim>`` element into plain values for our models:
``claim`` (claims.claim fields), ``policy`` (claims.policy), ``coverages`` (one per coverage
with the codes of our coverage types it may go to), the partners (``insured``, ``agent``,
``mortgagee``, ``parties``) with the participant role each takes, ``documents``, ``fnol_text``
and ``journals``. The model side only looks our records up and creates them.
"""

from odoo.addons.claims_base.connector.exceptions import PermanentError

SYSTEM = "policyport"

# (PolicyPort code, category) -> codes of our coverage types, the first that exists is used.
COVERAGE_MAP = {
    ("A", "IND"): ("PP_DWELLING", "PP_CODE_UPGRADE"),
    ("B", "IND"): ("PP_APPURTENANT",),
    ("C", "IND"): ("PP_CONTENTS",),
    ("D", "IND"): ("PP_ALE", "PP_LOSS_OF_RENT"),
    ("E", "IND"): ("PP_LIABILITY",),
    ("F", "IND"): ("PP_MEDICAL",),
    ("U", "LAEDC"): ("PP_DCC",),
    ("U", "LAEAO"): ("PP_LAE",),
}
# Codes that exist on dwelling-fire policies only (policy type beginning with "DP").
DWELLING_FIRE_COVERAGE_MAP = {
    ("L", "IND"): ("PP_LIABILITY",),
    ("M", "IND"): ("PP_MEDICAL",),
}
# Party type -> participant role code (claims_base roles).
PARTY_ROLES = {
    "Claimant": "insured",
    "Other": "other",
    "Vendor": "vendor",
    "Vendor/Other": "vendor",
}
VENDOR_TYPES = ("Vendor", "Vendor/Other")
DEDUCTIBLE_PERILS = {"AOP": "aop", "Hurricane": "hurricane", "Sinkhole": "sinkhole"}
DEDUCTIBLE_KINDS = {"$": "amount", "%": "percent"}
CLOSED_STATUSES = ("closed",)
DOCUMENT_NAMES = {"FNOL": "FNOL-{number}.pdf", "POLICY_DEC": "Policy Dec-{number}.pdf"}
DOCUMENT_CATEGORIES = {"FNOL": "correspondence", "POLICY_DEC": "policy", "TEXT": "other"}


def coverage_targets(code, category, policy_type):
    """Codes of our coverage types for a PolicyPort coverage, or PermanentError."""
    key = (code, category)
    if key in COVERAGE_MAP:
        return COVERAGE_MAP[key]
    if key in DWELLING_FIRE_COVERAGE_MAP and (policy_type or "").upper().startswith("DP"):
        return DWELLING_FIRE_COVERAGE_MAP[key]
    raise PermanentError(
        f"Unknown PolicyPort coverage code {code} ({category}) on a {policy_type or '?'} policy.",
        kind="unknown_coverage",
    )


def _text(element, path):
    value = element.findtext(path) if element is not None else None
    value = (value or "").strip()
    return value or False


def _money(element, path):
    value = _text(element, path)
    return float(value) if value else 0.0


def _name(first, last):
    return " ".join(part for part in (first, last) if part) or False


def parse_claim(root):
    """Plain values of a ``<Claim>`` element (see the module docstring)."""
    policy = root.find("Policy")
    policy_type = _text(policy, "PolicyType")
    number = _text(root, "ClientClaimNumber")
    status = _text(root, "ClientFileStatus") or ""
    is_closed = status.lower() in CLOSED_STATUSES
    location = policy.find("LossLocation")
    phones = policy.find("Phones")
    agent = root.find("Agent")
    claim = {
        "insurer_claim_number": number,
        "tiva_claim_id": _text(root, "TivaClaimId"),
        "tiva_client": _text(root, "Client"),
        "tiva_client_file_status": status or False,
        "tiva_file_type": _text(root, "FileType"),
        "tiva_event": _text(root, "Event"),
        "description": _text(root, "Description"),
        "tiva_peril": _text(root, "Peril"),
        "tiva_loss_description": _text(root, "LossDescription"),
        "tiva_reported_by": _text(root, "ReportedBy"),
        "tiva_severity_code": _text(root, "SeverityCode"),
        "date_reported": _text(root, "DateReported"),
        "date_loss": _text(root, "DateOfLoss"),
        "date_assigned": _text(root, "DateAssigned"),
        "date_closed": _text(root, "DateClosed") if is_closed else False,
        "tiva_agent_company": _text(agent, "CompanyName"),
        "tiva_loss_street": _text(location, "Address1"),
        "tiva_loss_city": _text(location, "City"),
        "tiva_loss_state": _text(location, "State"),
        "tiva_loss_zip": _text(location, "Zip"),
        "tiva_phone_home": _text(phones, "Home"),
        "tiva_phone_mobile": _text(phones, "Mobile"),
        "tiva_phone_work": _text(phones, "Work"),
        "tiva_phone_fax": _text(phones, "Fax"),
        "tiva_phone_other": _text(phones, "Other"),
    }
    for deductible in policy.iterfind("Deductibles/Deductible"):
        peril = DEDUCTIBLE_PERILS[deductible.get("peril")]
        claim[f"tiva_deductible_{peril}_kind"] = DEDUCTIBLE_KINDS[deductible.get("kind")]
        claim[f"tiva_deductible_{peril}"] = float(deductible.text or 0)
    coverages = []
    for coverage in policy.iterfind("Coverages/Coverage"):
        code, category = coverage.get("code"), coverage.get("category")
        coverages.append({
            "code": code,
            "category": category,
            "targets": coverage_targets(code, category, policy_type),
            "amount": _money(coverage, "Amount"),
            "deductible": _money(coverage, "Deductible"),
            "reserve": _money(coverage, "Reserve"),
            "limit": _money(coverage, "Limit"),
        })
    insured_name = _name(_text(policy, "InsuredFirstName"), _text(policy, "InsuredLastName"))
    insured = {
        "name": insured_name or number,
        "email": _text(policy, "Email"),
        "phone": _text(phones, "Home") or _text(phones, "Mobile"),
    }
    parties = []
    for party in root.iterfind("Parties/Party"):
        party_type = party.get("type")
        values = {
            "name": _name(_text(party, "FirstName"), _text(party, "LastName"))
            or _text(party, "CompanyName") or party.get("tivaId"),
            "company_name": _text(party, "CompanyName"),
            "street": _text(party, "Address"),
            "city": _text(party, "City"),
            "zip": _text(party, "Zip"),
            "phone": _text(party, "MainPhone") or _text(party, "HomePhone")
            or _text(party, "WorkPhone"),
            "tiva_phone_work": _text(party, "WorkPhone"),
            "tiva_state": _text(party, "State"),
        }
        parties.append({
            "type": party_type,
            "role": PARTY_ROLES[party_type],
            "tiva_id": party.get("tivaId"),
            "is_vendor": party_type in VENDOR_TYPES,
            "partner": values,
        })
    mortgage = policy.find("MortgageCompany")
    result = {
        "tiva_claim_id": claim["tiva_claim_id"],
        "client": claim["tiva_client"],
        "client_name": _text(root, "ClientName") or claim["tiva_client"],
        "client_claim_number": number,
        "external_key": f"{claim['tiva_client']}|{number}",
        "claim": claim,
        "policy": {
            "name": _text(policy, "PolicyNumber"),
            "policy_type": policy_type,
            "date_start": _text(policy, "DateStart") or claim["date_loss"],
            "date_end": _text(policy, "DateEnd"),
            "tiva_endorsement": _text(policy, "Endorsement"),
            "tiva_exclude_wind": _text(policy, "ExcludeWindCoverage") in ("true", "1"),
        },
        "coverages": coverages,
        "insured": insured,
        "agent": agent is not None and {
            "name": _name(_text(agent, "FirstName"), _text(agent, "LastName"))
            or _text(agent, "CompanyName"),
            "company_name": _text(agent, "CompanyName"),
            "email": _text(agent, "Email"),
            "phone": _text(agent, "Phone"),
        },
        "mortgagee": mortgage is not None and {
            "name": mortgage.get("name"),
            "is_company": True,
            "street": _text(mortgage, "Address1"),
            "street2": _text(mortgage, "Address2"),
            "city": _text(mortgage, "City"),
            "zip": _text(mortgage, "Zip"),
            "tiva_state": _text(mortgage, "State"),
        },
        "parties": parties,
        "documents": [
            {"id": document.get("id"), "type": document.get("type"),
             "name": DOCUMENT_NAMES[document.get("type")].format(number=number),
             "category": DOCUMENT_CATEGORIES[document.get("type")]}
            for document in root.iterfind("Documents/Document")
        ],
        "fnol_text": _text(root, "FnolText") or "",
        "journals": [
            {"date": journal.get("date"), "author": journal.get("author") or "",
             "text": (journal.text or "").strip()}
            for journal in root.iterfind("Journals/Journal")
        ],
    }
    return result


def text_document(data, raw_xml):
    """The <client #>.txt: the FNOL text, then the claim XML as received."""
    name = f"{data['client_claim_number']}.txt"
    content = (
        f"FNOL\n====\n{data['fnol_text']}\n\nClaim XML as received\n=====================\n"
    ).encode() + raw_xml
    return name, content


def partner_values(values):
    """res.partner values from mapped ones (drops the keys that are not partner fields)."""
    return {key: value for key, value in values.items()
            if key != "tiva_state" and value is not None}
