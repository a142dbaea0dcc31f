# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The simulator serves PAGEMAP.md over HTTP, and its page map agrees with claims_opus's."""

import re

import requests

from tests.simulators.opus import pagemap
from tests.simulators.opus.conftest import LOGIN, PASSWORD, csrf_of
from tests.simulators.opus.render import Layout


def labels_of(html):
    """Texts of the labels, legends, headings, captions, headers, buttons and aria-labels."""
    texts = re.findall(r"<(?:label|legend|h1|h2|h3|caption|th|button|span)[^>]*>([^<]+)<", html)
    return {text.strip() for text in texts} | set(re.findall(r"aria-label='([^']+)'", html))


def post_form(http, sim, allocation_id, form, data, files=None):
    page = http.get(f"{sim.url}/allocations/{allocation_id}/{pagemap.FORMS[form].path}",
                    timeout=5)
    data = {"csrf_token": csrf_of(page.text), **data}
    return http.post(f"{sim.url}/allocations/{allocation_id}/{form}", data=data, files=files,
                     timeout=5)


# ---------------------------------------------------------------------- sign-in and session


def test_pages_need_a_session_and_send_to_the_sign_in_page(sim):
    answer = requests.get(f"{sim.url}/allocations/ALC-100001?x=1", allow_redirects=False,
                          timeout=5)
    assert answer.status_code == 303
    assert answer.headers["Location"] == "/login?next=/allocations/ALC-100001%3Fx%3D1"
    page = requests.get(f"{sim.url}{answer.headers['Location']}", timeout=5)
    assert {"Sign in to Opus", "Username", "Password", "Sign in"} <= labels_of(page.text)


def test_sign_in_needs_the_csrf_token_of_the_form(sim):
    session = requests.Session()
    session.get(f"{sim.url}/login", timeout=5)
    refused = session.post(f"{sim.url}/login", timeout=5, data={
        "csrf_token": "forged", "username": LOGIN, "password": PASSWORD})
    assert refused.status_code == 403 and "CSRF" in refused.text
    no_cookie = requests.post(f"{sim.url}/login", timeout=5, data={
        "csrf_token": csrf_of(session.get(f"{sim.url}/login", timeout=5).text),
        "username": LOGIN, "password": PASSWORD})
    assert no_cookie.status_code == 403
    assert sim.logins == 0


def test_wrong_password_shows_an_alert_and_no_session(sim):
    session = requests.Session()
    page = session.get(f"{sim.url}/login", timeout=5)
    answer = session.post(f"{sim.url}/login", timeout=5, data={
        "csrf_token": csrf_of(page.text), "username": LOGIN, "password": "nope"})
    assert answer.status_code == 200
    assert "role='alert'>Invalid username or password.<" in answer.text
    assert session.get(f"{sim.url}/allocations", timeout=5).url.startswith(f"{sim.url}/login")


def test_sign_in_goes_to_next_and_expired_sessions_go_back(sim, http):
    assert "Allocation ALC-100001" in http.get(f"{sim.url}/allocations/ALC-100001",
                                               timeout=5).text
    sim.expire_sessions()
    answer = http.get(f"{sim.url}/allocations/ALC-100001", allow_redirects=False, timeout=5)
    assert answer.status_code == 303 and answer.headers["Location"].startswith("/login?next=")
    assert sim.logins == 1


def test_a_post_without_its_session_token_is_refused_and_records_nothing(sim, http):
    answer = http.post(f"{sim.url}/allocations/ALC-100001/kpis", timeout=5,
                       data={"action": "save", "builder_reference": "X"})
    assert answer.status_code == 403 and not sim.submissions


# ---------------------------------------------------------------------- pages


def test_the_list_has_pages_of_twenty_oldest_first(sim, http):
    first = http.get(f"{sim.url}/allocations", timeout=5).text
    second = http.get(f"{sim.url}/allocations?page=2", timeout=5).text
    assert set(pagemap.LIST_COLUMNS) <= labels_of(first)
    assert "Page 1 of 2" in first and ">Next page</a>" in first
    assert "Page 2 of 2" in second and "Next page" not in second
    assert first.count("<tr><td>") == 20 and second.count("<tr><td>") == 5
    assert first.index("ALC-100001") < first.index("ALC-100020")
    assert "ALC-100025" in second


