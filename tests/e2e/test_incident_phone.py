# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A driver files an incident with two photos on a 390x844 phone, through the company's
incident link and as a logged-in portal driver (who also adds the police report's PDF and says
cargo was carried); sending twice makes one incident, which the back office shows with its
documents and location, and the demo company opens its claims at once.

Screenshots go to $CLAIMS_SHOTS_DIR (default: the temporary directory, claims-shots/).
"""

import base64
import io
import os
import tempfile
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from tests.odoo_rpc import OdooRpc
from tests.simulators.toolkit import make_pdf

SHOTS = Path(os.environ.get("CLAIMS_SHOTS_DIR") or Path(tempfile.gettempdir()) / "claims-shots")
UTRECHT = {"latitude": 52.0907, "longitude": 5.1214}


@pytest.fixture(scope="module")
def admin(odoo_server, odoo_database):
    return OdooRpc(odoo_server.url, odoo_database)


@pytest.fixture
def photos(tmp_path):
    paths = []
    for index, color in enumerate(((196, 64, 64), (64, 112, 196))):
        image = Image.new("RGB", (3000, 2000), color)
        ImageDraw.Draw(image).rectangle((600, 500, 2400, 1500), fill=(235, 235, 235))
        path = tmp_path / f"damage_{index + 1}.jpg"
        image.save(path, quality=92)
        paths.append(str(path))
    return paths


@pytest.fixture
def roadside_phone(browser):
    """A 390x844 phone in Amsterdam that shares its location."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
        has_touch=True, locale="en-US", timezone_id="Europe/Amsterdam",
        geolocation=UTRECHT, permissions=["geolocation"],
    )
    page = context.new_page()
    yield page
    context.close()


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def fill_form(page, photos, reporter=None):
    page.select_option("#incident_type", "vehicle_collision")
    page.select_option("#vehicle_id", index=1)
    page.click("#locate_button")
    page.wait_for_selector("#map_link:not(.ci-hidden)")
    page.fill("#description", "A van hit my trailer while reversing at the depot.")
    page.check("input[name=has_injuries][value=no]")
    page.fill("#party_plate", "vx-123-b")
    page.fill("#party_name", "Jan Jansen")
    page.select_option("#party_insurer_id", label="Rhine Mutual")
    page.fill("#party_phone", "+31 6 9876 5432")
    page.set_input_files("#photo_files", photos)
    page.wait_for_function("document.querySelectorAll('input[name=photo_refs]').length === 2")
    for name, value in (reporter or {}).items():
        page.fill(f"#{name}", value)


def send_twice(page):
    """Send the form twice at once (a double tap on a slow network), then press the button
    twice; every send carries the same submission id."""
    statuses = page.evaluate("""async () => {
        const form = document.getElementById("incident_form");
        const send = () => fetch(form.action, {
            method: "POST", body: new FormData(form), redirect: "manual"});
        const responses = await Promise.all([send(), send()]);
        return responses.map((response) => response.type);
    }""")
    assert statuses == ["opaqueredirect", "opaqueredirect"]
    page.evaluate("""() => {
        const button = document.getElementById("submit_button");
        button.click();
        button.click();
    }""")
    page.wait_for_selector("#incident_done")
    return page.url.split("/done/")[1].split("?")[0]


def add_police_report(page, tmp_path):
    path = tmp_path / "police report.pdf"
    path.write_bytes(make_pdf("Police report 2026-118"))
    page.select_option("#document_kind", "police_report")
    page.set_input_files("#document_files", str(path))
    page.wait_for_function("document.querySelectorAll('input[name=document_refs]').length === 1")
    page.check("input[name=has_cargo][value=yes]")


