# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Where every field of a PolicyPort claim goes: code tables and pure functions, no ORM.

``parse_claim(root)`` turns a validated ``<Claim>`` element into plain values for our models:
``claim`` (claims.claim fields), ``policy`` (claims.policy), ``coverages`` (one per coverage
with the codes of our coverage types it may go to), the partners (``insured``, ``agent``,
``mortgagee``, ``parties``) with the participant role each takes, ``documents``, ``fnol_text``
and ``journals``. The model side only looks our records up and creates them.
"""


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
# The "Other" line: PolicyPort's "Coverage Other Amount" (code Other) and any code the maps
# above do not know land on a coverage line of this type, which keeps PolicyPort's code and
# category; the importer leaves the handler a warning activity. A claim is never refused for
# a coverage code.
OTHER_COVERAGE = "PP_OTHER"
# What the Claimant party (the insured) adds to the insured of the policy.
CLAIMANT_COMPLETES_INSURED = (
    "street", "city", "zip", "tiva_state", "tiva_phone_home", "tiva_phone_work",
)
# Party type -> participant role code (claims_base roles). PolicyPort's guide writes the vendor
# that is also the claimant "Vendor/Claimant" and "Vendor/Other": both arrive. A type this table
# does not know takes DEFAULT_PARTY_ROLE: a party never fails its claim.
PARTY_ROLES = {
    "Claimant": "insured",
    "Other": "other",
    "Vendor": "vendor",
    "Vendor/Claimant": "vendor",
    "Vendor/Other": "vendor",
}
DEFAULT_PARTY_ROLE = "other"
# Party types known by their Tiva id as vendors of the account (claims.partner.ref).
VENDOR_TYPES = ("Vendor", "Vendor/Claimant", "Vendor/Other")
DEDUCTIBLE_PERILS = {"AOP": "aop", "Hurricane": "hurricane", "Sinkhole": "sinkhole"}
DEDUCTIBLE_KINDS = {"$": "amount", "%": "percent"}
CLOSED_STATUSES = ("closed",)
# Values a handler expects on a claim: when PolicyPort leaves one empty it stays empty here
# (nothing is made up in its place) and the claim's note lists it. Keys; the model words them.
MISSING_VALUES = (
    "insured_name", "date_loss", "date_reported", "policy_date_start", "policy_date_end",
    "date_closed",
)
DOCUMENT_NAMES = {"FNOL": "FNOL-{number}.pdf", "POLICY_DEC": "Policy Dec-{number}.pdf"}
DOCUMENT_CATEGORIES = {"FNOL": "correspondence", "POLICY_DEC": "policy", "TEXT": "other"}


def coverage_targets(code, category, policy_type):
    """Codes of our coverage types for a PolicyPort coverage: the "Other" line's
    (``OTHER_COVERAGE``) for a code without a mapping."""
    key = (code, category)
    if key in COVERAGE_MAP:
        return COVERAGE_MAP[key]
    if key in DWELLING_FIRE_COVERAGE_MAP and (policy_type or "").upper().startswith("DP"):
        return DWELLING_FIRE_COVERAGE_MAP[key]
    return (OTHER_COVERAGE,)


def party_role(party_type):
    """The participant role code of a PolicyPort party type (``DEFAULT_PARTY_ROLE`` if unknown)."""
    return PARTY_ROLES.get(party_type, DEFAULT_PARTY_ROLE)


def claim_key(client, client_claim_number):
    """A claim's external key: PolicyPort's client and the client's claim number."""
    return f"{client}|{client_claim_number}"


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
        targets = coverage_targets(code, category, policy_type)
        coverages.append({
            "code": code,
            "category": category,
            "targets": targets,
            "is_other": targets == (OTHER_COVERAGE,),
            "amount": _money(coverage, "Amount"),
            "deductible": _money(coverage, "Deductible"),
            "reserve": _money(coverage, "Reserve"),
            "limit": _money(coverage, "Limit"),
        })
    parties = []
    for party in root.iterfind("Parties/Party"):
        party_type = party.get("type")
        values = {
            # a party is known by its Tiva id: that id names one PolicyPort sent without name
            "name": _name(_text(party, "FirstName"), _text(party, "LastName"))
            or _text(party, "CompanyName") or party.get("tivaId"),
            "company_name": _text(party, "CompanyName"),
            "street": _text(party, "Address"),
            "city": _text(party, "City"),
            "zip": _text(party, "Zip"),
            "phone": _text(party, "MainPhone") or _text(party, "HomePhone")
            or _text(party, "WorkPhone"),
            "tiva_phone_home": _text(party, "HomePhone"),
            "tiva_phone_work": _text(party, "WorkPhone"),
            "tiva_state": _text(party, "State"),
        }
        parties.append({
            "type": party_type,
            "role": party_role(party_type),
            "tiva_id": party.get("tivaId"),
            "is_vendor": party_type in VENDOR_TYPES,
            "partner": values,
        })
    coverages = _merge_other_coverages(coverages)
    # The insured: the policy's names, else the Claimant party's (the same person); no name at
    # all leaves the claim without an insured rather than one named after anything else.
    claimant = next((p for p in root.iterfind("Parties/Party") if p.get("type") == "Claimant"),
                    None)
    insured = {
        "name": _name(_text(policy, "InsuredFirstName"), _text(policy, "InsuredLastName"))
        or _name(_text(claimant, "FirstName"), _text(claimant, "LastName"))
        or _text(claimant, "CompanyName"),
        "email": _text(policy, "Email"),
        "phone": _text(phones, "Home") or _text(phones, "Mobile"),
    }
    mortgage = policy.find("MortgageCompany")
    result = {
        "tiva_claim_id": claim["tiva_claim_id"],
        "client": claim["tiva_client"],
        "client_name": _text(root, "ClientName") or claim["tiva_client"],
        "client_claim_number": number,
        "external_key": claim_key(claim["tiva_client"], number),
        "claim": claim,
        # closed in PolicyPort: imported closed, on PolicyPort's closed date
        "is_closed": is_closed,
        "date_closed": _text(root, "DateClosed") if is_closed else False,
        "policy": {
            "name": _text(policy, "PolicyNumber"),
            "policy_type": policy_type,
            "date_start": _text(policy, "DateStart"),
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
    result["missing"] = missing_values(result)
    return result


def _merge_other_coverages(coverages):
    """The mapped coverages, then one "Other" line for the codes without a mapping (a claim
    has one line per coverage type): their amounts added up, their codes in ``other_codes``;
    ``code`` and ``category`` stay those of a single one (the line's PolicyPort code)."""
    mapped = [c for c in coverages if not c["is_other"]]
    others = [c for c in coverages if c["is_other"]]
    if not others:
        return mapped
    single = len(others) == 1
    return mapped + [{
        "code": others[0]["code"] if single else False,
        "category": others[0]["category"] if single else False,
        "targets": (OTHER_COVERAGE,),
        "is_other": True,
        "other_codes": [(c["code"], c["category"]) for c in others],
        **{key: sum(c[key] for c in others)
           for key in ("amount", "deductible", "reserve", "limit")},
    }]


def missing_values(data):
    """Keys of ``MISSING_VALUES`` that PolicyPort left empty in a parsed claim."""
    sent = {
        "insured_name": data["insured"]["name"],
        "date_loss": data["claim"]["date_loss"],
        "date_reported": data["claim"]["date_reported"],
        "policy_date_start": data["policy"]["date_start"],
        "policy_date_end": data["policy"]["date_end"],
        "date_closed": data["date_closed"] or not data["is_closed"],
    }
    return [key for key in MISSING_VALUES if not sent[key]]


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
