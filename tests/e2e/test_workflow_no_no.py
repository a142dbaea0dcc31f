# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The Scope 10 "No, No" path as a broker walks it: the customer is arranging the inspection,
the broker answers "No" on the yes/no question twice and a third time; the reminder goes out
again on the second pass, then the workflow notes it was not arranged and ends on the task we
added (named as our addition)."""

import os
import tempfile
import time
from pathlib import Path

import pytest

from tests.e2e.scope10 import running_scope10_report, workflow_instance
from tests.odoo_rpc import OdooRpc

SHOTS = Path(os.environ.get("CLAIMS_SHOTS_DIR") or Path(tempfile.gettempdir()) / "claims-shots")
REMINDER = "Reminder: new Scope 10 inspection needed"
CONTROL = "Control: is the inspection arranged after the reminder?"


@pytest.fixture(scope="module")
def english_report(odoo_server, odoo_database):
    rpc = OdooRpc(odoo_server.url, odoo_database)
    rpc("res.users", "write", [rpc.uid], {"lang": "en_US", "tz": "Europe/Amsterdam"})
    report = running_scope10_report(rpc, "Garage Jansen", "office@garage-jansen.example",
                                    "en_US", "Kerkstraat 3, Deventer")
    return rpc, report


def _instance(rpc, report):
    return workflow_instance(rpc, report)


def _reminders(rpc, report):
    return rpc("mail.message", "search_count", [
        ("model", "=", "claims.inspection.report"), ("res_id", "=", report),
        ("subject", "ilike", REMINDER),
    ])


def _finish_task_and_open(rpc, page, url, report):
    """The task of the current step is done (as the broker would by hand); the next question
    waits on the report's activity. Returns that activity."""
    rpc("mail.activity", "action_done", [_instance(rpc, report)["activity_id"][0]])
    page.goto(f"{url}/odoo/claims.inspection.report/{report}")
    page.wait_for_selector(".o-mail-Chatter")
    page.wait_for_selector(".o-mail-Activity")
    return _instance(rpc, report)["activity_id"][0]


def _answer(page, rpc, report, question, button):
    """Click the answer on the question's activity; wait until the workflow has moved on (the
    chatter already shows earlier passes' steps, so their text proves nothing)."""
    page.get_by_role("button", name=button, exact=True).click()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        instance = _instance(rpc, report)
        if instance["activity_id"] and instance["activity_id"][0] != question:
            return instance
        time.sleep(0.5)
    raise AssertionError(f"the workflow did not move on after {button!r}")


def test_broker_answers_no_no_and_the_reminder_goes_again(odoo_server, desktop, sign_in,
                                                          english_report):
    rpc, report = english_report
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = desktop
    page.set_default_timeout(120_000)
    sign_in(page)
    url = odoo_server.url

    # the phone call: the customer is arranging it
    question = _finish_task_and_open(rpc, page, url, report)
    instance = _answer(page, rpc, report, question, "A) Customer knows / is arranging it")
    assert instance["step_id"][1] == "Check again whether the inspection is arranged"

    # first "No": the reminder is sent, then a control task
    question = _finish_task_and_open(rpc, page, url, report)
    instance = _answer(page, rpc, report, question, "No")
    assert instance["step_id"][1] == CONTROL
    page.get_by_text(CONTROL).first.wait_for()
    assert _reminders(rpc, report) == 1
    page.screenshot(path=str(SHOTS / "scope10_no_1.png"), full_page=True)

    # second "No": the reminder goes out again, as the description writes it
    question = _finish_task_and_open(rpc, page, url, report)
    instance = _answer(page, rpc, report, question, "No")
    assert instance["step_id"][1] == CONTROL
    page.get_by_text(CONTROL).first.wait_for()
    assert _reminders(rpc, report) == 2
    page.screenshot(path=str(SHOTS / "scope10_no_2.png"), full_page=True)

    # third "No": no third reminder; not arranged, and the task we added, named as ours
    question = _finish_task_and_open(rpc, page, url, report)
    instance = _answer(page, rpc, report, question, "No")
    ours = "Our addition (not in the Assu description): discuss the cover with the customer"
    assert instance["step_id"][1] == ours
    page.get_by_text(ours).first.wait_for()
    assert _reminders(rpc, report) == 2
    page.screenshot(path=str(SHOTS / "scope10_no_3.png"), full_page=True)

    # the task done, the workflow ends; its history lists the three answers
    rpc("mail.activity", "action_done", [instance["activity_id"][0]])
    assert _instance(rpc, report)["state"] == "done"
    page.goto(f"{url}/odoo/claims.workflow.instance/{instance['id']}")
    page.wait_for_selector(".o_form_view")
    assert page.get_by_text("Answer: No").count() == 3
    page.get_by_text("Not arranged after reminder").first.wait_for()
    page.screenshot(path=str(SHOTS / "scope10_no_history.png"), full_page=True)
    assert odoo_server.errors() == []
