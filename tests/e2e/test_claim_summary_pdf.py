# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The claim summary renders as a real PDF through wkhtmltopdf, as a handler prints it."""

import io

import pytest

from tests.odoo_rpc import OdooRpc


def _demo_claim(rpc):
    records = rpc("claims.claim", "search_read",
                  [("insurer_claim_number", "=", "NS-26-0045781")], ["name"])
    if not records:
        pytest.skip("the demo claim is not in this database")
    return records[0]["id"], records[0]["name"]


def test_claim_summary_pdf_renders(odoo_server):
    from pypdf import PdfReader  # noqa: PLC0415

    rpc = OdooRpc(odoo_server.url, odoo_server.database)
    session = rpc.session
    claim_id, name = _demo_claim(rpc)
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
