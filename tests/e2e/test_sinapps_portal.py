# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Sinapps in Chromium: a mission arrives from the simulator; the trade sets the appointment
and sends a quote on a 390x844 phone; the platform user accepts it in the back office (validated
automatically); the trade then sets the works date and sends the invoice.

Odoo runs with queue_job loaded server-wide, so the job runner performs the jobs (the poll,
each event, each message to Sinapps) against the Sinapps simulator on loopback.
Screenshots go to $CLAIMS_SHOTS_DIR/sinapps (default: the temporary directory).
"""

import os
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.odoo_rpc import OdooRpc
from tests.simulators.sinapps import SinappsSimulator, data

SHOTS = Path(os.environ.get("CLAIMS_SHOTS_DIR") or tempfile.gettempdir()) / "sinapps"


@pytest.fixture(scope="module")
def sim():
    with SinappsSimulator() as simulator:
        simulator.mission_id = simulator.add_mission(data.make_mission(71))
        yield simulator


def wait_for(predicate, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(1)
    return False


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_trade_on_a_phone_and_platform_in_the_back_office(job_server, sim, phone, desktop,
                                                          sign_in):
    url = job_server.url
    rpc = OdooRpc(url, job_server.database)
    if not rpc("ir.model", "search_count", [("model", "=", "claims.sinapps.backend")]):
        pytest.skip("claims_sinapps is not installed in this database")
    rpc("res.users", "write", [rpc.uid], {"group_ids": [(4, rpc.ref(
        "claims_connector.group_claims_integration"))]})
    backend_id = rpc("claims.sinapps.backend", "create", {
        "name": "Sinapps e2e", "endpoint": sim.url, "login": "centre", "secret": "s3cret",
        "cursor": str(len(sim.events) - 1)})
    rpc("claims.sinapps.backend", "action_poll_now", [backend_id])
    claim_id = wait_for(lambda: rpc("claims.claim", "search", [
        ("sinapps_backend_id", "=", backend_id)]))
    assert claim_id, "the mission did not become a claim"
    claim_id = claim_id[0]
    company_id = rpc("claims.claim", "read", [claim_id], ["company_id"])[0]["company_id"][0]
    trade = (f"plomberie.e2e.{backend_id}", "plomberie-e2e-1")  # one per run of the test
    partner_id = rpc("res.partner", "create", {
        "name": "Plomberie E2E", "email": "e2e@plomberie.example", "is_company": True})
    rpc("res.users", "create", {
        "name": "Plomberie E2E", "login": trade[0], "password": trade[1],
        "partner_id": partner_id, "group_ids": [(6, 0, [rpc.ref("base.group_portal")])],
        "company_id": company_id, "company_ids": [(6, 0, [company_id])]})
    rpc("claims.participant", "create", {
        "claim_id": claim_id, "partner_id": partner_id,
        "role_id": rpc.ref("claims_base.claims_participant_role_repairer")})

    # the trade, on a phone: appointment, then a quote
    sign_in(phone, *trade, url=url, redirect=f"/my/claims/{claim_id}", ready="#sinapps")
    shot(phone, "01_trade_job")
    phone.fill("#sinapps_day", (date.today() + timedelta(days=2)).isoformat())
    phone.fill("#sinapps_start", "08:30")
    phone.fill("#sinapps_end", "10:00")
    phone.click("#sinapps_appointment_form button[type=submit]")
    phone.wait_for_selector("#sinapps_done")
    assert wait_for(lambda: sim.prestation_of(sim.mission_id).get("rendezVous"))
    pdf = SHOTS / "devis-e2e.pdf"
    SHOTS.mkdir(parents=True, exist_ok=True)
    pdf.write_bytes(data.make_pdf("DEV-E2E-1"))
    phone.fill("#quote_reference", "DEV-E2E-1")
    phone.set_input_files("#quote_pdf", str(pdf))
    phone.locator("#sinapps_quote_form input[name=line_name]").nth(0).fill("Recherche de fuite")
    phone.locator("#sinapps_quote_form input[name=line_price]").nth(0).fill("350")
    phone.click("#sinapps_quote_form button[type=submit]")
    phone.wait_for_selector("#sinapps_deposits")
    shot(phone, "02_trade_quote_sent")

    # the platform user accepts it, validated automatically
    sign_in(desktop, url=url, redirect="/odoo/action-claims_sinapps.claims_sinapps_deposit_action")
    desktop.locator(".o_data_row", has_text="DEV-E2E-1").click()
    desktop.click("button[name=action_accept]")
    desktop.locator(".modal input[type=radio]").nth(3).check()
    shot(desktop, "03_platform_accepts")
    desktop.click(".modal button[name=action_confirm]")
    assert wait_for(lambda: [q for q in sim.quotes.values() if q["reference"] == "DEV-E2E-1"
                             and q["etat"] == "Valide"])
    assert wait_for(lambda: rpc("claims.sinapps.deposit", "search_count", [
        ("claim_id", "=", claim_id), ("state", "=", "validated")]))

    # the trade sets the works date and sends the invoice
    phone.goto(f"{url}/my/claims/{claim_id}")
    phone.fill("#sinapps_works_day", (date.today() + timedelta(days=9)).isoformat())
    phone.click("#sinapps_works_form button[type=submit]")
    phone.wait_for_selector("#sinapps_invoice_form")
    assert wait_for(lambda: sim.prestation_of(sim.mission_id)["etat"] == "TravauxPlanifies")
    assert wait_for(lambda: rpc("claims.exchange", "search_count", [
        ("kind", "=", "planning"), ("state", "=", "done"), ("backend_id", "=", backend_id)]))
    phone.fill("#invoice_reference", "FAC-E2E-1")
    phone.set_input_files("#invoice_pdf", str(pdf))
    phone.locator("#sinapps_invoice_form input[name=line_name]").nth(0).fill("Travaux")
    phone.locator("#sinapps_invoice_form input[name=line_price]").nth(0).fill("350")
    phone.click("#sinapps_invoice_form button[type=submit]")
    phone.wait_for_selector("#sinapps_done")
    assert wait_for(lambda: [i for i in sim.invoices.values() if i["numero"] == "FAC-E2E-1"])
    shot(phone, "04_trade_invoice_sent")
    expected = {("DEV-E2E-1", "validated"), ("FAC-E2E-1", "deposited")}
    assert wait_for(lambda: {(d["reference"], d["state"]) for d in rpc(
        "claims.sinapps.deposit", "search_read", [("claim_id", "=", claim_id)],
        ["reference", "state"])} == expected)
