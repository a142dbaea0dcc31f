# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""PolicyPort's vendors in Chromium: the vendor list read from the backend's button, the
Vendors menu of Claims with the Tiva Payee IDs, and a vendor's form whose contact type is kept.

Odoo runs with queue_job loaded server-wide: the job runner reads the vendor list from the
PolicyPort simulator on loopback as soon as the button is pressed.
"""

import os
import tempfile
from pathlib import Path

import pytest

from tests.e2e.test_policyport_backoffice import wait_for
from tests.odoo_rpc import OdooRpc
from tests.simulators.policyport import PolicyPortSimulator
from tests.simulators.policyport.data import make_vendor

SHOTS = Path(os.environ.get("CLAIMS_SHOTS_DIR") or tempfile.gettempdir()) / "policyport"


@pytest.fixture(scope="module")
def sim():
    with PolicyPortSimulator() as simulator:
        simulator.add_vendor(make_vendor(610, CompanyName="Gulf Roofing Co", City="Clearwater"))
        for n in range(611, 616):
            simulator.add_vendor(make_vendor(n))
        yield simulator


def test_vendor_list_in_the_vendors_menu_with_payee_ids(job_server, sim, desktop, sign_in):
    SHOTS.mkdir(parents=True, exist_ok=True)
    url = job_server.url
    rpc = OdooRpc(url, job_server.database)
    if not rpc("ir.model", "search_count", [("model", "=", "claims.policyport.backend")]):
        pytest.skip("claims_policyport is not installed in this database")
    backend_id = rpc("claims.policyport.backend", "create", {
        "name": "Gulf State vendors", "endpoint": sim.url, "login": "desk", "secret": "s3cret"})
    page = desktop
    page.set_default_timeout(60_000)
    sign_in(page, url=url)
    page.goto(f"{url}/odoo/action-claims_policyport.claims_policyport_backend_action/"
              f"{backend_id}")
    page.wait_for_selector(".o_form_view")
    page.get_by_role("button", name="Import vendors").click()

    def payees():
        return rpc("claims.policyport.vendor", "search_read",
                   [("backend_id", "=", backend_id)], ["payee_id", "partner_id"])

    assert wait_for(lambda: len(payees()) == 6), payees()

    # Claims > Vendors, from the app's menu
    page.goto(f"{url}/odoo/action-claims_base.claims_claim_action")
    page.wait_for_selector(".o_list_view, .o_kanban_view")
    page.locator(".o_main_navbar").get_by_text("Claims", exact=True).last.click()
    page.locator(".dropdown-menu").get_by_text("Vendors", exact=True).click()
    page.wait_for_selector(".o_list_view .o_data_row")
    row = page.locator(".o_data_row").filter(has_text="Gulf Roofing Co")
    assert row.count() == 1
    assert "VN-610" in row.inner_text()
    page.screenshot(path=str(SHOTS / "vendors-1-menu.png"), full_page=True)

    # a vendor's form: its Payee ID per backend, its contact type kept, and why
    row.locator("td.o_data_cell").first.click()
    page.wait_for_selector(".o_form_view")
    page.get_by_role("tab", name="Claims vendor").click()
    assert "VN-610" in page.locator("div[name=tiva_vendor_ids]").inner_text()
    alert = page.locator("div[name=contact_type_frozen]")
    assert "its contact type cannot be changed" in alert.inner_text()
    assert page.locator("div[name=claims_contact_type] select").count() == 0, "read-only"
    page.screenshot(path=str(SHOTS / "vendors-2-vendor-form.png"), full_page=True)
    assert job_server.errors() == []