def check_incident(admin, submission_uuid, reporter_name):
    incidents = admin(
        "claims.incident", "search_read", [("submission_uuid", "=", submission_uuid)],
        fields=["name", "latitude", "longitude", "document_ids", "reporter_id", "map_url",
                "vehicle_id", "party_ids", "has_cargo", "claim_ids"],
    )
    assert len(incidents) == 1, incidents
    incident = incidents[0]
    pdfs = admin("claims.document", "search_read", [
        ("id", "in", incident["document_ids"]), ("mimetype", "=", "application/pdf")],
        fields=["category_id", "name"])
    assert [(d["category_id"][1], d["name"]) for d in pdfs] == (
        [("Police report", "police report.pdf")] if incident["has_cargo"] else [])
    incident["document_ids"] = sorted(set(incident["document_ids"]) - {d["id"] for d in pdfs})
    assert len(incident["document_ids"]) == 2
    assert abs(incident["latitude"] - UTRECHT["latitude"]) < 1e-4
    assert abs(incident["longitude"] - UTRECHT["longitude"]) < 1e-4
    assert "openstreetmap.org" in incident["map_url"]
    assert incident["reporter_id"][1] == reporter_name
    assert incident["vehicle_id"] and incident["party_ids"]
    documents = admin("claims.document", "read", incident["document_ids"],
                           fields=["category_id", "mimetype", "file_size"])
    assert {d["category_id"][1] for d in documents} == {"Photos"}
    assert {d["mimetype"] for d in documents} == {"image/jpeg"}
    # resized in the browser: 3000x2000 becomes at most 1600 px wide
    attachment = admin("claims.document", "read", incident["document_ids"][:1],
                            fields=["datas"])[0]
    width, height = Image.open(io.BytesIO(base64.b64decode(attachment["datas"]))).size
    assert max(width, height) == 1600
    return incident


def test_incident_link_on_a_phone(
    odoo_server, admin, roadside_phone, photos, desktop, sign_in
):
    page = roadside_phone
    link = admin("claims.incident.link", "search_read", [("active", "=", True)],
                      fields=["token", "company_id"], limit=1)[0]
    page.goto(f"{odoo_server.url}/claims/report/{link['token']}")
    shot(page, "link_1_form_empty")
    page.click("#submit_button")
    page.wait_for_selector(".ci-error")
    assert page.locator("#error_incident_type").is_visible()
    assert page.locator("#error_reporter_name").is_visible()
    shot(page, "link_2_errors")
    fill_form(page, photos, {"reporter_name": "Piet Bakker",
                             "reporter_phone": "+31 6 1111 2222",
                             "reporter_email": "piet.bakker@example.com"})
    shot(page, "link_3_filled")
    submission_uuid = send_twice(page)
    shot(page, "link_4_done")
    assert page.inner_text("#photo_count") == "2"
    incident = check_incident(admin, submission_uuid, "Piet Bakker")

    sign_in(desktop)
    desktop.goto(
        f"{odoo_server.url}/odoo/action-claims_base.claims_incident_action/{incident['id']}")
    desktop.wait_for_selector(".o_form_view .o_field_widget[name=latitude]")
    desktop.wait_for_selector("button[name=action_view_documents] .o_stat_value:text('2')")
    assert desktop.locator(".o_field_widget[name=map_url] a").count() == 1
    shot(desktop, "backoffice_incident")
    assert odoo_server.errors() == []


def test_portal_driver_on_a_phone(
    odoo_server, admin, roadside_phone, photos, sign_in, tmp_path
):
    page = sign_in(
        roadside_phone, "driver", "driver", redirect="/my/incident/new",
        ready="#incident_form",
    )
    assert page.locator("#reporter_name").count() == 0
    fill_form(page, photos)
    add_police_report(page, tmp_path)
    shot(page, "driver_1_filled")
    submission_uuid = send_twice(page)
    shot(page, "driver_2_done")
    assert page.inner_text("#document_count") == "1"
    incident = check_incident(admin, submission_uuid, "Dirk de Vries")
    assert incident["has_cargo"]
    # the demo company opens the rules' claims at once, and the page names them
    claims = admin("claims.claim", "read", incident["claim_ids"], fields=["name"])
    assert claims and page.inner_text("#claim_names") == ", ".join(c["name"] for c in claims)
    # later, the driver follows it from their account
    page.click("#incident_follow")
    page.wait_for_selector(".o_portal_incident")
    assert incident["name"] in page.inner_text("h2")
    assert page.locator("#incident_documents tr").count() == 3
    shot(page, "driver_3_incident")
    page.goto(f"{odoo_server.url}/my/incidents")
    assert page.locator(f"a:has-text('{incident['name']}')").count() == 1
    assert odoo_server.errors() == []
