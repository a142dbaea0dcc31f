# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Opus allocations as data: ``make_allocation(n)`` and the KPI targets of one.

Dates and times are the portal's: local time in Sydney, ``YYYY-MM-DD`` and
``YYYY-MM-DD HH:MM``. An allocation is a dict keyed as the page map's allocation fields
(``claim_number``, ``date_loss``...), plus ``id``, ``allocated_at``, ``history``, ``documents``
(insurer's attachments, their bytes made by the simulator) and ``targets``.
"""

import copy
from datetime import datetime, timedelta

from ..toolkit import make_pdf
from .pagemap import INCIDENT_CODES

# The codes in turn, so a batch of allocations carries every code of the guide.
CODES = tuple(INCIDENT_CODES)
DESCRIPTIONS = {
    "CA": "Cracks in walls after the earthquake.",
    "CO": "A car hit the front fence and the carport.",
    "DA": "Bath overflowed; kitchen ceiling stained.",
    "FE": "Kitchen fire; smoke damage to the living room.",
    "FL": "Creek flooded the ground floor to 40 cm.",
    "FS": "Gas bottle explosion damaged the rear wall.",
    "ST": "Storm lifted roof sheets; water through the ceiling.",
    "TH": "Back door forced; lock and frame broken.",
}
# KPI label -> hours after the allocation when it is due (Opus's own targets, not public: ours).
KPI_HOURS = {
    "Initial contact": 4, "Builder reference": 24, "Site attend date": 48,
    "Status update": 120, "Estimated end date": 240,
}
FORMAT = "%Y-%m-%d %H:%M"


def kpi_targets(allocated_at):
    start = datetime.strptime(allocated_at, FORMAT)
    return [{"kpi": kpi, "due": (start + timedelta(hours=hours)).strftime(FORMAT),
             "completed": ""} for kpi, hours in KPI_HOURS.items()]


def make_allocation(n, **overrides):
    """Allocation number ``n`` with every field filled; ``overrides`` replace keys."""
    code = CODES[(n - 1) % len(CODES)]
    claim_number = f"HOM-2026-{n:06d}"
    allocated_at = overrides.pop("allocated_at", "2026-11-20 09:00")
    allocation = {
        "id": f"ALC-{100000 + n}",
        "claim_number": claim_number,
        "allocated_at": allocated_at,
        "allocation_date": allocated_at[:10],
        "date_loss": "2026-11-18",
        "incident_code": code,
        "incident_description": DESCRIPTIONS.get(code, "Damage to the building."),
        "customer_id": f"CUS-{500000 + n}",
        "policyholder_name": f"Pat Holder{n}",
        "mobile": f"0412 555 {n % 1000:03d}",
        "home_phone": "02 9555 0100",
        "email": f"holder{n}@example.com.au",
        "street": f"{n} Harbour Street",
        "suburb": "Sydney",
        "state": "NSW",
        "postcode": "2000",
        "brand": "NRMA Insurance",
        "policy_number": f"HOM{700000000 + n}",
        "policy_inception": "2019-03-01",
        "sum_insured": 650000 + 1000 * n,
        "status": "Book",
        "history": [{"status": "Book", "at": allocated_at, "by": "IAG Allocations"}],
        "documents": [
            {"id": f"D{n}-1", "name": f"Claim form {claim_number}.pdf", "type": "CLAIM_FORM",
             "uploaded_on": allocated_at},
            {"id": f"D{n}-2", "name": "Photos from the customer.pdf", "type": "PHOTOS",
             "uploaded_on": allocated_at},
        ],
        "targets": kpi_targets(allocated_at),
    }
    allocation.update(copy.deepcopy(overrides))
    return allocation


def document_content(allocation, document):
    """The bytes of an insurer's attachment: a one-page PDF naming it."""
    return make_pdf(f"{document['type']} {allocation['claim_number']} {document['name']}")
