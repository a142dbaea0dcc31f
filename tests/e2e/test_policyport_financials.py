# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""PolicyPort financials in Chromium: issue, export, check and void a payment.

PolicyPort's payment is sent and paid by PolicyPort: its form offers no "Mark sent" or "Mark
paid"; its void says who voided it.

Odoo runs with queue_job loaded server-wide, so the job runner sends the payment and the void
to the PolicyPort simulator on loopback as soon as the buttons are pressed; the badges "Sent to
Tiva" and "Void sent to Tiva" are read on the form and kept as screenshots.
"""

import os
import tempfile
from datetime import date
from pathlib import Path

import pytest

from tests.e2e.test_policyport_backoffice import wait_for
from tests.odoo_rpc import OdooRpc
from tests.simulators.policyport import PolicyPortSimulator, make_claim

SHOTS = Path(os.environ.get("CLAIMS_SHOTS_DIR") or tempfile.gettempdir()) / "policyport"


@pytest.fixture(scope="module")
def sim():
    with PolicyPortSimulator() as simulator:
        simulator.add_claim(make_claim(41))
        yield simulator


def test_issue_export_check_and_void_a_payment(job_server, sim, desktop, sign_in):
    SHOTS.mkdir(parents=True, exist_ok=True)
    url = job_server.url
    rpc = OdooRpc(url, job_server.database)
    if not rpc("ir.model", "search_count", [("model", "=", "claims.policyport.backend")]):
        pytest.skip("claims_policyport is not installed in this database")
    backend_id = rpc("claims.policyport.backend", "create", {
        "name": "Gulf State financials", "endpoint": sim.url, "login": "desk",
        "secret": "s3cret", "export_mode": "asap", "export_voids": True,
        "date_last_success": "2026-11-20 08:00:00",  # fixed date: the sample claim's DateAssigned
    })
    rpc("claims.policyport.backend", "action_poll_now", [backend_id])

    def claim_ids():
        return rpc("claims.claim", "search", [("tiva_claim_id", "=", "TV-100041")])

    assert wait_for(claim_ids, timeout=120), "the claim was not imported"
    claim_id = claim_ids()[0]
    page = desktop
    page.set_default_timeout(60_000)
    sign_in(page, url=url)

    # issue: a handler drafts and requests a payment on the claim's dwelling coverage to the
    # insured (Tiva id CL-41) over RPC (the Coverage field of the form finds no coverage by
    # typing: see the report); the administrator approves it: nobody approves their own request
    claim = rpc("claims.claim", "read", [claim_id],
                ["coverage_ids", "claimant_id", "company_id"])[0]
    dwelling_id = rpc("claims.claim.coverage", "search", [
        ("id", "in", claim["coverage_ids"]), ("coverage_type_id.code", "=", "PP_DWELLING")])[0]
    company_id = claim["company_id"][0]
    rpc("res.users", "create", {
        "name": "Fin Handler", "login": "pp_fin_handler", "password": "pp_fin_handler_pw_1",
        "group_ids": [(6, 0, [rpc.ref("claims_base.group_claims_user")])],
        "company_id": company_id, "company_ids": [(6, 0, [company_id])],
    })
    handler = OdooRpc(url, job_server.database, "pp_fin_handler", "pp_fin_handler_pw_1")
    payment_id = handler("claims.payment", "create", {
        "claim_id": claim_id, "coverage_id": dwelling_id, "partner_id": claim["claimant_id"][0],
        "amount": 1250.0, "remarks": "Emergency roof tarp"})
    handler("claims.payment", "action_request", [payment_id])
    page.goto(f"{url}/odoo/action-claims_base.claims_payment_action/{payment_id}")
    page.wait_for_selector(".o_statusbar_status .o_arrow_button_current:has-text('Requested')")
    page.screenshot(path=str(SHOTS / "fin-0-payment-requested.png"), full_page=True)
    page.get_by_role("button", name="Approve").click()

    def payment():
        return rpc("claims.payment", "read", [payment_id],
                   ["state", "tiva_sync_state", "tiva_void_state", "tiva_payment_id",
                    "tiva_payable_to", "check_number"])[0]

    # export: the job runner sends it at once ("as soon as possible")
    assert wait_for(lambda: payment()["tiva_sync_state"] == "done"), payment()
    page.reload()
    page.wait_for_selector("div[name=tiva_sync_state] .o_claims_sync_badge:has-text('Successful')")
    assert "Ines Insured41" in page.locator("div[name=tiva_payable_to]").inner_text()
    # PolicyPort sends the check: no manual "Mark sent" or "Mark paid" on its payment
    assert page.locator(".o_form_view .o_statusbar_buttons").get_by_role(
        "button", name="Mark paid").count() == 0
    assert page.get_by_role("button", name="Mark sent").count() == 0
    page.screenshot(path=str(SHOTS / "fin-1-payment-sent.png"), full_page=True)
    tiva_payment_id = payment()["tiva_payment_id"]
    assert sim.payments[tiva_payment_id]["amount"] == 1250.0

    # check: PolicyPort prints it; the next run reads the check and the payment is paid
    sim.issue_check(tiva_payment_id, "700123", date.today().isoformat())
    rpc("claims.policyport.backend", "action_run_financials_now", [backend_id])
    assert wait_for(lambda: payment()["state"] == "paid"), payment()
    page.reload()
    # the form may first show the record it had, then the one it reads: wait for the latter
    page.wait_for_selector(".o_statusbar_status .o_arrow_button_current:has-text('Paid')")
    assert page.locator("div[name=check_number] input").input_value() == "700123"
    page.screenshot(path=str(SHOTS / "fin-2-payment-paid.png"), full_page=True)

    # void: sent to PolicyPort because the payment had been sent
    page.get_by_role("button", name="Void").click()
    page.locator(".modal-footer .btn-primary").click()
    page.wait_for_selector(".o_statusbar_status .o_arrow_button_current:has-text('Voided')")
    assert wait_for(lambda: payment()["tiva_void_state"] == "done"), payment()
    page.reload()
    page.wait_for_selector("div[name=tiva_void_state] .o_claims_sync_badge:has-text('Successful')")
    assert sim.payments[tiva_payment_id]["voided"]
    assert page.locator("div[name=voided_by_id]").inner_text().strip(), "who voided it"
    page.screenshot(path=str(SHOTS / "fin-3-payment-voided.png"), full_page=True)

    # the claim's payments list shows the badge too
    page.goto(f"{url}/odoo/action-claims_base.claims_claim_action/{claim_id}")
    page.wait_for_selector(".o_form_view")
    page.get_by_role("tab", name="Payments").click()
    page.screenshot(path=str(SHOTS / "fin-4-claim-payments.png"), full_page=True)
    # mark-off is on the Review tab of a PolicyPort claim (the admin has the right), not in
    # its header
    assert page.locator(".o_form_statusbar").get_by_role("button", name="Mark off").count() == 0
    page.get_by_role("tab", name="Review").click()
    page.locator("div.tab-pane.active").get_by_role("button", name="Mark off").wait_for()
    page.screenshot(path=str(SHOTS / "fin-5-claim-review.png"), full_page=True)
    assert job_server.errors() == []
