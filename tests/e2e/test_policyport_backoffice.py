# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""PolicyPort in Chromium: the backend form, the exchange log, a failed exchange retried.

Odoo runs here with queue_job loaded server-wide, so the job runner performs the jobs the
buttons enqueue, against the PolicyPort simulator on loopback.
"""

import os
import tempfile
import time
from pathlib import Path

import pytest

from tests.odoo_rpc import OdooRpc
from tests.simulators.policyport import PolicyPortSimulator, make_claim

SHOTS = Path(os.environ.get("CLAIMS_SHOTS_DIR") or tempfile.gettempdir()) / "policyport"


@pytest.fixture(scope="module")
def sim():
    with PolicyPortSimulator() as simulator:
        simulator.add_claim(make_claim(1))
        simulator.add_claim(make_claim(2))
        yield simulator


def wait_for(predicate, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(1)
    return False


def test_backend_form_exchange_log_and_retry_from_the_ui(job_server, sim, desktop, sign_in):
    SHOTS.mkdir(parents=True, exist_ok=True)
    url = job_server.url
    rpc = OdooRpc(url, job_server.database)
    if not rpc("ir.model", "search_count",
               [("model", "=", "claims.policyport.backend")]):
        pytest.skip("claims_policyport is not installed in this database")
    backend_id = rpc("claims.policyport.backend", "create", {
        "name": "Gulf State desk", "endpoint": sim.url, "login": "desk", "secret": "s3cret",
        "notification_email": "desk-ops@example.com", "date_last_success": "2026-11-20 08:00:00",
        "import_journals": True,
    })
    # claim 1 fails the first time (PolicyPort down for longer than the retries)
    sim.add_fault("status", status=400, path="TV-100001$", body=(
        "<Error><Code>VALIDATION</Code><Message>Claim is locked by another user"
        "</Message></Error>"))
    page = desktop
    page.set_default_timeout(120_000)  # the first load builds the asset bundles
    sign_in(page, url=url)
    page.goto(f"{url}/odoo/action-claims_policyport.claims_policyport_backend_action/"
              f"{backend_id}")
    page.wait_for_selector(".o_form_view")
    page.get_by_role("button", name="Import now").click()

    def exchanges():
        return rpc("claims.exchange", "search_read",
                   [("backend_id", "=", backend_id), ("kind", "=", "claim")],
                   ["external_id", "state", "error_text"])

    assert wait_for(lambda: {e["state"] for e in exchanges()} == {"done", "error"}), exchanges()
    page.reload()
    page.wait_for_selector(".o_form_view")
    page.screenshot(path=str(SHOTS / "1-backend-form.png"), full_page=True)

    page.goto(f"{url}/odoo/action-claims_connector.claims_exchange_action")
    page.wait_for_selector(".o_list_view .o_data_row")
    page.screenshot(path=str(SHOTS / "2-exchange-log.png"), full_page=True)
    assert page.locator(".o_data_row").filter(has_text="TV-100001").filter(
        has_text="Failed").count() == 1

    page.locator(".o_data_row").filter(has_text="TV-100001").locator(
        "td.o_data_cell").first.click()
    page.wait_for_selector(".o_form_view")
    assert "Claim is locked by another user" in page.inner_text(".o_form_view")
    page.screenshot(path=str(SHOTS / "3-failed-exchange.png"), full_page=True)
    page.get_by_role("button", name="Retry").click()
    failed_id = next(e["id"] for e in exchanges() if e["external_id"] == "TV-100001")
    assert wait_for(lambda: next(e for e in exchanges() if e["id"] == failed_id)["state"]
                    == "done")
    page.reload()
    page.wait_for_selector(".o_form_view")
    page.screenshot(path=str(SHOTS / "4-retried-exchange.png"), full_page=True)
    assert "Done" in page.inner_text(".o_statusbar_status .o_arrow_button_current")
    page.get_by_role("button", name="Record").click()
    # the claim's form, then its chatter, which loads after it, says where it came from
    page.wait_for_function(
        "() => (document.querySelector('.o_form_view') || {}).innerText"
        "?.replace(/\\s+/g, ' ').includes('Tiva claim id TV-100001')", timeout=30000)
    page.screenshot(path=str(SHOTS / "5-imported-claim.png"), full_page=True)
    assert "Tiva claim id TV-100001" in " ".join(page.inner_text(".o_form_view").split())
    assert job_server.errors() == []
