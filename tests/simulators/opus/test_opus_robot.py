# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The robot (claims_opus/client.py) and its mapping, driving Chromium against the simulator."""

from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

import pytest

from odoo.addons.claims_connector.connector.exceptions import PermanentError, RetryableError
from odoo.addons.claims_opus import mapping
from odoo.addons.claims_opus.client import OpusClient, OpusPermanentError

from tests.simulators.opus import make_allocation
from tests.simulators.opus.conftest import LOGIN, PASSWORD

PNG = b"\x89PNG"
# UTC values, as Odoo keeps them; Sydney is UTC+11 in November (daylight saving).
MAKE_SAFE = {
    "date_make_safe_attended": "2026-11-20 03:30:00", "emergency_repairs_required": "yes",
    "emergency_repairs_done": "Tarp over the lifted roof sheets",
    "date_emergency_repairs_completed": "2026-11-20 06:00:00",
    "make_safe_scope": "Tarp 20 m2, isolate the ceiling light", "amount_make_safe": 480.5,
}
ASSESSMENT = {
    "date_assessment_attended": "2026-11-21 23:00:00", "assessor_name": "Sam Assessor",
    "incident_confirmed": "yes", "insurer_advised": "yes", "sum_insured_adequate": "no",
    "insured_aware_of_repairs": "yes", "other_hazards": "Asbestos eaves",
    "meth_drug_manufacture": "no", "building_type": "house", "wall_construction": "brick_veneer",
    "roof_type": "tile", "year_built": 1975, "storeys": 2,
    "repairs_scope": "Replace 20 m2 of roof tiles", "amount_repairs_estimate": 12500,
    "recommendation": "accept", "recommendation_notes": "Storm damage confirmed",
}
COMPLETION = {
    "date_works_start": "2026-12-01", "date_repairs_completed": "2026-12-12",
    "customer_signoff": "yes", "amount_final": 12880.4, "completion_notes": "All done",
}
TENDER = {
    "date_tender_attended": "2026-11-22 00:30:00", "tender_scope": "Full re-roof",
    "amount_tender": 31000, "date_tender_valid_until": "2027-01-31", "tender_notes": "Scaffold",
}


@pytest.fixture
def make_client(sim, browser):
    """Other clients on ``sim`` (another password, timeout...), closed after the test."""
    clients = []

    def make(**options):
        options = {"login": LOGIN, "password": PASSWORD, "timeout": 5, "browser": browser,
                   **options}
        clients.append(OpusClient(sim.url, **options).start())
        return clients[-1]

    yield make
    for client in clients:
        client.close()


def posts(sim):
    return [r.path for r in sim.requests if r.method == "POST" and r.path != "/login"]


def section(sim, form, legend):
    return sim.submitted(form=form)[-1]["sections"][legend]


# ---------------------------------------------------------------------- reading


def test_lists_every_allocation_of_every_page_and_opens_none(sim, opus):
    for n in range(26, 46):
        sim.add_allocation(make_allocation(n))
    opus.list_allocations()  # signed in (the first time: it lands on the list once)
    sim.requests.clear()
    rows = opus.list_allocations()
    assert [row["allocation_id"] for row in rows] == [f"ALC-{100000 + n}" for n in range(1, 46)]
    assert rows[6] == {
        "allocation_id": "ALC-100007", "claim_number": "HOM-2026-000007",
        "policyholder": "Pat Holder7", "incident_code": "GL", "status": "Book",
        "allocation_date": "2026-11-20", "url": f"{sim.url}/allocations/ALC-100007"}
    assert [r.path for r in sim.requests] == ["/allocations"] * 3, "3 pages of 20, nothing more"


