# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A Dutch-speaking broker answers the Scope 10 workflow's questions from the activity in the
chatter of an inspection report, then reads the workflow's history."""

import os
import tempfile
from pathlib import Path

import pytest

from tests.e2e.scope10 import running_scope10_report, workflow_instance
from tests.odoo_rpc import OdooRpc

SHOTS = Path(os.environ.get("CLAIMS_SHOTS_DIR") or Path(tempfile.gettempdir()) / "claims-shots")


@pytest.fixture(scope="module")
def dutch_report(odoo_server, odoo_database):
    rpc = OdooRpc(odoo_server.url, odoo_database)
    lang = rpc("res.lang", "search_read", [("code", "=", "nl_NL"), ("active", "in", (0, 1))],
               ["id"])[0]
    wizard = rpc("base.language.install", "create", {"lang_ids": [(6, 0, [lang["id"]])]})
    rpc("base.language.install", "lang_install", [wizard])
    rpc("res.users", "write", [rpc.uid], {"lang": "nl_NL", "tz": "Europe/Amsterdam"})
    report = running_scope10_report(rpc, "Bakkerij De Vries", "info@bakkerij-devries.example",
                                    "nl_NL", "Dorpsstraat 12, Zwolle")
    return rpc, report


def _instance(rpc, report):
    return workflow_instance(rpc, report, context={"lang": "nl_NL"})


def _open_report(page, url, report):
    page.goto(f"{url}/odoo/claims.inspection.report/{report}")
    page.wait_for_selector(".o-mail-Chatter")
    page.wait_for_selector(".o-mail-Activity")


def test_dutch_broker_answers_from_the_activity(odoo_server, desktop, dutch_report):
    rpc, report = dutch_report
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = desktop
    page.set_default_timeout(120_000)
    page.goto(f"{odoo_server.url}/web/login")
    page.fill("input[name=login]", "admin")
    page.fill("input[name=password]", "admin")
    page.click("button[type=submit]")
    try:
        page.wait_for_selector(".o_navbar")
    except Exception:
        page.screenshot(path=str(SHOTS / "0_login_failed.png"))
        raise

    # the phone task is done; the multiple-choice question waits on the activity
    instance = _instance(rpc, report)
    assert instance["state"] == "task"
    rpc("mail.activity", "action_done", [instance["activity_id"][0]])
    _open_report(page, odoo_server.url, report)
    answer_a = page.get_by_role("button", name="A) Klant is op de hoogte / regelt het")
    answer_a.wait_for()
    assert page.locator(".o-claims-WorkflowAnswer").count() == 3
    assert page.locator(".o-mail-Activity-markDone").count() == 0
    page.screenshot(path=str(SHOTS / "1_question_on_activity_nl.png"), full_page=True)
    answer_a.click()
    page.get_by_text("Opnieuw nagaan of de keuring geregeld is").first.wait_for()
    assert _instance(rpc, report)["state"] == "task"

    # the check-again task is done: the yes/no question; answer No
    rpc("mail.activity", "action_done", [_instance(rpc, report)["activity_id"][0]])
    _open_report(page, odoo_server.url, report)
    page.get_by_role("button", name="Nee", exact=True).click()
    page.get_by_text("Controle: is de keuring na de herinnering geregeld?").first.wait_for()
    page.screenshot(path=str(SHOTS / "2_after_no_nl.png"), full_page=True)
    instance = _instance(rpc, report)
    assert instance["step_id"][1] == "Controle: is de keuring na de herinnering geregeld?"

    # the history on the instance form, in Dutch
    page.goto(f"{odoo_server.url}/odoo/claims.workflow.instance/{instance['id']}")
    page.wait_for_selector(".o_form_view")
    page.get_by_text("Antwoord: A) Klant is op de hoogte / regelt het").first.wait_for()
    page.get_by_text("Antwoord: Nee").first.wait_for()
    page.screenshot(path=str(SHOTS / "3_instance_history_nl.png"), full_page=True)
    assert odoo_server.errors() == []
