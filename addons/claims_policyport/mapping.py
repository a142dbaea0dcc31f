# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Where every PolicyPort field goes: code tables and pure functions, no ORM.

``parse_claim(root)`` turns a validated ``<Claim>`` element into plain values for our models:
``claim`` (claims.claim fields), ``policy`` (claims.policy), ``coverages`` (one per coverage
with the codes of our coverage types it may go to), the partners (``insured``, ``agent``,
``mortgagee``, ``parties``) with the participant role each takes, ``documents``, ``fnol_text``
and ``journals``. The model side only looks our records up and creates them.
"""

from odoo.addons.claims_connector.connector.exceptions import PermanentError

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


# ---------------------------------------------------------------------- financials
# PolicyPort's own validation messages, word for word (CONTRACT.md): we check the same rules
# before sending, so the desk reads the message it would have read in PolicyPort.
MESSAGE_PAYEE_TIVA_ID = "TIVA ID is required for primary payee"
MESSAGE_ADDITIONAL_PAYEE_TIVA_ID = (
    "A Validation Error Has Occurred. Additional Payee: {name} must have a TIVA ID."
)
MESSAGE_CONTACT_TIVA_ID = "TIVA ID is required in order to set Payments & Reserves."
# What never goes to PolicyPort: recoveries, manual checks (claims_base payment types and
# methods) and stop payments (state).
NEVER_SENT_PAYMENT_TYPES = ("subrogation", "salvage", "deductible_recovered")
NEVER_SENT_METHODS = ("manual_check",)
NEVER_SENT_STATES = ("stopped",)
# PolicyPort's payment status -> our payment state.
PAYMENT_STATUSES = {"Pending": "sent", "Issued": "paid", "Voided": "voided"}
# Claim status in PolicyPort that counts as open.
OPEN_STATUSES = ("open", "reopened")
# Likely causes of a difference (keys; the model side words them).
CAUSE_REOPENED = "reopened_there"
CAUSE_RESERVES = "reserves_changed_there"
CAUSE_PAYMENTS = "payments_changed_there"
CAUSE_RIGHTS = "missing_rights"


def policyport_coverage(coverage_type_code):
    """(PolicyPort code, category) our coverage type goes back to, or None.

    The reverse of ``COVERAGE_MAP``: the first PolicyPort coverage that lists our code.
    """
    for key, targets in (*COVERAGE_MAP.items(), *DWELLING_FIRE_COVERAGE_MAP.items()):
        if coverage_type_code in targets:
            return key
    return None


def line_coverage(coverage_type_code, tiva_code=False, tiva_category=False):
    """(PolicyPort code, category) of one of our coverage lines, or None: the code an "Other"
    line came with, else the reverse of the maps (``policyport_coverage``)."""
    if tiva_code and tiva_category:
        return (tiva_code, tiva_category)
    return policyport_coverage(coverage_type_code)


def is_never_sent(payment_type, method, state):
    """True for a payment PolicyPort never receives (recovery, manual check, stop payment)."""
    return (payment_type in NEVER_SENT_PAYMENT_TYPES or method in NEVER_SENT_METHODS
            or state in NEVER_SENT_STATES)


def payment_problems(payee_tiva_id, additional_payees, claimant_tiva_id):
    """PolicyPort's messages for a payment it would refuse; [] when it may go.

    :param additional_payees: [(tiva id or False, name)]
    """
    problems = []
    if not claimant_tiva_id:
        problems.append(MESSAGE_CONTACT_TIVA_ID)
    if not payee_tiva_id:
        problems.append(MESSAGE_PAYEE_TIVA_ID)
    problems += [MESSAGE_ADDITIONAL_PAYEE_TIVA_ID.format(name=name)
                 for tiva_id, name in additional_payees if not tiva_id]
    return problems


def reserve_change_values(coverage_type_code, amount_change, reason):
    """Values of a ``<ReserveChange>``, or PermanentError for a coverage PolicyPort lacks."""
    key = _coverage_or_error(coverage_type_code)
    return {"code": key[0], "category": key[1], "amount_change": round(amount_change, 2),
            "reason": reason or ""}


def payment_values(coverage_type_code, payee_tiva_id, additional_payees, amount, remarks):
    """Values of a ``<Payment>`` (``additional_payees``: [(tiva id, name)])."""
    key = _coverage_or_error(coverage_type_code)
    return {"code": key[0], "category": key[1], "payee_tiva_id": payee_tiva_id or "",
            "additional_payees": list(additional_payees), "amount": round(amount, 2),
            "remarks": remarks or ""}


def _coverage_or_error(coverage_type_code):
    key = policyport_coverage(coverage_type_code)
    if not key:
        raise PermanentError(
            f"Coverage type {coverage_type_code} has no PolicyPort coverage code.",
            kind="unknown_coverage",
        )
    return key


def compare_financials(ours, theirs):
    """The differences between a claim's financials here and in PolicyPort.

    :param ours: {"is_closed": bool, "reserves": {(code, category): total},
        "payments": [{"payment_id" (PolicyPort's, or False), "name", "amount",
        "check_number", "state"}]}
    :param theirs: ``PolicyPortClient.get_financials`` values
    :returns: (differences, causes): differences as dicts with ``kind`` (``reserve``,
        ``payment_missing_here``, ``payment_unknown_there``, ``payment_differs``, ``status``),
        ``label``, ``ours`` and ``theirs``; causes as a list of ``CAUSE_*`` keys
    """
    differences, causes = [], []
    if ours["is_closed"] and (theirs["status"] or "").lower() in OPEN_STATUSES:
        differences.append({"kind": "status", "label": "Claim status", "ours": "Closed",
                            "theirs": theirs["status"]})
        causes.append(CAUSE_REOPENED)
    for key in sorted(set(ours["reserves"]) | set(theirs["reserves"])):
        here, there = ours["reserves"].get(key, 0.0), theirs["reserves"].get(key, 0.0)
        if round(here - there, 2):
            differences.append({"kind": "reserve", "label": f"Reserve {key[0]} ({key[1]})",
                                "ours": here, "theirs": there, "key": key})
    if any(d["kind"] == "reserve" for d in differences):
        causes.append(CAUSE_RESERVES)
    theirs_by_id = {p["payment_id"]: p for p in theirs["payments"]}
    ours_by_id = {p["payment_id"]: p for p in ours["payments"] if p["payment_id"]}
    for payment in theirs["payments"]:
        mine = ours_by_id.get(payment["payment_id"])
        label = f"Payment {payment['payment_id']}"
        if not mine:
            if payment["status"] != "Voided":
                differences.append({"kind": "payment_missing_here", "label": label,
                                    "ours": None, "theirs": _payment_text(payment)})
            continue
        state = PAYMENT_STATUSES[payment["status"]]
        if (round(mine["amount"] - payment["amount"], 2)
                or (mine["check_number"] or None) != payment["check_number"]
                or (state == "voided") != (mine["state"] == "voided")):
            differences.append({"kind": "payment_differs", "label": label,
                                "ours": _payment_text(mine), "theirs": _payment_text(payment)})
    for payment in ours["payments"]:
        if payment["state"] != "voided" and payment["payment_id"] not in theirs_by_id:
            differences.append({"kind": "payment_unknown_there",
                                "label": payment["name"], "ours": _payment_text(payment),
                                "theirs": None})
    if any(d["kind"].startswith("payment_") for d in differences):
        causes.append(CAUSE_PAYMENTS)
    return differences, causes


def _payment_text(payment):
    check = payment.get("check_number")
    voided = payment.get("state") == "voided" or payment.get("status") == "Voided"
    return "{amount:.2f}{check}{void}".format(
        amount=payment["amount"], check=f" check {check}" if check else "",
        void=" voided" if voided else "")