def test_reads_an_allocation_with_every_field_and_its_values(sim, opus):
    raw = opus.read_allocation("ALC-100011")
    assert [r.path for r in sim.requests if r.path.startswith("/allocations/")] == [
        "/allocations/ALC-100011"], "one page load"
    data = mapping.parse_allocation(raw)
    assert data["claim"] == {
        "insurer_claim_number": "HOM-2026-000011", "date_assigned": "2026-11-20",
        "date_loss": "2026-11-18", "opus_allocation_id": "ALC-100011", "opus_status": "Book",
        "description": "Storm lifted roof sheets; water through the ceiling.",
        "opus_incident_code": "ST", "opus_brand": "NRMA Insurance"}
    assert (data["claim_type_code"], data["incident_type"], data["warnings"]) == (
        "IAG", "storm_wind", [])
    assert data["stage"] == "claims_base.claims_claim_stage_new"
    assert data["policy"] == {"name": "HOM700000011", "line_of_business": "homeowners",
                              "date_start": "2019-03-01", "date_inception": "2019-03-01",
                              "amount_sum_insured": 661000.0}
    assert data["policyholder"] == {
        "opus_id": "CUS-500011", "name": "Pat Holder11", "email": "holder11@example.com.au",
        "mobile": "0412 555 011", "phone": "02 9555 0100", "street": "11 Harbour Street",
        "city": "Sydney", "zip": "2000", "state_code": "NSW", "country_code": "AU"}
    assert data["status_history"] == [
        {"status": "Book", "by": "IAG Allocations", "date": "2026-11-19 22:00:00"}]


def test_every_incident_code_and_an_unknown_one_from_the_portal(sim, opus):
    codes = {row["incident_code"] for row in opus.list_allocations()}
    assert codes == set(mapping.INCIDENT_CODES), "the 25 allocations carry every code"
    sim.allocations["ALC-100002"]["incident_code"] = "ZZ"
    data = mapping.parse_allocation(opus.read_allocation("ALC-100002"))
    assert data["incident_type"] == "other"
    assert data["warnings"] == ["Unknown Opus incident code 'ZZ': filed as Other."]


def test_status_changes_are_read_from_the_list_and_the_history(sim, opus):
    before = {row["allocation_id"]: row["status"] for row in opus.list_allocations()}
    sim.set_status("ALC-100004", "Awaiting Excess", at="2026-11-22 11:00")
    sim.set_status("ALC-100009", "Waiting for the moon", at="2026-11-22 12:00")
    after = {row["allocation_id"]: row["status"] for row in opus.list_allocations()}
    assert {key for key in after if after[key] != before[key]} == {"ALC-100004", "ALC-100009"}
    data = mapping.parse_allocation(opus.read_allocation("ALC-100004"))
    assert data["stage"] == "claims_base.claims_claim_stage_awaiting"
    assert data["status_history"][-1] == {"status": "Awaiting Excess", "by": "IAG",
                                          "date": "2026-11-22 00:00:00"}
    unmapped = mapping.parse_allocation(opus.read_allocation("ALC-100009"))
    assert unmapped["stage"] is None and "'Waiting for the moon' has no stage mapping" in \
        unmapped["warnings"][0]


def test_documents_are_downloaded_with_their_opus_type(sim, opus):
    data = mapping.parse_allocation(opus.read_allocation("ALC-100003"))
    assert [(d["document_id"], d["opus_type"], d["category"]["code"])
            for d in data["documents"]] == [("D3-1", "CLAIM_FORM", "opus_claim_form"),
                                            ("D3-2", "PHOTOS", "opus_photos")]
    sim.requests.clear()
    content = opus.download_document(data["documents"][1]["url"])
    assert content == sim.files["ALC-100003", "D3-2"][0]
    assert [r.path for r in sim.requests] == ["/allocations/ALC-100003/documents/D3-2"]
    with pytest.raises(PermanentError) as caught:
        opus.download_document("https://elsewhere.example/file.pdf")
    assert caught.value.kind == "value"


def test_kpi_targets_are_read_from_a_slow_page(sim, opus):
    sim.kpi_delay, sim.page_size = 1.5, 100  # the table shows 1.5 s after each of 2 pages
    rows = opus.read_kpi_targets()
    assert len(rows) == 125 and rows[0]["kpi"] == "Initial contact"
    targets = mapping.parse_kpi_targets(rows)
    assert targets[0] == {"allocation_id": "ALC-100001", "claim_number": "HOM-2026-000001",
                          "kpi": "initial_contact", "kpi_label": "Initial contact",
                          "due": "2026-11-20 02:00:00", "completed": False}
    soon = mapping.breaching_soon(targets, datetime(2026, 11, 20, 0, 0), hours=12)
    assert {t["kpi"] for t in soon} == {"initial_contact"} and len(soon) == 25


# ---------------------------------------------------------------------- writing


