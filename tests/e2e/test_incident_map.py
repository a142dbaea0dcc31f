# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The incident map, drawn by our widget from a tile server of the settings: a driver taps the
place on a 390x844 phone, a handler clicks it on the back-office form, and without tiles the
phone form still files the report with the typed address.

Screenshots go to $CLAIMS_SHOTS_DIR (default: the temporary directory, claims-shots/).
"""

import io
import os
import re
import tempfile
from pathlib import Path

import pytest
from PIL import Image

from tests.odoo_rpc import OdooRpc
from tests.simulators.toolkit import Response, Simulator, route

SHOTS = Path(os.environ.get("CLAIMS_SHOTS_DIR") or Path(tempfile.gettempdir()) / "claims-shots")
TILE_PARAM = "claims_base.map_tile_url"


class TileServer(Simulator):
    """Plain 256-pixel PNG tiles at /{z}/{x}/{y}.png, each request recorded."""

    @route("GET", r"^/(?P<z>\d+)/(?P<x>\d+)/(?P<y>\d+)\.png$")
    def tile(self, request):
        buffer = io.BytesIO()
        Image.new("RGB", (256, 256), (214, 230, 204)).save(buffer, "PNG")
        return Response(200, buffer.getvalue(), content_type="image/png")


@pytest.fixture(scope="module")
def admin(odoo_server, odoo_database):
    return OdooRpc(odoo_server.url, odoo_database)


@pytest.fixture
def tiles(admin):
    with TileServer() as server:
        before = admin("ir.config_parameter", "get_param", TILE_PARAM)
        admin("ir.config_parameter", "set_param", TILE_PARAM,
              f"{server.url}/{{z}}/{{x}}/{{y}}.png")
        yield server
        admin("ir.config_parameter", "set_param", TILE_PARAM, before or False)


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def open_link_form(page, odoo_server, admin):
    link = admin("claims.incident.link", "search_read", [("active", "=", True)],
                 fields=["token"], limit=1)[0]
    page.goto(f"{odoo_server.url}/claims/report/{link['token']}?lang=en_US")
    page.wait_for_selector("#place_map.cm-map")


def fill_the_rest(page, address):
    page.select_option("#incident_type", "theft")
    page.select_option("#vehicle_id", index=1)
    page.fill("#address", address)
    page.fill("#description", "The trailer's tarpaulin was cut open overnight.")
    page.check("input[name=has_injuries][value=no]")
    page.fill("#reporter_name", "Mila Maas")
    page.fill("#reporter_phone", "+31 6 2222 3333")


def send(page, admin):
    page.click("#submit_button")
    page.wait_for_selector("#incident_done")
    submission = page.url.split("/done/")[1].split("?")[0]
    return admin("claims.incident", "search_read", [("submission_uuid", "=", submission)],
                 fields=["latitude", "longitude", "address"])[0]


def test_a_tap_on_the_phone_map_sets_the_point(odoo_server, admin, phone, tiles):
    open_link_form(page := phone, odoo_server, admin)
    page.wait_for_function(
        "[...document.querySelectorAll('#place_map .cm-tile')].some(i => i.naturalWidth)")
    assert all(re.match(r"^/6/\d+/\d+\.png$", r.path) for r in tiles.requests), \
        "a map without a point starts where the settings say (zoom 6)"
    page.locator("#place_map").scroll_into_view_if_needed()
    box = page.locator("#place_map").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert page.locator("#place_map .cm-marker").is_visible()
    assert page.inner_text("#locate_status").startswith("Place set on the map:")
    latitude = float(page.input_value("#latitude"))
    longitude = float(page.input_value("#longitude"))
    # the middle of the map is its start: 50.85, 4.35 (within a pixel at zoom 6)
    assert abs(latitude - 50.85) < 0.1 and abs(longitude - 4.35) < 0.1
    page.click("#place_map .cm-zoom >> nth=0")
    page.wait_for_function(
        "[...document.querySelectorAll('#place_map .cm-tile')].some(i => i.src.includes('/7/'))")
    fill_the_rest(page, "Havenstraat 12, Antwerpen")
    shot(page, "map_1_phone_point")
    incident = send(page, admin)
    assert (incident["latitude"], incident["longitude"]) == (latitude, longitude)
    assert incident["address"] == "Havenstraat 12, Antwerpen", "the typed address is kept"
    assert odoo_server.errors() == []


def test_without_tiles_the_phone_form_still_files(odoo_server, admin, phone, tiles):
    tiles.add_fault("status", status=503, times=1000)
    open_link_form(page := phone, odoo_server, admin)
    page.wait_for_selector("#place_map .cm-notice:not([hidden])")
    fill_the_rest(page, "A12 exit 5, Utrecht")
    shot(page, "map_2_phone_no_tiles")
    incident = send(page, admin)
    assert incident["address"] == "A12 exit 5, Utrecht"
    assert (incident["latitude"], incident["longitude"]) == (0, 0)


def test_a_click_on_the_incident_form_map_sets_the_point(
    odoo_server, admin, desktop, tiles, sign_in
):
    incident_id = admin("claims.incident", "search", [], limit=1, order="id")[0]
    admin("claims.incident", "write", [incident_id], {"latitude": 51.9225, "longitude": 4.4792})
    page = sign_in(desktop)
    page.goto(f"{odoo_server.url}/odoo/action-claims_base.claims_incident_action/{incident_id}")
    page.wait_for_selector(".o_claims_map .cm-marker:not([hidden])")
    page.wait_for_function("[...document.querySelectorAll('.o_claims_map .cm-tile')]"
                           ".some(i => i.naturalWidth && i.src.includes('/15/'))")
    box = page.locator(".o_claims_map").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2 + 100, box["y"] + box["height"] / 2)
    page.click(".o_form_button_save")
    page.wait_for_selector(".o_form_button_save", state="hidden")
    shot(page, "map_3_backoffice")
    saved = admin("claims.incident", "read", [incident_id], ["latitude", "longitude"])[0]
    assert saved["latitude"] == pytest.approx(51.9225, abs=1e-4), "same row, same latitude"
    assert saved["longitude"] > 4.4792 + 0.001, "100 pixels east at zoom 15"
    assert odoo_server.errors() == []
