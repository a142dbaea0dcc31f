# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The claim summary renders as a real PDF through wkhtmltopdf, as a handler prints it."""

import io

import pytest
import requests


def _login(server, login="admin", password="admin"):
    session = requests.Session()
    page = session.get(f"{server.url}/web/login", timeout=30)
    token = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    answer = session.post(f"{server.url}/web/login", timeout=30, data={
        "login": login, "password": password, "csrf_token": token})
    assert answer.ok
    return session


def _demo_claim_id(session, server):
    answer = session.post(f"{server.url}/web/dataset/call_kw", timeout=30, json={
        "jsonrpc": "2.0", "method": "call", "params": {
            "model": "claims.claim", "method": "search_read",
            "args": [[["insurer_claim_number", "=", "NS-26-0045781"]], ["name"]],
            "kwargs": {},
        }}).json()
    records = answer.get("result") or []
    if not records:
        pytest.skip("the demo claim is not in this database")
    return records[0]["id"], records[0]["name"]


def test_claim_summary_pdf_renders(odoo_server):
    from pypdf import PdfReader  # noqa: PLC0415

    session = _login(odoo_server)
    claim_id, name = _demo_claim_id(session, odoo_server)
    answer = session.get(
        f"{odoo_server.url}/report/pdf/claims_base.claims_claim_report_summary/{claim_id}",
        timeout=180)
    assert answer.headers["Content-Type"] == "application/pdf", answer.text[:2000]
    # wkhtmltopdf draws the web fonts as glyphs without text: check the PDF's pages here and
    # the words in the HTML rendering of the same report
    assert len(PdfReader(io.BytesIO(answer.content)).pages) >= 1
    html = session.get(
        f"{odoo_server.url}/report/html/claims_base.claims_claim_report_summary/{claim_id}",
        timeout=60).text
    for expected in (name, "Northsea Insurance", "Own damage", "Outstanding", "Participants",
                     "Documents", "cab-front-left.png"):
        assert expected in html
    assert odoo_server.errors() == []