def test_make_safe_fields_land_in_the_assessment_sections(sim, opus):
    answer = opus.submit_job("ALC-100001", "make_safe", MAKE_SAFE)
    assert answer == {"job_type": "make_safe", "message": "Assessment saved."}
    record = sim.submitted("ALC-100001", "assessment")[-1]
    assert record["action"] == "save"
    assert record["sections"]["Emergency Repairs"] == {
        "Make safe attendance date": "2026-11-20T14:30", "Emergency repairs required?": "Yes",
        "Emergency repairs carried out": "Tarp over the lifted roof sheets",
        "Emergency repairs completed on": "2026-11-20T17:00"}
    assert record["sections"]["Make Safe Scope of Work"] == {
        "Make safe scope of work": "Tarp 20 m2, isolate the ceiling light",
        "Make safe cost (inc. GST)": "480.50"}
    assert set(record["sections"]["Assessment Details"].values()) == {""}, "nothing else"
    assert sim.allocations["ALC-100001"]["status"] == "Book", "saved, not submitted"


def test_the_assessment_is_submitted_to_the_insurer_with_every_field(sim, opus):
    opus.submit_job("ALC-100001", "make_safe", MAKE_SAFE)
    answer = opus.submit_job("ALC-100001", "assessment", ASSESSMENT)
    assert answer["message"] == "Assessment submitted to insurer."
    record = sim.submitted("ALC-100001", "assessment")[-1]
    assert record["action"] == "submit"
    assert record["sections"]["Attendance"] == {
        "Assessment attendance date": "2026-11-22T10:00", "Assessor name": "Sam Assessor"}
    assert record["sections"]["Assessment Details"] == {
        "Incident confirmed": "Yes", "Insurer advised of next steps?": "Yes",
        "Sum Insured Adequate?": "No",
        "Is the insured aware of repairs they are responsible for?": "Yes",
        "Other hazards on site": "Asbestos eaves", "Meth/drug manufacture at site": "No"}
    assert record["sections"]["Property Details"] == {
        "Building type": "House", "Wall construction": "Brick veneer", "Roof type": "Tile",
        "Year built": "1975", "Number of storeys": "2"}
    assert record["sections"]["Repairs Scope of Work"]["Estimated cost of repairs (inc. GST)"] \
        == "12500.00"
    assert record["sections"]["Recommendation"]["Recommendation"] == "Accept"
    assert record["sections"]["Make Safe Scope of Work"]["Make safe cost (inc. GST)"] == \
        "480.50", "the make-safe report stays"
    assert mapping.parse_allocation(opus.read_allocation("ALC-100001"))["stage"] == \
        "claims_base.claims_claim_stage_awaiting"


def test_completion_and_tender_jobs(sim, opus):
    assert opus.submit_job("ALC-100002", "completion", COMPLETION)["message"] == \
        "Completion submitted."
    assert section(sim, "completion", "Works") == {
        "Works start date": "2026-12-01", "Repairs completed on": "2026-12-12",
        "Customer sign-off received?": "Yes", "Final cost of repairs (inc. GST)": "12880.40",
        "Completion notes": "All done"}
    assert opus.submit_job("ALC-100003", "tender", TENDER)["message"] == "Tender submitted."
    assert section(sim, "tender", "Tender")["Tender attendance date"] == "2026-11-22T11:30"


def test_a_job_with_empty_fields_is_refused_with_their_labels_before_any_page(sim, make_client):
    opus = make_client()
    with pytest.raises(PermanentError) as caught:
        opus.submit_job("ALC-100001", "assessment",
                        dict(ASSESSMENT, assessor_name=" ", year_built=0, roof_type=False))
    assert caught.value.kind == "missing_fields"
    assert caught.value.message == ("Nothing sent to Opus's IAG Assessment: fill in Assessor "
                                    "name, Roof type, Year built.")
    assert sim.requests == [], "not even signed in"


