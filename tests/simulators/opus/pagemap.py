# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The simulator's side of PAGEMAP.md, as data: pages, labels, sections, columns, options.

The robot (``claims_opus/mapping.py``) keeps its own copy of the labels it looks for; the
simulator's tests check that both agree. Field keys here are the simulator's own (the names of
its inputs in the classic layout); only labels, section legends, headings, button names, table
captions and column headers are the contract.

A field is ``(key, label, kind, options)``. Kinds: ``char`` (text input), ``text`` (textarea),
``date`` (input type=date, ``YYYY-MM-DD``), ``datetime`` (input type=datetime-local,
``YYYY-MM-DDTHH:MM``, the portal's local time: Australia/Sydney), ``integer``, ``money`` (text
input, ``1234.50``), ``select`` (options: (value, label)), ``file``.
"""

import dataclasses

PORTAL_TZ = "Australia/Sydney"
YES_NO = (("Y", "Yes"), ("N", "No"))
# Incident-type codes of the integration guide (as the issue quotes it); GL, HB, LR and OT are
# all "Other" there.
INCIDENT_CODES = {
    "CA": "Earthquake and Tsunami", "CO": "Impact", "DA": "Accidental Damage", "FE": "Fire",
    "FL": "Flood", "FS": "Explosion", "GL": "Other", "HB": "Other", "LR": "Other",
    "OT": "Other", "ST": "Storm - Wind", "TH": "Theft or Burglary",
}
# Document types: the three public codes, one for anything else, and what the insurer attaches.
DOCUMENT_TYPES = (
    ("REPAIRER_S_REPORT", "Repairer's report"), ("QUOTE", "Quote"),
    ("SCOPE_OF_WORKS", "Scope of works"), ("OTHER", "Other"),
)
INSURER_DOCUMENT_TYPES = {"CLAIM_FORM": "Claim form", "PHOTOS": "Photos",
                          "INSURER_REPORT": "Insurer's report"}
STATUSES = (
    # assessment
    "Book", "Scheduled", "To Be Submitted", "Complete/Awaiting Insurer", "Authorised",
    # works / completion
    "Awaiting Excess", "Awaiting Scope", "Awaiting Contract", "Awaiting Customer",
    "To Be Scheduled", "Works in Progress", "Awaiting Insurer", "Repairs Stalled - Trade",
    "Repairs Stalled - Customer", "Repairs Stalled - Maintenance", "Practical Completion",
    "Repairs Complete",
    # closing
    "Closed", "Cancelled", "Cash Settled",
)
CLOSED_STATUSES = ("Closed", "Cancelled", "Cash Settled")


def _field(key, label, kind="char", options=()):
    return (key, label, kind, options)


# ---------------------------------------------------------------------- the allocation page
ALLOCATION_SECTIONS = (
    ("Claim", (
        _field("claim_number", "Claim number"),
        _field("allocation_date", "Allocation date", "date"),
        _field("date_loss", "Date of loss", "date"),
        _field("incident_code", "Incident type"),
        _field("incident_description", "Incident description", "text"),
    )),
    ("Policyholder", (
        _field("customer_id", "Customer ID"),
        _field("policyholder_name", "Policyholder name"),
        _field("mobile", "Mobile"),
        _field("home_phone", "Home phone"),
        _field("email", "Email"),
        _field("street", "Street address"),
        _field("suburb", "Suburb"),
        _field("state", "State"),
        _field("postcode", "Postcode"),
    )),
    ("Policy", (
        _field("brand", "Brand"),
        _field("policy_number", "Policy number"),
        _field("policy_inception", "Building policy inception", "date"),
        _field("sum_insured", "Building sum insured"),
    )),
    ("Status", (_field("status", "Current status"),)),
)
# The layout variant moves the same fields into other groups.
VARIANT_ALLOCATION_GROUPS = (
    ("Overview", ("status", "claim_number", "policy_number", "brand", "incident_code")),
    ("Dates", ("date_loss", "allocation_date", "policy_inception")),
    ("Insured", ("email", "mobile", "home_phone", "policyholder_name", "customer_id")),
    ("Risk address", ("postcode", "state", "suburb", "street")),
    ("Details", ("sum_insured", "incident_description")),
)

# ---------------------------------------------------------------------- tables
LIST_COLUMNS = ("Allocation", "Claim number", "Policyholder", "Incident", "Status", "Allocated")
HISTORY_COLUMNS = ("Status", "Changed on", "Changed by")
DOCUMENT_COLUMNS = ("Document", "Type", "Uploaded on")
UPDATE_COLUMNS = ("Type", "Update", "Date and time", "Entered on")
TARGET_COLUMNS = ("Allocation", "Claim number", "KPI", "Due by", "Completed on")


# ---------------------------------------------------------------------- forms
@dataclasses.dataclass(frozen=True)
class Form:
    key: str
    path: str  # under /allocations/<id>/
    heading: str
    name: str  # the form's accessible name (aria-label)
    sections: tuple  # ((legend or None, (field, ...)), ...)
    buttons: tuple  # ((action, label), ...)
    required: tuple = ()  # {action: legends whose fields must all be filled}
    message: tuple = ()  # {action: the flash message after it}

    def fields(self):
        return [(legend, field) for legend, fields in self.sections for field in fields]


ASSESSMENT = Form(
    "assessment", "assessment", "Assessment", "Assessment",
    sections=(
        ("Attendance", (
            _field("attendance_at", "Assessment attendance date", "datetime"),
            _field("assessor", "Assessor name"),
        )),
        ("Emergency Repairs", (
            _field("ms_attended_at", "Make safe attendance date", "datetime"),
            _field("er_required", "Emergency repairs required?", "select", YES_NO),
            _field("er_done", "Emergency repairs carried out", "text"),
            _field("er_completed_at", "Emergency repairs completed on", "datetime"),
        )),
        ("Make Safe Scope of Work", (
            _field("ms_scope", "Make safe scope of work", "text"),
            _field("ms_cost", "Make safe cost (inc. GST)", "money"),
        )),
        ("Assessment Details", (
            _field("incident_confirmed", "Incident confirmed", "select", YES_NO),
            _field("insurer_advised", "Insurer advised of next steps?", "select", YES_NO),
            _field("sum_insured_adequate", "Sum Insured Adequate?", "select", YES_NO),
            _field("insured_aware", "Is the insured aware of repairs they are responsible for?",
                   "select", YES_NO),
            _field("other_hazards", "Other hazards on site", "text"),
            _field("meth_site", "Meth/drug manufacture at site", "select", YES_NO),
        )),
        ("Property Details", (
            _field("building_type", "Building type", "select", (
                ("H", "House"), ("U", "Unit"), ("T", "Townhouse"), ("C", "Commercial"),
                ("O", "Other"))),
            _field("walls", "Wall construction", "select", (
                ("BV", "Brick veneer"), ("DB", "Double brick"), ("WB", "Weatherboard"),
                ("FC", "Fibre cement"), ("CO", "Concrete"), ("OT", "Other"))),
            _field("roof", "Roof type", "select", (
                ("TI", "Tile"), ("ME", "Metal"), ("SL", "Slate"), ("OT", "Other"))),
            _field("year_built", "Year built", "integer"),
            _field("storeys", "Number of storeys", "integer"),
        )),
        ("Repairs Scope of Work", (
            _field("repairs_scope", "Repairs scope of work", "text"),
            _field("repairs_cost", "Estimated cost of repairs (inc. GST)", "money"),
        )),
        ("Recommendation", (
            _field("recommendation", "Recommendation", "select", (
                ("ACC", "Accept"), ("DEC", "Decline"), ("CSH", "Cash settle"),
                ("REF", "Refer to insurer"))),
            _field("recommendation_notes", "Recommendation notes", "text"),
        )),
    ),
    buttons=(("save", "Save"), ("submit", "Submit to insurer")),
    required=(("submit", ("Attendance", "Assessment Details", "Property Details",
                          "Repairs Scope of Work", "Recommendation")),),
    message=(("save", "Assessment saved."), ("submit", "Assessment submitted to insurer.")),
)
COMPLETION = Form(
    "completion", "completion", "Completion", "Completion",
    sections=(("Works", (
        _field("works_start", "Works start date", "date"),
        _field("repairs_completed", "Repairs completed on", "date"),
        _field("signoff", "Customer sign-off received?", "select", YES_NO),
        _field("final_cost", "Final cost of repairs (inc. GST)", "money"),
        _field("completion_notes", "Completion notes", "text"),
    )),),
    buttons=(("submit", "Submit completion"),),
    required=(("submit", ("Works",)),),
    message=(("submit", "Completion submitted."),),
)
UPDATE = Form(
    "update", "completion", "Completion", "Progress update",
    sections=((None, (
        _field("update_type", "Update type", "select",
               (("STATUS", "Status/progress"), ("DATES", "Repair dates"))),
        _field("update_text", "Update", "text"),
        _field("update_at", "Update date and time", "datetime"),
    )),),
    buttons=(("add", "Add update"),),
    required=(("add", (None,)),),
    message=(("add", "Update added."),),
)
TENDER = Form(
    "tender", "tender", "Tender", "Tender",
    sections=(("Tender", (
        _field("tender_at", "Tender attendance date", "datetime"),
        _field("tender_scope", "Tender scope of work", "text"),
        _field("tender_amount", "Tender amount (inc. GST)", "money"),
        _field("tender_valid_until", "Tender valid until", "date"),
        _field("tender_notes", "Tender notes", "text"),
    )),),
    buttons=(("submit", "Submit tender"),),
    required=(("submit", ("Tender",)),),
    message=(("submit", "Tender submitted."),),
)
KPIS = Form(
    "kpis", "kpis", "KPIs", "KPIs",
    sections=(
        ("Assessment (AR)", (
            _field("builder_reference", "Builder reference"),
            _field("initial_contact", "Initial contact", "datetime"),
            _field("site_attend", "Site attend date", "datetime"),
        )),
        ("Repairs (CR)", (
            _field("status_update", "Status update", "datetime"),
            _field("estimated_end", "Estimated end date", "date"),
        )),
    ),
    buttons=(("save", "Save KPIs"),),
    message=(("save", "KPIs saved."),),
)
UPLOAD = Form(
    "upload", "upload", "Upload document", "Upload document",
    sections=((None, (
        _field("document_type", "Document type", "select", DOCUMENT_TYPES),
        _field("file", "File", "file"),
        _field("description", "Description"),
    )),),
    buttons=(("upload", "Upload"),),
    message=(("upload", "Document uploaded."),),
)
FORMS = {form.key: form for form in (ASSESSMENT, COMPLETION, UPDATE, TENDER, KPIS, UPLOAD)}
# KPI labels as the targets table names them (the KPI form's labels).
KPI_LABELS = tuple(field[1] for _legend, field in KPIS.fields())
