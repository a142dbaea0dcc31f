# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A handler reads who changed a field, and re-files and drops documents, in a real Chromium.

The data is made over the web client's JSON-RPC in the installed test database: a handler, a
claim whose insurer's claim number the handler changed, and images and PDFs filed as documents.
"""

import base64
import io
import os
import time
import uuid

import pytest

from tests.odoo_rpc import OdooRpc

HANDLER_PASSWORD = "handler-e2e-password"


def _png(color, text):
    from PIL import Image, ImageDraw  # noqa: PLC0415 - Odoo's own dependency

    image = Image.new("RGB", (640, 420), color)
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 260, 600, 380), fill=(40, 40, 40))
    draw.ellipse((90, 330, 190, 430), fill=(10, 10, 10))
    draw.ellipse((450, 330, 550, 430), fill=(10, 10, 10))
    draw.text((50, 40), text, fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue()).decode()


def _pdf(title, lines):
    from reportlab.lib.pagesizes import A4  # noqa: PLC0415 - Odoo's own dependency
    from reportlab.pdfgen import canvas  # noqa: PLC0415

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFont("Helvetica-Bold", 28)
    pdf.drawString(60, 760, title)
    pdf.setFont("Helvetica", 14)
    for number, line in enumerate(lines):
        pdf.drawString(60, 710 - 24 * number, line)
    pdf.rect(60, 300, 470, 260)
    pdf.save()
    return base64.b64encode(buffer.getvalue()).decode()


@pytest.fixture(scope="module")
def claim_data(odoo_server):
    admin = OdooRpc(odoo_server.url, odoo_server.database, "admin", "admin")
    company_id = admin("res.users", "read", [admin.uid], ["company_id"])[0]["company_id"][0]
    login = f"handler-{uuid.uuid4().hex[:8]}"
    handler_id = admin("res.users", "create", {
        "name": "Hanna Handler",
        "login": login,
        "password": HANDLER_PASSWORD,
        "company_id": company_id,
        "company_ids": [(6, 0, [company_id])],
        "group_ids": [(6, 0, [admin.ref("claims_base.group_claims_user")])],
    })
    claim_id = admin("claims.claim", "create", {
        "company_id": company_id, "insurer_claim_number": "INS-OLD-17"})
    handler = OdooRpc(odoo_server.url, odoo_server.database, login, HANDLER_PASSWORD)
    handler("claims.claim", "write", [claim_id], {"insurer_claim_number": "INS-NEW-42"})
    photos = admin.ref("claims_base.claims_document_category_photo")
    police = admin.ref("claims_base.claims_document_category_police_report")
    estimates = admin.ref("claims_base.claims_document_category_estimate_invoice")
    documents = {}
    for name, category, datas in (
        ("front-left.png", photos, _png((180, 40, 40), "front left")),
        ("rear.png", photos, _png((40, 90, 170), "rear")),
        ("police-report.pdf", police, _pdf("Police report", ["Case 2026/0417", "A12 exit 5"])),
        ("garage-estimate.pdf", estimates, _pdf("Estimate", ["Bumper 640.00", "Paint 310.00"])),
    ):
        documents[name] = handler("claims.document", "create", {
            "name": name, "claim_id": claim_id, "category_id": category, "datas": datas})
    return {
        "admin": admin, "handler": handler, "login": login, "handler_id": handler_id,
        "claim_id": claim_id, "documents": documents,
        "categories": {"photos": photos, "police": police, "estimates": estimates},
    }


def _shots():
    path = os.environ.get("CLAIMS_SHOTS_DIR")
    if path:
        os.makedirs(path, exist_ok=True)
    return path


def _screenshot(page, name):
    path = _shots()
    if path:
        page.screenshot(path=os.path.join(path, name), full_page=False)


def _open_claim_as_handler(page, url, claim_data, sign_in):
    sign_in(page, claim_data["login"], HANDLER_PASSWORD)
    page.goto(f"{url}/odoo/action-claims_base.claims_claim_action/{claim_data['claim_id']}")


def _wait_until(check, timeout=20):
    """Poll the server until ``check()`` is true (a move saves after the card lands)."""
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "the server did not get the change in time"
        time.sleep(0.3)


def _column(page, name):
    return page.locator(".o_kanban_group").filter(
        has=page.locator(".o_column_title", has_text=name))


def test_hovering_a_field_shows_who_changed_it_and_the_previous_value(
        odoo_server, desktop, claim_data, sign_in):
    page = desktop
    _open_claim_as_handler(page, odoo_server.url, claim_data, sign_in)
    label = page.locator("label.o_form_label", has_text="Insurer Claim Number")
    label.wait_for()

    label.hover()

    card = page.locator(".o_claims_field_history_card")
    card.wait_for()
    assert "Hanna Handler" in card.inner_text()
    assert card.locator(".o_claims_history_old").inner_text() == "INS-OLD-17"
    assert card.locator(".o_claims_history_new").inner_text() == "INS-NEW-42"
    _screenshot(page, "field_history_popover.png")

    card.locator(".o_claims_history_all").click()
    dialog = page.locator(".modal .o_claims_field_history_table")
    dialog.wait_for()
    rows = dialog.locator("tbody tr")
    assert rows.count() == 1
    assert "Hanna Handler" in rows.first.inner_text()
    _screenshot(page, "field_history_dialog.png")
    assert odoo_server.errors() == []


def test_dragging_a_document_card_to_another_column_refiles_it(
        odoo_server, desktop, claim_data, sign_in):
    page = desktop
    _open_claim_as_handler(page, odoo_server.url, claim_data, sign_in)
    page.locator(".oe_stat_button", has_text="Documents").click()
    page.wait_for_selector(".o_claims_document_kanban .o_kanban_record")
    page.wait_for_function(
        "[...document.querySelectorAll('.o_claims_document_thumbnail img')]"
        ".filter(img => img.complete && img.naturalWidth > 0).length >= 4",
        timeout=30000,
    )
    _screenshot(page, "documents_kanban.png")

    card = _column(page, "Photos").locator(".o_kanban_record", has_text="rear.png")
    target = _column(page, "Police report")
    card_box, target_box = card.bounding_box(), target.bounding_box()
    page.mouse.move(card_box["x"] + card_box["width"] / 2, card_box["y"] + 20)
    page.mouse.down()
    page.mouse.move(target_box["x"] + target_box["width"] / 2, target_box["y"] + 80, steps=25)
    page.mouse.up()

    _column(page, "Police report").locator(".o_kanban_record", has_text="rear.png").wait_for()
    handler = claim_data["handler"]

    def refiled():
        document = handler("claims.document", "read", [claim_data["documents"]["rear.png"]],
                           ["category_id"])[0]
        return document["category_id"][1] == "Police report"

    _wait_until(refiled)
    messages = handler("mail.message", "search_read",
                       [("model", "=", "claims.claim"), ("res_id", "=", claim_data["claim_id"])],
                       ["body"])
    assert any("rear.png moved from Photos to Police report" in m["body"] for m in messages)
    assert odoo_server.errors() == []


def test_dropping_files_on_a_column_uploads_them_into_that_category(
        odoo_server, desktop, claim_data, sign_in):
    page = desktop
    _open_claim_as_handler(page, odoo_server.url, claim_data, sign_in)
    page.locator(".oe_stat_button", has_text="Documents").click()
    column = _column(page, "Correspondence")
    column.wait_for()
    pdf = _pdf("Letter", ["Dear Sir or Madam,"])

    data_transfer = page.evaluate_handle(
        """(pdf) => {
            const bytes = Uint8Array.from(atob(pdf), (c) => c.charCodeAt(0));
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], "insurer-letter.pdf", {type: "application/pdf"}));
            return transfer;
        }""",
        pdf,
    )
    for event in ("dragenter", "dragover"):
        column.dispatch_event(event, {"dataTransfer": data_transfer})
    # the view marks the column when it renders again, after the events
    page.wait_for_selector(".o_kanban_group.o_claims_drop_target", timeout=10000)
    assert "o_claims_drop_target" in column.get_attribute("class")
    _screenshot(page, "documents_drop_target.png")
    column.dispatch_event("drop", {"dataTransfer": data_transfer})

    column.locator(".o_kanban_record", has_text="insurer-letter.pdf").wait_for()
    _screenshot(page, "documents_after_drop.png")
    documents = claim_data["handler"](
        "claims.document", "search_read",
        [("claim_id", "=", claim_data["claim_id"]), ("name", "=", "insurer-letter.pdf")],
        ["category_id", "mimetype"])
    assert [(d["category_id"][1], d["mimetype"]) for d in documents] == [
        ("Correspondence", "application/pdf")]
    assert odoo_server.errors() == []