def test_completion_updates_are_timestamped_and_never_doubled(sim, opus):
    answer = opus.post_completion_update("ALC-100005", "status",
                                         "Scope of works sent to the customer",
                                         "2026-11-23 22:15:00")
    assert answer == {"posted": True, "message": "Update added."}
    assert sim.submitted("ALC-100005", "update")[-1]["fields"] == {
        "Update type": "Status/progress", "Update": "Scope of works sent to the customer",
        "Update date and time": "2026-11-24T09:15"}
    opus.post_completion_update("ALC-100005", "repair_dates", "Repairs booked 1-12 Dec",
                                "2026-11-24 01:00:00")
    again = opus.post_completion_update("ALC-100005", "status",
                                        "Scope of works sent to the customer",
                                        "2026-11-23 22:15:00")
    assert again == {"posted": False, "message": "Already in Opus."}
    assert [(u["Type"], u["Date and time"]) for u in sim.allocations["ALC-100005"]["updates"]] \
        == [("Status/progress", "2026-11-24 09:15"), ("Repair dates", "2026-11-24 12:00")]


def test_kpi_dates_are_set_and_meet_their_targets(sim, opus):
    answer = opus.set_kpis("ALC-100006", {"builder_reference": "CL-2026-0042",
                                          "initial_contact": "2026-11-19 23:10:00"})
    assert answer == {"set": ["builder_reference", "initial_contact"], "message": "KPIs saved."}
    assert sim.submitted("ALC-100006", "kpis")[-1]["changed"] == {
        "Builder reference": "CL-2026-0042", "Initial contact": "2026-11-20T10:10"}
    opus.set_kpis("ALC-100006", {"site_attend": "2026-11-20 22:00:00",
                                 "status_update": "2026-11-24 22:00:00",
                                 "estimated_end": "2026-12-15"})
    assert sim.allocations["ALC-100006"]["kpis"] == {
        "Builder reference": "CL-2026-0042", "Initial contact": "2026-11-20T10:10",
        "Site attend date": "2026-11-21T09:00", "Status update": "2026-11-25T09:00",
        "Estimated end date": "2026-12-15"}
    targets = mapping.parse_kpi_targets(opus.read_kpi_targets())
    assert all(t["completed"] for t in targets if t["allocation_id"] == "ALC-100006")
    with pytest.raises(PermanentError) as caught:
        opus.set_kpis("ALC-100006", {"site_visit": "2026-11-20 22:00:00"})
    assert caught.value.kind == "value"


def test_the_three_document_types_and_another_document_are_uploaded_typed(sim, opus):
    files = [("REPAIRER_S_REPORT", "Assessment report.pdf", b"%PDF-1.4 report"),
             ("QUOTE", "Quote Q-42.pdf", b"%PDF-1.4 quote"),
             ("SCOPE_OF_WORKS", "Scope of works Q-42.pdf", b"%PDF-1.4 scope"),
             ("OTHER", "../../Photo 1.jpg", b"\xff\xd8\xff jpeg")]
    for doc_type, filename, content in files:
        assert opus.upload_document("ALC-100007", doc_type, filename, content)["uploaded"]
    assert [(u["document_type"], u["filename"], u["content"]) for u in sim.uploads] == [
        ("REPAIRER_S_REPORT", "Assessment report.pdf", b"%PDF-1.4 report"),
        ("QUOTE", "Quote Q-42.pdf", b"%PDF-1.4 quote"),
        ("SCOPE_OF_WORKS", "Scope of works Q-42.pdf", b"%PDF-1.4 scope"),
        ("OTHER", "Photo 1.jpg", b"\xff\xd8\xff jpeg")]
    assert sim.uploads[3]["content_type"] == "image/jpeg"
    assert not opus.upload_document("ALC-100007", "QUOTE", "Quote Q-42.pdf", b"x")["uploaded"]
    assert len(sim.uploads) == 4
    with pytest.raises(PermanentError) as caught:
        opus.upload_document("ALC-100007", "CLAIM_FORM", "x.pdf", b"x")
    assert caught.value.kind == "value" and len(sim.uploads) == 4


def test_a_closed_allocation_refuses_with_opus_message(sim, opus):
    sim.set_status("ALC-100008", "Cash Settled")
    with pytest.raises(PermanentError) as caught:
        opus.set_kpis("ALC-100008", {"builder_reference": "CL-1"})
    assert caught.value.kind == "refused"
    assert "This allocation is Cash Settled: it can no longer be changed." in str(caught.value)
    assert caught.value.screenshot.startswith(PNG) and not sim.submissions


