# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A handler sends a claim package from Chromium; the lawyer's mail carries the zip and a real
PDF summary, written for outsiders (no money, no desk notes); the lawyer's reply, handed to the
mail gateway as the mailgate script does, comes back into the claim with its attachment as a
document. Package and reply are internal messages of the claim.

Screenshots, the zip and the PDF go to $CLAIMS_SHOTS_DIR when set (else a pytest temp dir).
"""

import base64
import io
import os
import zipfile
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.odoo_rpc import OdooRpc
from tests.tooling.smtp_sink import SmtpSink

LAWYER_EMAIL = "lara.lawyer@lawfirm.example"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
REPLY_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]"
    b"/Count 1>>endobj 3 0 obj<</Type/Page/MediaBox[0 0 200 200]/Parent 2 0 R>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
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


def _set_up_claim(rpc, url, smtp_sink):
    """Mail settings (alias domain, outgoing server to the sink) and a claim with documents."""
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
    lawyer_id = rpc("res.partner", "create", {"name": "Lara Lawyer", "email": LAWYER_EMAIL})
    coverage_type_id = rpc("claims.coverage.type", "create",
                           {"name": "Own damage", "code": "E2E-OD"})
    claim_id = rpc("claims.claim", "create", {
        "description": "Rear-ended at a traffic light; the other driver disputes liability.",
        "date_loss": "2026-03-02",
        "coverage_ids": [(0, 0, {"coverage_type_id": coverage_type_id, "amount_limit": 25000})],
        "participant_ids": [(0, 0, {
            "partner_id": lawyer_id,
            "role_id": rpc("ir.model.data", "check_object_reference", "claims_base",
                           "claims_participant_role_lawyer")[1],
        })],
    })
    categories = {
        code: rpc("ir.model.data", "check_object_reference", "claims_base",
                  f"claims_document_category_{code}")[1]
        for code in ("photo", "police_report", "medical")
    }
    for name, content, category, published in (
        ("front-bumper.png", PNG, "photo", True),
        ("police-report.pdf", REPLY_PDF, "police_report", True),
        ("medical-note.pdf", REPLY_PDF, "medical", False),
    ):
        rpc("claims.document", "create", {
            "name": name, "claim_id": claim_id, "category_id": categories[category],
            "is_published": published, "datas": base64.b64encode(content).decode(),
        })
    coverage_id = rpc("claims.claim", "read", [claim_id], ["coverage_ids"])[0]["coverage_ids"][0]
    rpc("claims.reserve.line", "create", {
        "coverage_id": coverage_id, "amount_change": 8000, "reason": "first estimate"})
    return claim_id, rpc("claims.claim", "read", [claim_id], ["name"])[0]["name"]


def test_handler_sends_package_and_lawyer_reply_comes_back(
    odoo_server, desktop, sign_in, smtp_sink, shots
):
    rpc = OdooRpc(odoo_server.url, odoo_server.database)
    claim_id, claim_name = _set_up_claim(rpc, odoo_server.url, smtp_sink)
    page = sign_in(desktop)

    # STEP 1: the claim, then the wizard with the lawyer and the published documents
    page.goto(f"{odoo_server.url}/odoo/action-claims_base.claims_claim_action/{claim_id}")
    page.wait_for_selector(".o_form_view button:has-text('Send claim package')")
    page.click("button:has-text('Send claim package')")
    dialog = page.locator(".modal-dialog")
    dialog.wait_for()
    dialog.locator("div[name=partner_ids] input").fill("Lara")
    page.locator(".o-autocomplete--dropdown-item:has-text('Lara Lawyer')").first.click()
    dialog.locator("div[name=partner_ids] .o_tag:has-text('Lara Lawyer')").wait_for()
    rows = dialog.locator("div[name=document_ids] .o_data_row")
    assert rows.count() == 2, "the published documents only, not the medical note"
    page.screenshot(path=shots / "01-send-package-wizard.png")
    dialog.locator("button[name=action_send]").click()
    page.wait_for_selector(".modal-dialog", state="detached")

    # STEP 2: the mail as the lawyer receives it: a zip and a real PDF summary
    mail = smtp_sink.wait_for(LAWYER_EMAIL, subject=f"Claim {claim_name}: documents")
    html = mail.get_body(preferencelist=("html",)).get_content()
    (shots / "mail-to-lawyer.html").write_text(html)
    files = {part.get_filename(): part.get_content() for part in mail.iter_attachments()}
    zip_name = next(name for name in files if name.endswith(".zip"))
    pdf_name = next(name for name in files if name.endswith(".pdf"))
    (shots / zip_name).write_bytes(files[zip_name])
    (shots / pdf_name).write_bytes(files[pdf_name])
    with zipfile.ZipFile(io.BytesIO(files[zip_name])) as archive:
        assert sorted(archive.namelist()) == ["front-bumper.png", "police-report.pdf"]
    pages = PdfReader(io.BytesIO(files[pdf_name])).pages
    text = " ".join(" ".join(pdf_page.extract_text() for pdf_page in pages).split())
    assert claim_name in text and "Lara Lawyer" in text and "front-bumper.png" in text
    assert "8,000" not in text and "25,000" not in text, "the outsiders' summary has no money"
    assert "disputes liability" not in text, "nor the desk's description"
    reply_to = mail["Reply-To"].addresses[0].addr_spec
    assert reply_to.startswith("claims+") and reply_to.endswith("@claims.example.com")

    page.locator(".o-mail-Message:has-text('front-bumper.png')").first.wait_for()
    page.screenshot(path=shots / "02-claim-package-in-chatter.png", full_page=True)
    mail_page = page.context.new_page()
    mail_page.set_content(html)
    mail_page.screenshot(path=shots / "02b-mail-as-the-lawyer-sees-it.png", full_page=True)
    mail_page.close()

    # STEP 3: the lawyer replies with a new subject and no References, as the mailgate does
    reply = EmailMessage()
    reply["From"] = f"Lara Lawyer <{LAWYER_EMAIL}>"
    reply["To"] = reply_to
    reply["Subject"] = "Our client's position"
    reply["Message-ID"] = make_msgid(domain="lawfirm.example")
    reply.set_content("Dear desk,\n\nOur client contests the liability split. Letter attached.\n")
    reply.add_attachment(REPLY_PDF, maintype="application", subtype="pdf",
                         filename="letter-of-position.pdf")
    rpc("mail.thread", "message_process", False, reply.as_string())
    documents = rpc("claims.document", "search_read", [("claim_id", "=", claim_id)],
                    ["name", "category_id"])
    letter = [d for d in documents if d["name"] == "letter-of-position.pdf"]
    assert letter and letter[0]["category_id"][1] == "Correspondence"
    logged = rpc("mail.message", "search_read", [
        ("model", "=", "claims.claim"), ("res_id", "=", claim_id),
        ("message_type", "in", ["comment", "email"]),
    ], ["subject", "is_internal", "subtype_id"])
    by_subtype = {message["subtype_id"][1]: message for message in logged}
    assert by_subtype["Package sent"]["is_internal"], "the package is the desk's"
    assert by_subtype["Package reply"]["is_internal"], "so is the reply"

    page.reload()
    page.locator(".o-mail-Message:has-text('contests the liability')").first.wait_for()
    page.click("a[name=documents], .o_notebook a:has-text('Documents')")
    page.screenshot(path=shots / "03-reply-on-claim.png", full_page=True)
    assert odoo_server.errors() == []
