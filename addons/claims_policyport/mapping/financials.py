# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What PolicyPort's financials carry: the messages of its payment checks, what is never sent,
check statuses, the bodies of reserve changes and payments, and the comparison of both sides'
figures. Code tables and pure functions, no ORM."""

from odoo.addons.claims_connector.connector.exceptions import PermanentError

from .claims import COVERAGE_MAP, DWELLING_FIRE_COVERAGE_MAP

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
# Claim status in PolicyPort that counts as open; "Reopened": reopened there.
OPEN_STATUSES = ("open", "reopened")
REOPENED_STATUS = "reopened"
# Likely causes of a difference (keys; the model side words them).
CAUSE_REOPENED = "reopened_there"
CAUSE_OPEN_THERE = "open_there"
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
    status = (theirs["status"] or "").lower()
    if ours["is_closed"] and status in OPEN_STATUSES:
        differences.append({"kind": "status", "label": "Claim status", "ours": "Closed",
                            "theirs": theirs["status"]})
        causes.append(CAUSE_REOPENED if status == REOPENED_STATUS else CAUSE_OPEN_THERE)
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
