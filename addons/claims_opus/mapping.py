# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Where every Opus field goes: the portal's labels, code tables and pure functions, no ORM.

The robot (``client.py``) finds all it needs on Opus's pages by the labels written here; the
contract is tests/simulators/opus/PAGEMAP.md (the simulator's tests check both agree). In:
``parse_allocation``, ``incident_type``, ``stage_for_status``, ``document_category``. Out:
``JOB_TYPES`` (our four jobs, their fixed fields and where they go: the Make Safe job fills the
Assessment's "Emergency Repairs" and "Make Safe Scope of Work" sections), ``missing_fields``,
``form_texts``, ``UPDATE_KINDS``, ``KPIS``, ``UPLOAD_TYPES``; ``breaching_soon`` of the KPI
targets. Opus shows and takes Sydney time; ours is naive UTC, ``YYYY-MM-DD HH:MM:SS``.
"""

import dataclasses
import re
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from odoo.addons.claims_connector.connector.exceptions import PermanentError

CLAIM_TYPE_CODE = "IAG"
PORTAL_TZ = ZoneInfo("Australia/Sydney")
ODOO_DATETIME = "%Y-%m-%d %H:%M:%S"


@dataclasses.dataclass(frozen=True)
class Field:
    """``kind``: char, text, date, datetime, integer, money, selection (``choices``: (our key,
    Opus's option label)), code (an option's value) or file."""

    key: str
    label: str
    kind: str = "char"
    section: str | None = None
    choices: tuple = ()


@dataclasses.dataclass(frozen=True)
class Form:
    """A form: its page (under /allocations/<id>/) and heading, its name, button and fields;
    ``key`` and ``job`` (our name) for a job type's form."""

    page: str
    heading: str
    name: str
    button: str
    fields: tuple
    key: str = ""
    job: str = ""


YES_NO = (("yes", "Yes"), ("no", "No"))

# ---------------------------------------------------------------------- pages (PAGEMAP.md)
LOGIN_FORM = Form("/login", "Sign in to Opus", "Sign in", "Sign in",
                  (Field("login", "Username"), Field("password", "Password")))
LIST_PATH, LIST_HEADING, LIST_TABLE = "/allocations", "Allocations", "Allocations"
LIST_COLUMNS = {"allocation_id": "Allocation", "claim_number": "Claim number",
                "policyholder": "Policyholder", "incident_code": "Incident",
                "status": "Status", "allocation_date": "Allocated"}
PAGINATION, NEXT_PAGE = "Pagination", "Next page"
PAGE_OF = re.compile(r"Page\s+(\d+)\s+of\s+(\d+)")
ALLOCATION_HEADING = "Allocation {allocation_id}"
ALLOCATION_FIELDS = {
    "claim_number": "Claim number", "allocation_date": "Allocation date",
    "date_loss": "Date of loss", "incident_code": "Incident type",
    "incident_description": "Incident description", "customer_id": "Customer ID",
    "policyholder_name": "Policyholder name", "mobile": "Mobile", "home_phone": "Home phone",
    "email": "Email", "street": "Street address", "suburb": "Suburb", "state": "State",
    "postcode": "Postcode", "brand": "Brand", "policy_number": "Policy number",
    "policy_inception": "Building policy inception", "sum_insured": "Building sum insured",
    "status": "Current status",
}
HISTORY_TABLE = "Status history"
HISTORY_COLUMNS = {"status": "Status", "changed_on": "Changed on", "changed_by": "Changed by"}
DOCUMENTS_TABLE = "Documents"
DOCUMENT_COLUMNS = {"name": "Document", "type": "Type", "uploaded_on": "Uploaded on"}
# Completion updates: a form and a table on the completion page.
UPDATE_KINDS = (("status", "Status/progress"), ("repair_dates", "Repair dates"))
UPDATE_FORM = Form("completion", "Completion", "Progress update", "Add update", (
    Field("kind", "Update type", "selection", None, UPDATE_KINDS),
    Field("text", "Update", "text"), Field("timestamp", "Update date and time", "datetime")))
UPDATES_TABLE = "Progress updates"
UPDATE_COLUMNS = {"kind": "Type", "text": "Update", "timestamp": "Date and time"}
# Texts the desk picks from for an update (free text is fine too).
UPDATE_PRESETS = (
    ("scope_sent", "Scope of works sent to the customer"),
    ("awaiting_signed_scope", "Waiting on the signed scope of works"),
    ("awaiting_excess", "Waiting on excess payment"),
    ("awaiting_maintenance", "Waiting on maintenance by the customer"),
    ("repairs_scheduled", "Repairs scheduled"), ("works_in_progress", "Works in progress"),
    ("practical_completion", "Practical completion reached"))
# KPI dates: one form, one field each; AR on the assessment stage, CR on the repairs stage.
_AR, _CR = "Assessment (AR)", "Repairs (CR)"
KPIS = (
    Field("builder_reference", "Builder reference", "char", _AR),
    Field("initial_contact", "Initial contact", "datetime", _AR),
    Field("site_attend", "Site attend date", "datetime", _AR),
    Field("status_update", "Status update", "datetime", _CR),
    Field("estimated_end", "Estimated end date", "date", _CR),
)
KPI_FORM = Form("kpis", "KPIs", "KPIs", "Save KPIs", KPIS)
KPI_STAGES = {field.key: "AR" if field.section == _AR else "CR" for field in KPIS}
TARGETS_PATH, TARGETS_HEADING, TARGETS_TABLE = "/kpis", "KPI targets", "KPI targets"
TARGET_COLUMNS = {"allocation_id": "Allocation", "claim_number": "Claim number", "kpi": "KPI",
                  "due": "Due by", "completed": "Completed on"}
# Uploads: the document type is chosen by its code (the option's value).
UPLOAD_TYPES = {"assessment_report": "REPAIRER_S_REPORT", "quote": "QUOTE",
                "scope_of_works": "SCOPE_OF_WORKS", "other": "OTHER"}
UPLOAD_FORM = Form("upload", "Upload document", "Upload document", "Upload", (
    Field("doc_type", "Document type", "code", None, tuple(UPLOAD_TYPES.values())),
    Field("file", "File", "file"), Field("description", "Description")))

# ---------------------------------------------------------------------- jobs
_ER, _MS = "Emergency Repairs", "Make Safe Scope of Work"
_AT, _AD, _PD, _RS = "Attendance", "Assessment Details", "Property Details", "Repairs Scope of Work"
MAKE_SAFE_FIELDS = (  # Opus has no make-safe job: these go into the Assessment's sections
    Field("date_make_safe_attended", "Make safe attendance date", "datetime", _ER),
    Field("emergency_repairs_required", "Emergency repairs required?", "selection", _ER, YES_NO),
    Field("emergency_repairs_done", "Emergency repairs carried out", "text", _ER),
    Field("date_emergency_repairs_completed", "Emergency repairs completed on", "datetime", _ER),
    Field("make_safe_scope", "Make safe scope of work", "text", _MS),
    Field("amount_make_safe", "Make safe cost (inc. GST)", "money", _MS),
)
ASSESSMENT_FIELDS = (  # the AR job's fields of the vendor's article 8012790, and ours
    Field("date_assessment_attended", "Assessment attendance date", "datetime", _AT),
    Field("assessor_name", "Assessor name", "char", _AT),
    Field("incident_confirmed", "Incident confirmed", "selection", _AD, YES_NO),
    Field("insurer_advised", "Insurer advised of next steps?", "selection", _AD, YES_NO),
    Field("sum_insured_adequate", "Sum Insured Adequate?", "selection", _AD, YES_NO),
    Field("insured_aware_of_repairs", "Is the insured aware of repairs they are responsible for?",
          "selection", _AD, YES_NO),
    Field("other_hazards", "Other hazards on site", "text", _AD),
    Field("meth_drug_manufacture", "Meth/drug manufacture at site", "selection", _AD, YES_NO),
    Field("building_type", "Building type", "selection", _PD, (
        ("house", "House"), ("unit", "Unit"), ("townhouse", "Townhouse"),
        ("commercial", "Commercial"), ("other", "Other"))),
    Field("wall_construction", "Wall construction", "selection", _PD, (
        ("brick_veneer", "Brick veneer"), ("double_brick", "Double brick"),
        ("weatherboard", "Weatherboard"), ("fibre_cement", "Fibre cement"),
        ("concrete", "Concrete"), ("other", "Other"))),
    Field("roof_type", "Roof type", "selection", _PD, (
        ("tile", "Tile"), ("metal", "Metal"), ("slate", "Slate"), ("other", "Other"))),
    Field("year_built", "Year built", "integer", _PD),
    Field("storeys", "Number of storeys", "integer", _PD),
    Field("repairs_scope", "Repairs scope of work", "text", _RS),
    Field("amount_repairs_estimate", "Estimated cost of repairs (inc. GST)", "money", _RS),
    Field("recommendation", "Recommendation", "selection", "Recommendation", (
        ("accept", "Accept"), ("decline", "Decline"), ("cash_settle", "Cash settle"),
        ("refer", "Refer to insurer"))),
    Field("recommendation_notes", "Recommendation notes", "text", "Recommendation"),
)
COMPLETION_FIELDS = (
    Field("date_works_start", "Works start date", "date", "Works"),
    Field("date_repairs_completed", "Repairs completed on", "date", "Works"),
    Field("customer_signoff", "Customer sign-off received?", "selection", "Works", YES_NO),
    Field("amount_final", "Final cost of repairs (inc. GST)", "money", "Works"),
    Field("completion_notes", "Completion notes", "text", "Works"),
)
TENDER_FIELDS = (
    Field("date_tender_attended", "Tender attendance date", "datetime", "Tender"),
    Field("tender_scope", "Tender scope of work", "text", "Tender"),
    Field("amount_tender", "Tender amount (inc. GST)", "money", "Tender"),
    Field("date_tender_valid_until", "Tender valid until", "date", "Tender"),
    Field("tender_notes", "Tender notes", "text", "Tender"),
)
JOB_TYPES = {job.key: job for job in (
    Form("assessment", "Assessment", "Assessment", "Save", MAKE_SAFE_FIELDS, "make_safe",
         "IAG Make Safe"),
    Form("assessment", "Assessment", "Assessment", "Submit to insurer", ASSESSMENT_FIELDS,
         "assessment", "IAG Assessment"),
    Form("completion", "Completion", "Completion", "Submit completion", COMPLETION_FIELDS,
         "completion", "IAG Completion"),
    Form("tender", "Tender", "Tender", "Submit tender", TENDER_FIELDS, "tender", "IAG Tender"),
)}

# ---------------------------------------------------------------------- codes
INCIDENT_TYPES = (  # our incident types of an IAG claim
    ("earthquake_tsunami", "Earthquake and Tsunami"), ("impact", "Impact"),
    ("accidental_damage", "Accidental Damage"), ("fire", "Fire"), ("flood", "Flood"),
    ("explosion", "Explosion"), ("storm_wind", "Storm - Wind"),
    ("theft_burglary", "Theft or Burglary"), ("other", "Other"))
INCIDENT_CODES = {  # the integration guide's codes, as the issue quotes them
    "CA": "earthquake_tsunami", "CO": "impact", "DA": "accidental_damage", "FE": "fire",
    "FL": "flood", "FS": "explosion", "GL": "other", "HB": "other", "LR": "other",
    "OT": "other", "ST": "storm_wind", "TH": "theft_burglary"}
_STAGE = "claims_base.claims_claim_stage_"
# Opus status (the vendor's vocabularies, specs/opus/README.md) -> xml id of our stage; the
# backend copies this into its editable table.
DEFAULT_STATUS_STAGES = {
    **dict.fromkeys(("Book",), _STAGE + "new"),
    **dict.fromkeys(("Scheduled", "To Be Submitted", "Authorised", "To Be Scheduled",
                     "Works in Progress"), _STAGE + "in_progress"),
    **dict.fromkeys(("Complete/Awaiting Insurer", "Awaiting Excess", "Awaiting Scope",
                     "Awaiting Contract", "Awaiting Customer", "Awaiting Insurer",
                     "Repairs Stalled - Trade", "Repairs Stalled - Customer",
                     "Repairs Stalled - Maintenance"), _STAGE + "awaiting"),
    **dict.fromkeys(("Practical Completion", "Repairs Complete"), _STAGE + "settlement"),
    **dict.fromkeys(("Closed", "Cancelled", "Cash Settled"), _STAGE + "closed"),
}
# Opus document types: the three public codes, ours for anything else, the insurer's own.
DOCUMENT_TYPES = {
    "REPAIRER_S_REPORT": "Repairer's report", "QUOTE": "Quote", "SCOPE_OF_WORKS": "Scope of works",
    "OTHER": "Other", "CLAIM_FORM": "Claim form", "PHOTOS": "Photos",
    "INSURER_REPORT": "Insurer's report"}
AU_STATES = ("ACT", "NSW", "NT", "QLD", "SA", "TAS", "VIC", "WA")


# ---------------------------------------------------------------------- functions
def incident_type(code):
    """(our incident type key, warning or None) of an Opus incident code."""
    code = (code or "").strip().upper()
    if code in INCIDENT_CODES:
        return INCIDENT_CODES[code], None
    return "other", f"Unknown Opus incident code {code or '(none)'!r}: filed as Other."


def normalize_status(status):
    """Case, spacing and dash variants of a status do not matter."""
    text = re.sub(r"\s*[-\u2010-\u2015]\s*", " - ", (status or "").strip())
    return re.sub(r"\s+", " ", re.sub(r"\s*/\s*", "/", text)).casefold()


def stage_for_status(status, status_stages=None):
    """xml id of our stage for an Opus status (``status_stages``: Opus name -> xml id, the
    backend's table; ours by default), or None when the status has no mapping."""
    table = DEFAULT_STATUS_STAGES if status_stages is None else status_stages
    wanted = normalize_status(status)
    return next((stage for name, stage in table.items() if normalize_status(name) == wanted),
                None)


def document_category(opus_type):
    """{code, name} of our document category for an Opus document type."""
    opus_type = (opus_type or "OTHER").strip().upper()
    label = DOCUMENT_TYPES.get(opus_type) or opus_type.replace("_", " ").capitalize()
    return {"code": f"opus_{opus_type.lower()}", "name": f"Opus: {label}"}


def _error(message):
    return PermanentError(message, kind="value")


def parse_value(kind, text, label):
    """Our value of a text the portal shows: ``date`` -> ``YYYY-MM-DD``; ``datetime`` (Sydney
    time) -> naive UTC ``YYYY-MM-DD HH:MM:SS``; ``money`` (``$651,000.00``) -> float. False
    when empty (0.0 for money); PermanentError (kind ``value``) when it cannot be read."""
    text = (text or "").strip()
    try:
        if kind == "money":
            cleaned = re.sub(r"[\s$,]|AUD", "", text)
            return float(cleaned) if cleaned else 0.0
        if not text:
            return False
        if kind == "date":
            return date.fromisoformat(text).isoformat()
        local = datetime.strptime(text.replace("T", " ")[:16], "%Y-%m-%d %H:%M")
        return local.replace(tzinfo=PORTAL_TZ).astimezone(timezone.utc).strftime(ODOO_DATETIME)
    except ValueError as err:
        raise _error(f"Opus's {label!r} is not a valid {kind}: {text!r}.") from err


def to_portal_datetime(value):
    """``YYYY-MM-DDTHH:MM`` in Sydney time of a UTC datetime (naive or aware, or Odoo's
    string), as a datetime-local input takes it."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value.strip().replace(" ", "T"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(PORTAL_TZ).strftime("%Y-%m-%dT%H:%M")


def is_empty(field, value):
    if value is None or value is False or (isinstance(value, str) and not value.strip()):
        return True
    return field.kind in ("integer", "money") and not value


def missing_fields(job_type, values):
    """Labels of the fields of a job type that ``values`` ({our key: value}) leaves empty, in
    the job's order; a job is sent only when there are none. Zero is empty for numbers."""
    return [field.label for field in JOB_TYPES[job_type].fields
            if is_empty(field, values.get(field.key))]


def form_texts(form, values):
    """{key: text for the portal} of our ``values`` for the fields of a ``Form`` they name;
    PermanentError naming the empty fields (kind ``missing_fields``) or unknown keys."""
    unknown = sorted(set(values) - {field.key for field in form.fields})
    missing = [field.label for field in form.fields
               if field.key in values and is_empty(field, values[field.key])]
    if unknown or missing:
        raise PermanentError(f"Nothing sent to Opus's {form.job or form.name}: " + (
            f"no field {', '.join(unknown)}." if unknown else f"fill in {', '.join(missing)}."),
            kind="value" if unknown else "missing_fields")
    return {field.key: portal_value(field, values[field.key])
            for field in form.fields if field.key in values}


def portal_value(field, value):
    """The text an input of the portal takes for our value ('' when empty): for a selection
    the label of its Opus option, a code (an option's value) or a file as it is."""
    if is_empty(field, value):
        return ""
    if field.kind in ("selection", "code"):
        labels = dict(field.choices) if field.kind == "selection" else {c: c for c in field.choices}
        if value not in labels:
            raise _error(f"{value!r} is not a choice of {field.label!r}.")
        return labels[value]
    if field.kind == "date":
        return value.isoformat() if isinstance(value, date) else parse_value(
            "date", value, field.label)
    converters = {"datetime": to_portal_datetime, "integer": lambda v: str(int(v)),
                  "money": lambda v: f"{float(v):.2f}", "file": lambda v: v}
    return converters.get(field.kind, lambda v: str(v).strip())(value)


def parse_allocation(raw, status_stages=None):
    """Our values of ``OpusClient.read_allocation``'s dict: ``claim`` (``opus_*`` for Opus's
    own fields), ``incident_type``, ``stage`` (xml id or None), ``warnings`` (for the claim and
    the exchange), ``policy``, ``policyholder`` (matched on ``opus_id`` or exact ``email``
    only), ``status_history``, ``documents`` (each with the ``category`` of its Opus type).
    PermanentError (kind ``value``) on a value that cannot be read."""
    fields, label = raw["fields"], ALLOCATION_FIELDS
    number = (fields.get("claim_number") or "").strip()
    if not number:
        raise _error(f"Allocation {raw['allocation_id']} has no claim number.")
    incident, warning = incident_type(fields.get("incident_code"))
    status = (fields.get("status") or "").strip()
    stage = stage_for_status(status, status_stages)
    warnings = [warning] if warning else []
    if stage is None:
        warnings.append(f"Opus status {status!r} has no stage mapping: the claim keeps its "
                        "stage.")
    state = (fields.get("state") or "").strip().upper()

    def text(key):
        return (fields.get(key) or "").strip() or False

    def value(kind, key):
        return parse_value(kind, fields.get(key), label[key])

    return {
        "allocation_id": raw["allocation_id"],
        "claim": {
            "insurer_claim_number": number, "date_assigned": value("date", "allocation_date"),
            "date_loss": value("date", "date_loss"), "description": text("incident_description"),
            "opus_allocation_id": raw["allocation_id"], "opus_status": status or False,
            "opus_incident_code": text("incident_code"), "opus_brand": text("brand"),
        },
        "claim_type_code": CLAIM_TYPE_CODE, "incident_type": incident, "stage": stage,
        "warnings": warnings,
        "policy": {
            "name": text("policy_number"), "line_of_business": "homeowners",
            "date_start": value("date", "policy_inception"),
            "date_inception": value("date", "policy_inception"),
            "amount_sum_insured": value("money", "sum_insured"),
        },
        "policyholder": {
            "opus_id": text("customer_id"), "name": text("policyholder_name") or number,
            "email": text("email"), "mobile": text("mobile"), "phone": text("home_phone"),
            "street": text("street"), "city": text("suburb"), "zip": text("postcode"),
            "state_code": state if state in AU_STATES else False, "country_code": "AU",
        },
        "status_history": [
            {"status": row["status"], "by": row["changed_by"], "date": parse_value(
                "datetime", row["changed_on"], HISTORY_COLUMNS["changed_on"])}
            for row in raw["status_history"]],
        "documents": [
            {"document_id": (doc["url"] or "").rsplit("/", 1)[-1], "name": doc["name"],
             "url": doc["url"],
             "opus_type": doc["type"], "category": document_category(doc["type"]),
             "date_uploaded": parse_value("datetime", doc["uploaded_on"],
                                          DOCUMENT_COLUMNS["uploaded_on"])}
            for doc in raw["documents"]],
    }


def parse_kpi_targets(rows):
    """Our values of ``OpusClient.read_kpi_targets`` rows: ``kpi`` is our key (None for a KPI
    we do not know, its label kept in ``kpi_label``), ``due`` and ``completed`` naive UTC."""
    keys = {field.label: field.key for field in KPIS}
    return [{
        "allocation_id": row["allocation_id"], "claim_number": row["claim_number"],
        "kpi": keys.get(row["kpi"]), "kpi_label": row["kpi"],
        "due": parse_value("datetime", row["due"], TARGET_COLUMNS["due"]),
        "completed": parse_value("datetime", row["completed"], TARGET_COLUMNS["completed"]),
    } for row in rows]


def breaching_soon(targets, now, hours=24):
    """Targets (``parse_kpi_targets``) not met and due before ``now`` (naive UTC) plus
    ``hours``, overdue ones included, soonest first."""
    limit = (now + timedelta(hours=hours)).strftime(ODOO_DATETIME)
    return sorted((t for t in targets if not t["completed"] and t["due"] and t["due"] <= limit),
                  key=lambda t: t["due"])
