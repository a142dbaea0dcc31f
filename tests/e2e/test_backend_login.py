# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A handler logs in and reaches the claims desk in a real Chromium."""


def test_admin_logs_in_and_opens_claims(odoo_server, desktop, sign_in):
    page = sign_in(desktop)
    page.goto(f"{odoo_server.url}/odoo/action-claims_base.claims_claim_action")
    page.wait_for_selector(".o_kanban_view, .o_list_view")
    assert "Claims" in page.title() or page.locator(".o_breadcrumb").inner_text().strip()
    assert odoo_server.errors() == []
