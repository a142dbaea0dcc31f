# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A lawyer who was sent a claim package opens a free account from the link in the mail on
her phone, sets a password and lands on the claim in /my/claims; the link then works no
more. Before that, a stage change of the claim reached her by mail from the reply address
of her package.

Screenshots go to $CLAIMS_SHOTS_DIR when set (else a pytest temp dir).
"""

import base64
import os
import re
from pathlib import Path

import pytest

from tests.odoo_rpc import OdooRpc
from tests.tooling.smtp_sink import SmtpSink

LAWYER_EMAIL = "lotte.lawyer@lawfirm.example"
PASSWORD = "Lotte-Lawfirm-2026"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


@pytest.fixture
def shots(tmp_path):
    path = Path(os.environ.get("CLAIMS_SHOTS_DIR") or tmp_path)
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def smtp_sink():
    with SmtpSink() as sink:
        yield sink


def _send_package(rpc, url, smtp_sink):
    """Mail settings, a claim with a published photo, and its package sent to the lawyer."""
    company_id = rpc("res.users", "read", [rpc.uid], ["company_id"])[0]["company_id"][0]
    domains = rpc("mail.alias.domain", "search", [("name", "=", "claims.example.com")])
    domain_id = domains[0] if domains else rpc("mail.alias.domain", "create", {
        "name": "claims.example.com", "catchall_alias": "catchall", "bounce_alias": "bounce",
        "default_from": "notifications",
    })
    rpc("res.company", "write", [company_id],
        {"alias_domain_id": domain_id, "email": "desk@claims.example.com"})
    smtp_sink.route_odoo_mail(rpc)
    rpc("ir.config_parameter", "set_param", "report.url", url)
    lawyer_id = rpc("res.partner", "create", {"name": "Lotte Lawyer", "email": LAWYER_EMAIL})
    claim_id = rpc("claims.claim", "create", {"date_loss": "2026-03-02"})
    rpc("claims.document", "create", {
        "name": "front-bumper.png", "claim_id": claim_id, "is_published": True,
        "category_id": rpc.ref("claims_base.claims_document_category_photo"),
        "datas": base64.b64encode(PNG).decode(),
    })
    wizard_id = rpc("claims.package.send", "create", {
        "claim_id": claim_id, "partner_ids": [(6, 0, [lawyer_id])],
    })
    rpc("claims.package.send", "action_send", [wizard_id])
    return claim_id, rpc("claims.claim", "read", [claim_id], ["name"])[0]["name"]


def test_lawyer_opens_free_account_from_package_mail_on_phone(
    odoo_server, phone, smtp_sink, shots
):
    rpc = OdooRpc(odoo_server.url, odoo_server.database)
    claim_id, claim_name = _send_package(rpc, odoo_server.url, smtp_sink)

    # STEP 1: the package mail, with the reply address and the account link
    mail = smtp_sink.wait_for(LAWYER_EMAIL, subject=f"Claim {claim_name}: documents")
    reply_to = mail["Reply-To"].addresses[0].addr_spec
    html = mail.get_body(preferencelist=("html",)).get_content()
    link = re.search(r'href="([^"]*/claims/account/\d+/[\w-]+)"', html)[1]
    assert "Work on this claim online" in html

    # STEP 2: a stage change reaches her by mail, from the same reply address
    stages = rpc("claims.claim.stage", "search_read", [("is_closing", "=", False)], ["name"],
                 order="sequence desc, id desc", limit=1)
    rpc("claims.claim", "write", [claim_id], {"stage_id": stages[0]["id"]})
    rpc("ir.cron", "method_direct_trigger", [rpc.ref("mail.ir_cron_mail_scheduler_action")])
    update = smtp_sink.wait_for(LAWYER_EMAIL, subject=f"Claim {claim_name}: news")
    assert update["Reply-To"].addresses[0].addr_spec == reply_to
    assert stages[0]["name"] in update.get_body(preferencelist=("html",)).get_content()

    # STEP 3: the link on her phone: the claim, her address as login, a password
    phone.goto(link)
    phone.wait_for_selector("form.o_claims_package_account")
    assert claim_name in phone.content()
    assert phone.input_value("#login") == LAWYER_EMAIL
    assert phone.locator("#login").is_editable() is False
    phone.screenshot(path=shots / "account-01-form.png", full_page=True)
    phone.fill("#password", PASSWORD)
    phone.fill("#confirm_password", PASSWORD)
    with phone.expect_navigation(timeout=180000):
        phone.click("button[type=submit]")
    phone.wait_for_url(f"**/my/claims/{claim_id}", timeout=180000)
    assert claim_name in phone.content()
    assert "Lawyer" in phone.content()
    phone.screenshot(path=shots / "account-02-claim.png", full_page=True)
    phone.goto(f"{odoo_server.url}/my/claims")
    assert claim_name in phone.locator("table").inner_text()
    phone.screenshot(path=shots / "account-03-my-claims.png", full_page=True)

    # STEP 4: the link works once
    phone.context.clear_cookies()
    response = phone.goto(link)
    assert response.status == 410
    assert "already been used" in phone.content()
    phone.screenshot(path=shots / "account-04-used.png", full_page=True)
    assert odoo_server.errors() == []