def test_an_unknown_allocation_is_permanent(sim, opus):
    with pytest.raises(PermanentError) as caught:
        opus.read_allocation("ALC-999999")
    assert caught.value.kind == "http_404"


# ---------------------------------------------------------------------- session and faults


def test_an_expired_session_is_signed_in_again_once_per_step(sim, make_client):
    opus = make_client()
    opus.list_allocations()
    sim.expire_sessions()
    raw = opus.read_allocation("ALC-100002")
    assert raw["fields"]["claim_number"] == "HOM-2026-000002" and sim.logins == 2
    sim.expire_sessions()
    assert opus.download_document(raw["documents"][0]["url"]).startswith(b"%PDF")
    sim.expire_sessions()
    opus.set_kpis("ALC-100002", {"builder_reference": "CL-7"})
    assert sim.logins == 4 and len(sim.submissions) == 1


def test_a_session_lost_again_right_after_signing_in_is_retryable(sim, make_client):
    opus = make_client()
    sim.session_ttl = 0
    with pytest.raises(RetryableError) as caught:
        opus.list_allocations()
    assert caught.value.kind == "session" and sim.logins == 2
    sim.session_ttl = 900
    assert len(opus.list_allocations()) == 25


def test_a_slow_page_is_waited_for(sim, opus):
    sim.add_fault("delay", seconds=1.5, path=r"^/allocations/ALC-100003$")
    assert opus.read_allocation("ALC-100003")["fields"]["claim_number"] == "HOM-2026-000003"


def test_a_page_slower_than_the_timeout_is_retryable_and_the_next_step_works(sim, make_client):
    client = make_client(timeout=1)
    client.list_allocations()
    sim.add_fault("delay", seconds=2.5, path=r"^/allocations/ALC-100003$")
    with pytest.raises(RetryableError) as caught:
        client.read_allocation("ALC-100003")
    assert caught.value.kind == "timeout" and caught.value.screenshot.startswith(PNG)
    assert client.read_allocation("ALC-100004")["fields"]["claim_number"] == "HOM-2026-000004"


def test_a_500_is_retryable_with_the_page_kept(sim, opus):
    sim.add_fault("status", status=500, path=r"^/allocations/ALC-100001$")
    with pytest.raises(RetryableError) as caught:
        opus.read_allocation("ALC-100001")
    err = caught.value
    assert err.kind == "http_500" and err.screenshot.startswith(PNG)
    assert "Something went wrong" in err.html and err.url.endswith("/allocations/ALC-100001")
    assert opus.read_allocation("ALC-100001")["fields"]["claim_number"] == "HOM-2026-000001"


def test_a_500_answering_a_form_wrote_nothing_and_the_retry_writes_once(sim, opus):
    sim.add_fault("status", status=500, method="POST", path=r"/assessment$")
    with pytest.raises(RetryableError) as caught:
        opus.submit_job("ALC-100001", "make_safe", MAKE_SAFE)
    assert caught.value.kind == "http_500" and not sim.submissions
    opus.submit_job("ALC-100001", "make_safe", MAKE_SAFE)
    assert len(sim.submissions) == 1


def test_a_dropped_connection_is_retryable(sim, opus):
    sim.add_fault("drop", times=5, path=r"^/allocations/ALC-100001$")
    with pytest.raises(RetryableError) as caught:
        opus.read_allocation("ALC-100001")
    assert caught.value.kind == "connection"


# ---------------------------------------------------------------------- layouts


@pytest.mark.parametrize("layout", ["classic", "variant"])
def test_every_step_works_on_both_layouts_unchanged(sim, opus, layout):
    sim.layout = layout
    assert len(opus.list_allocations()) == 25
    data = mapping.parse_allocation(opus.read_allocation("ALC-100012"))
    assert (data["claim"]["insurer_claim_number"], data["incident_type"]) == (
        "HOM-2026-000012", "theft_burglary")
    assert data["policyholder"]["email"] == "holder12@example.com.au"
    assert opus.download_document(data["documents"][0]["url"]).startswith(b"%PDF")
    opus.submit_job("ALC-100012", "make_safe", MAKE_SAFE)
    opus.submit_job("ALC-100012", "assessment", ASSESSMENT)
    assert section(sim, "assessment", "Emergency Repairs")["Emergency repairs required?"] == "Yes"
    assert section(sim, "assessment", "Property Details")["Wall construction"] == "Brick veneer"
    assert opus.post_completion_update("ALC-100012", "status", "Works in progress",
                                       "2026-12-02 00:00:00")["posted"]
    opus.set_kpis("ALC-100012", {"initial_contact": "2026-11-19 23:10:00"})
    assert opus.upload_document("ALC-100012", "QUOTE", "Quote.pdf", b"%PDF-1.4 q")["uploaded"]
    assert [r["form"] for r in sim.submissions] == [
        "assessment", "assessment", "update", "kpis", "upload"]


