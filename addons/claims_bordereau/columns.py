# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The catalogue of bordereau columns: what an insurer may ask for, and how each is computed.

A bordereau row is a dict of a claim's values *as at* the end of the month (see
``claims.bordereau.builder._build_rows``): every value below is read from that dict, so a
reader who wants to know what "Outstanding" means opens this one file.

Row keys (as at the month's end unless said otherwise):

- ``claim_number``, ``insurer_reference``, ``policy``, ``cause`` (the claim type), ``claimant``,
  ``handler``, ``status`` (the stage), ``file_status`` (its label): texts;
- ``date_loss``, ``date_reported``, ``date_closed``: dates or None;
- ``reserve``: the sum of the reserve ledger's lines dated up to the end;
- ``paid``: indemnity and expense payments paid up to the end, less those voided or stopped
  by then; ``recovered``: the same for recoveries (subrogation, salvage, deductible);
- ``pending``: payments approved by the end and neither paid nor voided by then;
- ``*_movement``: the change of that amount within the month.
"""

from collections import namedtuple

from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

TEXT, DATE, MONEY = "text", "date", "money"

Column = namedtuple("Column", "key label kind value help")


def _get(key):
    return lambda row: row.get(key)


def _outstanding(row):
    """claims_base's outstanding: reserve less paid less pending."""
    return row["reserve"] - row["paid"] - row["pending"]


def _outstanding_movement(row):
    return row["reserve_movement"] - row["paid_movement"] - row["pending_movement"]


def _incurred(row):
    """Paid + pending + outstanding, i.e. the reserve (as claims_base computes it)."""
    return row["paid"] + row["pending"] + _outstanding(row)


def _net_incurred(row):
    return _incurred(row) - row["recovered"]


COLUMNS = [
    Column("claim_number", _lt("Claim number"), TEXT, _get("claim_number"),
           _lt("Our claim number.")),
    Column("insurer_reference", _lt("Insurer reference"), TEXT, _get("insurer_reference"),
           _lt("The insurer's claim number.")),
    Column("policy", _lt("Policy"), TEXT, _get("policy"), _lt("The policy number.")),
    Column("date_loss", _lt("Date of loss"), DATE, _get("date_loss"), _lt("Date of loss.")),
    Column("date_reported", _lt("Date reported"), DATE, _get("date_reported"),
           _lt("Date the claim was reported.")),
    Column("cause", _lt("Cause"), TEXT, _get("cause"), _lt("The claim type.")),
    Column("claimant", _lt("Claimant"), TEXT, _get("claimant"), _lt("The claimant.")),
    Column("handler", _lt("Handler"), TEXT, _get("handler"), _lt("The claim's handler.")),
    Column("status", _lt("Status"), TEXT, _get("status"),
           _lt("The claim's stage at the end of the month.")),
    Column("file_status", _lt("File status"), TEXT, _get("file_status"),
           _lt("Open, closed or reopened at the end of the month.")),
    Column("date_closed", _lt("Date closed"), DATE, _get("date_closed"),
           _lt("Date the claim was closed, if closed at the end of the month.")),
    Column("reserve", _lt("Reserve"), MONEY, _get("reserve"),
           _lt("Sum of the reserve changes dated up to the end of the month.")),
    Column("paid", _lt("Paid"), MONEY, _get("paid"),
           _lt("Indemnity and expense payments paid up to the end of the month, less those "
               "voided or stopped by then.")),
    Column("recovered", _lt("Recovered"), MONEY, _get("recovered"),
           _lt("Recoveries (subrogation, salvage, deductible) paid up to the end of the "
               "month.")),
    Column("pending", _lt("Pending"), MONEY, _get("pending"),
           _lt("Payments approved but not yet paid at the end of the month.")),
    Column("outstanding", _lt("Outstanding"), MONEY, _outstanding,
           _lt("Reserve less paid less pending.")),
    Column("incurred", _lt("Incurred"), MONEY, _incurred, _lt("Paid + pending + outstanding.")),
    Column("net_incurred", _lt("Net incurred"), MONEY, _net_incurred,
           _lt("Incurred less recovered.")),
    Column("reserve_movement", _lt("Reserve movement"), MONEY, _get("reserve_movement"),
           _lt("Reserve changes dated in the month.")),
    Column("paid_movement", _lt("Paid in month"), MONEY, _get("paid_movement"),
           _lt("Paid at the end of the month less paid at its start.")),
    Column("recovered_movement", _lt("Recovered in month"), MONEY, _get("recovered_movement"),
           _lt("Recovered at the end of the month less recovered at its start.")),
    Column("outstanding_movement", _lt("Outstanding movement"), MONEY, _outstanding_movement,
           _lt("Outstanding at the end of the month less outstanding at its start.")),
]
BY_KEY = {column.key: column for column in COLUMNS}
# The usual columns of an insurer, in their usual order: a new configuration starts with these.
DEFAULT_KEYS = (
    "claim_number", "insurer_reference", "policy", "date_loss", "cause", "status",
    "reserve", "paid", "recovered", "outstanding",
    "reserve_movement", "paid_movement", "recovered_movement",
)


def selection():
    """The catalogue as a selection: [(key, English label)]."""
    return [(column.key, column.label._translate("en_US")) for column in COLUMNS]


def label(key, lang=""):
    """The catalogue label of a column in ``lang`` (the current one when empty)."""
    return BY_KEY[key].label._translate(lang)


def cell(key, row):
    """The value of column ``key`` for a bordereau row."""
    return BY_KEY[key].value(row)