def test_the_allocation_page_shows_every_field_by_its_label(sim, http):
    page = http.get(f"{sim.url}/allocations/ALC-100007", timeout=5).text
    labels = {field[1] for _legend, fields in pagemap.ALLOCATION_SECTIONS for field in fields}
    assert labels | {"Status history", "Documents", "Claim", "Policy"} <= labels_of(page)
    assert "value='$657,000.00'" in page and "value='HOM-2026-000007'" in page
    assert "/allocations/ALC-100007/documents/D7-1" in page
    pdf = http.get(f"{sim.url}/allocations/ALC-100007/documents/D7-1", timeout=5)
    assert pdf.headers["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert http.get(f"{sim.url}/allocations/ALC-999999", timeout=5).status_code == 404


def test_status_changes_show_in_the_list_and_the_history(sim, http):
    sim.set_status("ALC-100003", "Scheduled", at="2026-11-21 10:00")
    page = http.get(f"{sim.url}/allocations/ALC-100003", timeout=5).text
    assert "<td>Scheduled</td><td>2026-11-21 10:00</td><td>IAG</td>" in page
    assert "<td>Scheduled</td>" in http.get(f"{sim.url}/allocations", timeout=5).text


# ---------------------------------------------------------------------- forms


def test_a_form_post_is_recorded_by_section_and_label(sim, http):
    answer = post_form(http, sim, "ALC-100001", "assessment", {
        "action": "save", "ms_scope": "Tarp the roof", "ms_cost": "450.00",
        "er_required": "Y"})
    assert answer.status_code == 200 and "role='status'>Assessment saved.<" in answer.text
    record = sim.submitted("ALC-100001", "assessment")[0]
    assert record["action"] == "save"
    assert record["sections"]["Make Safe Scope of Work"] == {
        "Make safe scope of work": "Tarp the roof", "Make safe cost (inc. GST)": "450.00"}
    assert record["sections"]["Emergency Repairs"]["Emergency repairs required?"] == "Yes"
    assert record["sections"]["Attendance"] == {"Assessment attendance date": "",
                                                "Assessor name": ""}
    assert "Tarp the roof" in http.get(f"{sim.url}/allocations/ALC-100001/assessment",
                                       timeout=5).text


def test_submitting_with_empty_fields_is_refused_with_their_labels(sim, http):
    answer = post_form(http, sim, "ALC-100001", "assessment",
                       {"action": "submit", "assessor": "Sam"})
    assert answer.status_code == 200
    alert = re.search(r"role='alert'>([^<]+)<", answer.text)[1]
    assert alert.startswith("Please fill in: Assessment attendance date, Incident confirmed")
    assert "Assessor name" not in alert and "Make safe" not in alert
    assert "value='Sam'" in answer.text, "what was typed is kept"
    assert not sim.submissions and sim.allocations["ALC-100001"]["status"] == "Book"


def test_updates_kpis_and_targets(sim, http):
    post_form(http, sim, "ALC-100002", "update", {
        "action": "add", "update_type": "STATUS", "update_text": "Scope sent",
        "update_at": "2026-11-21T09:30"})
    page = http.get(f"{sim.url}/allocations/ALC-100002/completion", timeout=5).text
    assert "<td>Status/progress</td><td>Scope sent</td><td>2026-11-21 09:30</td>" in page
    post_form(http, sim, "ALC-100002", "kpis", {
        "action": "save", "initial_contact": "2026-11-20T10:05", "builder_reference": ""})
    assert sim.submitted(form="kpis")[0]["changed"] == {"Initial contact": "2026-11-20T10:05"}
    targets = {t["kpi"]: t for t in sim.allocations["ALC-100002"]["targets"]}
    assert targets["Initial contact"]["completed"] and not targets["Site attend date"][
        "completed"]
    kpis = http.get(f"{sim.url}/kpis", timeout=5).text
    assert "<template id='late-content'>" in kpis and "Page 1 of 7" in kpis


def test_an_upload_is_typed_by_its_code(sim, http):
    answer = post_form(http, sim, "ALC-100004", "upload",
                       {"action": "upload", "document_type": "SCOPE_OF_WORKS"},
                       files={"file": ("Scope.pdf", b"%PDF-1.4 scope", "application/pdf")})
    assert "Document uploaded." in answer.text and "<td>SCOPE_OF_WORKS</td>" in answer.text
    assert sim.uploads[0]["document_type"] == "SCOPE_OF_WORKS"
    assert sim.uploads[0]["content"] == b"%PDF-1.4 scope"
    refused = post_form(http, sim, "ALC-100004", "upload",
                        {"action": "upload", "document_type": "QUOTE"})
    assert "Please fill in: Document type, File." in refused.text and len(sim.uploads) == 1


def test_a_closed_allocation_refuses_every_form(sim, http):
    sim.set_status("ALC-100005", "Cancelled")
    answer = post_form(http, sim, "ALC-100005", "kpis",
                       {"action": "save", "builder_reference": "B-1"})
    assert "This allocation is Cancelled: it can no longer be changed." in answer.text
    assert not sim.submissions


# ---------------------------------------------------------------------- layouts and faults


def test_the_variant_renames_ids_and_names_but_keeps_every_label(sim, http):
    classic = http.get(f"{sim.url}/allocations/ALC-100001/assessment", timeout=5).text
    sim.layout = "variant"
    variant = http.get(f"{sim.url}/allocations/ALC-100001/assessment", timeout=5).text
    assert labels_of(classic) == labels_of(variant)
    assert "id='f_assessor'" in classic and "f_assessor" not in variant
    assert "name='assessor'" not in variant and "<fieldset>" not in variant
    layout = Layout(variant=True)
    page = http.get(f"{sim.url}/allocations/ALC-100001/kpis", timeout=5).text
    answer = http.post(f"{sim.url}/allocations/ALC-100001/kpis", timeout=5, data={
        layout.name("csrf_token"): csrf_of(page, layout.name("csrf_token")),
        layout.name("action"): layout.value("action", "save"),
        layout.name("builder_reference"): "CL-1"})
    assert "KPIs saved." in answer.text
    assert sim.submitted(form="kpis")[0]["changed"] == {"Builder reference": "CL-1"}


def test_a_renamed_label_is_shown_renamed(sim, http):
    sim.renamed = {"Date of loss": "Loss date"}
    labels = labels_of(http.get(f"{sim.url}/allocations/ALC-100001", timeout=5).text)
    assert "Loss date" in labels and "Date of loss" not in labels


def test_a_500_is_an_opus_error_page(sim, http):
    sim.add_fault("status", status=500, path=r"^/allocations/ALC-100001$")
    answer = http.get(f"{sim.url}/allocations/ALC-100001", timeout=5)
    assert answer.status_code == 500 and "Something went wrong" in answer.text
    assert http.get(f"{sim.url}/allocations/ALC-100001", timeout=5).status_code == 200


# ---------------------------------------------------------------------- the same contract


def test_the_page_map_agrees_with_the_robots_mapping():
    from odoo.addons.claims_opus import mapping  # noqa: PLC0415 - needs conftest's path

    sections = {form.key: {(legend, label): (kind, tuple(label_ for _v, label_ in options))
                           for legend, (_key, label, kind, options) in form.fields()}
                for form in pagemap.FORMS.values()}
    for job in mapping.JOB_TYPES.values():
        form = pagemap.FORMS[job.page]
        assert (job.heading, job.name) == (form.heading, form.name)
        assert job.button in dict(form.buttons).values()
        for field in job.fields:
            kind, options = sections[job.page][field.section, field.label]
            if field.kind == "selection":
                assert tuple(label for _key, label in field.choices) == options, field.label
    for our_form, form in ((mapping.KPI_FORM, pagemap.KPIS), (mapping.UPDATE_FORM,
                                                              pagemap.UPDATE)):
        assert (our_form.page, our_form.name, our_form.button) == (
            form.path, form.name, form.buttons[0][1])
        for field in our_form.fields:
            assert (field.section, field.label) in sections[form.key], field.label
    assert mapping.UPLOAD_FORM.fields[0].choices == tuple(code for code, _l in
                                                          pagemap.DOCUMENT_TYPES)
    assert list(mapping.ALLOCATION_FIELDS.values()) == [
        field[1] for _legend, fields in pagemap.ALLOCATION_SECTIONS for field in fields]
    for ours, theirs in ((mapping.LIST_COLUMNS, pagemap.LIST_COLUMNS),
                         (mapping.HISTORY_COLUMNS, pagemap.HISTORY_COLUMNS),
                         (mapping.DOCUMENT_COLUMNS, pagemap.DOCUMENT_COLUMNS),
                         (mapping.TARGET_COLUMNS, pagemap.TARGET_COLUMNS)):
        assert set(ours.values()) <= set(theirs)
    assert set(mapping.UPDATE_COLUMNS.values()) <= set(pagemap.UPDATE_COLUMNS)
    assert [field.label for field in mapping.KPIS] == list(pagemap.KPI_LABELS)
    assert set(mapping.INCIDENT_CODES) == set(pagemap.INCIDENT_CODES)
    assert set(mapping.DEFAULT_STATUS_STAGES) == set(pagemap.STATUSES)
    assert set(mapping.DOCUMENT_TYPES) == {code for code, _l in pagemap.DOCUMENT_TYPES} | set(
        pagemap.INSURER_DOCUMENT_TYPES)