def test_a_renamed_field_fails_loudly_before_anything_is_written(sim, opus):
    opus.list_allocations()
    sim.renamed = {"Assessor name": "Assessor", "Roof type": "Roof"}
    with pytest.raises(PermanentError) as caught:
        opus.submit_job("ALC-100001", "assessment", ASSESSMENT)
    err = caught.value
    assert isinstance(err, OpusPermanentError) and err.kind == "layout"
    assert err.message == (
        "On the Assessment form of allocation ALC-100001, field 'Assessor name' (section "
        "'Attendance') not found; 'Roof type' (section 'Property Details') not found.")
    assert err.screenshot.startswith(PNG) and ">Assessor<" in err.html
    assert posts(sim) == [] and not sim.submissions


def test_a_renamed_label_column_or_button_fails_the_step(sim, opus):
    sim.renamed = {"Date of loss": "Loss date"}
    with pytest.raises(PermanentError, match="field 'Date of loss' not found"):
        opus.read_allocation("ALC-100001")
    sim.renamed = {"Status": "State"}
    with pytest.raises(PermanentError, match="Column 'Status' of table 'Allocations' not found"):
        opus.list_allocations()
    sim.renamed = {"Save KPIs": "Save"}
    with pytest.raises(PermanentError, match="Button 'Save KPIs' of form 'KPIs' not found"):
        opus.set_kpis("ALC-100001", {"builder_reference": "CL-1"})
    sim.renamed = {"Allocation ALC-100001": "Claim ALC-100001"}
    with pytest.raises(PermanentError, match="Heading 'Allocation ALC-100001' not found"):
        opus.read_allocation("ALC-100001")
    assert posts(sim) == []


# ---------------------------------------------------------------------- credentials and Chromium


def test_a_refused_sign_in_is_permanent_and_keeps_no_password(sim, make_client):
    client = make_client(password="wrong-Pa55word")
    with pytest.raises(PermanentError) as caught:
        client.list_allocations()
    err = caught.value
    assert err.kind == "login"
    assert err.message == "Opus refused the backend's sign-in: Invalid username or password."
    assert err.screenshot.startswith(PNG) and "Sign in to Opus" in err.html
    assert "wrong-Pa55word" not in err.message and "wrong-Pa55word" not in err.html


def test_the_password_is_emptied_and_scrubbed_before_the_page_is_kept(sim, make_client):
    client = make_client()
    client.page.goto(f"{sim.url}/login")
    client.page.get_by_label("Password", exact=True).fill(PASSWORD)
    err = client._with_evidence(OpusPermanentError(f"failed near {PASSWORD}", kind="layout"))
    assert PASSWORD not in repr(err) and PASSWORD not in str(err) and PASSWORD not in err.html
    assert client.page.get_by_label("Password", exact=True).input_value() == ""
    assert err.screenshot.startswith(PNG)


def test_a_sign_in_page_that_changed_is_left_untouched(sim, make_client):
    opus = make_client()
    sim.renamed = {"Sign in": "Log in"}
    with pytest.raises(PermanentError, match="Form 'Sign in' not found"):
        opus.list_allocations()
    assert not [r for r in sim.requests if r.method == "POST"]


def test_the_client_launches_its_own_chromium(sim):
    def run(chromium_path):  # in a thread of its own: this one runs the session's Playwright
        try:
            with OpusClient(sim.url, LOGIN, PASSWORD, chromium_path, timeout=5) as client:
                return len(client.list_allocations())
        except PermanentError as err:
            return err.kind

    with ThreadPoolExecutor(1) as pool:
        assert pool.submit(run, "/usr/bin/chromium").result() == 25
        assert pool.submit(run, "/nowhere/chromium").result() == "browser"
