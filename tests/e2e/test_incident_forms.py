# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Reports of other lines of business on a 390x844 phone: a home owner picks "Property
damage" on the company's link and gets the property form (cause, repairs, estimate, a photo),
a broker's private client fills the private client form of their own link; the back office
shows the answers of each in their sections.

Screenshots go to $CLAIMS_SHOTS_DIR (default: the temporary directory, claims-shots/).
"""

import os
import tempfile
from pathlib import Path

import pytest
from PIL import Image

from tests.odoo_rpc import OdooRpc

SHOTS = Path(os.environ.get("CLAIMS_SHOTS_DIR") or Path(tempfile.gettempdir()) / "claims-shots")


@pytest.fixture(scope="module")
def admin(odoo_server, odoo_database):
    return OdooRpc(odoo_server.url, odoo_database)


@pytest.fixture
def home_phone(browser):
    """A 390x844 phone in Ghent that does not share its location."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
        has_touch=True, locale="en-US", timezone_id="Europe/Brussels",
    )
    page = context.new_page()
    yield page
    context.close()


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def link_token(admin, form_code=None):
    form = ("form_id.code", "=", form_code) if form_code else ("form_id", "=", False)
    links = admin("claims.incident.link", "search_read", [("active", "=", True), form],
                  fields=["token"], limit=1)
    return links[0]["token"]


def incident_of(admin, page):
    submission_uuid = page.url.split("/done/")[1].split("?")[0]
    incidents = admin("claims.incident", "search_read", [
        ("submission_uuid", "=", submission_uuid)], fields=[
        "name", "incident_type", "incident_form_id", "description", "address", "form_answers",
        "document_ids", "vehicle_id"])
    assert len(incidents) == 1, incidents
    return incidents[0]


def show_in_back_office(odoo_server, desktop, sign_in, incident, name):
    if "/odoo" not in desktop.url:
        sign_in(desktop)
    desktop.goto(
        f"{odoo_server.url}/odoo/action-claims_base.claims_incident_action/{incident['id']}")
    desktop.click(".o_notebook a:text('Answers')")
    desktop.wait_for_selector(".o_field_widget[name=form_answers_html] dl")
    desktop.locator(".o_field_widget[name=form_answers_html]").scroll_into_view_if_needed()
    desktop.screenshot(path=str(SHOTS / f"{name}.png"))
    return desktop.inner_text(".o_field_widget[name=form_answers_html]")


def test_property_form_on_a_phone(odoo_server, admin, home_phone, desktop, sign_in, tmp_path):
    page = home_phone
    page.goto(f"{odoo_server.url}/claims/report/{link_token(admin)}")
    # the kind of incident chooses the form: property damage opens the home form
    page.select_option("#incident_type", "property_damage")
    page.wait_for_selector("#q_cause")
    assert page.locator("#vehicle_id").count() == 0
    shot(page, "forms_property_1_empty")
    page.click("#submit_button")
    page.wait_for_selector("#error_q_cause")
    page.fill("#address", "Kerkstraat 12, 9000 Gent")
    page.fill("#q_damaged", "Kitchen ceiling and floor")
    page.fill("#q_estimate", "lots")
    page.click("#submit_button")
    page.wait_for_selector("#error_q_estimate")
    # what was typed stays
    assert page.input_value("#q_damaged") == "Kitchen ceiling and floor"
    shot(page, "forms_property_2_errors")
    page.select_option("#q_cause", "water")
    page.fill("#description", "A pipe burst in the bathroom upstairs.")
    page.check("input[name=q_emergency_repairs][value=yes]")
    page.fill("#q_estimate", "2500")
    photo = tmp_path / "ceiling.jpg"
    Image.new("RGB", (1200, 900), (120, 150, 190)).save(photo)
    page.set_input_files("#photo_files", str(photo))
    page.wait_for_function("document.querySelectorAll('input[name=photo_refs]').length === 1")
    page.fill("#reporter_name", "Hilde Claes")
    page.fill("#reporter_email", "hilde.claes@example.com")
    shot(page, "forms_property_3_filled")
    page.click("#submit_button")
    page.wait_for_selector("#incident_done")
    shot(page, "forms_property_4_done")
    assert page.locator("#done_message").count() == 1
    incident = incident_of(admin, page)
    assert incident["incident_type"] == "property_damage"
    assert incident["incident_form_id"][1] == "Property (home)"
    assert not incident["vehicle_id"] and len(incident["document_ids"]) == 1
    answers = {a["code"]: a["value"] for a in incident["form_answers"]}
    assert answers == {"damaged": "Kitchen ceiling and floor", "cause": "water",
                       "emergency_repairs": True, "estimate": 2500.0}
    text = show_in_back_office(odoo_server, desktop, sign_in, incident, "forms_property_5_desk")
    assert "What caused it?" in text and "Water" in text
    assert odoo_server.errors() == []


def test_private_client_form_on_a_phone(odoo_server, admin, home_phone, desktop, sign_in):
    page = home_phone
    page.goto(f"{odoo_server.url}/claims/report/{link_token(admin, 'private_client')}")
    page.wait_for_selector("#q_policy_number")
    shot(page, "forms_private_1_empty")
    page.fill("#q_policy_number", "HP-2026-0042")
    page.select_option("#q_insured_object", "valuables")
    page.select_option("#incident_type", "theft")
    page.fill("#description", "My watch was stolen from the locker at the gym.")
    page.fill("#address", "Sportlaan 3, Gent")
    page.fill("#q_estimate", "800")
    page.select_option("#q_contact_preference", "email")
    page.fill("#reporter_name", "Pieter Peeters")
    page.fill("#reporter_email", "pieter.peeters@example.com")
    shot(page, "forms_private_2_filled")
    page.click("#submit_button")
    page.wait_for_selector("#incident_done")
    shot(page, "forms_private_3_done")
    incident = incident_of(admin, page)
    assert incident["incident_type"] == "theft"
    assert incident["incident_form_id"][1] == "Private client"
    text = show_in_back_office(odoo_server, desktop, sign_in, incident, "forms_private_4_desk")
    assert "HP-2026-0042" in text and "Valuables" in text
    assert odoo_server.errors() == []
