# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A claims manager generates the demo insurer's bordereau in Chromium and downloads it; the
file opens with openpyxl with the insurer's columns and the demo claims, and is kept among the
bordereau files.

Screenshots and the file go to $CLAIMS_SHOTS_DIR when set (else a pytest temp dir).
"""

import datetime
import os
from pathlib import Path

import openpyxl
import pytest


@pytest.fixture
def shots(tmp_path):
    path = Path(os.environ.get("CLAIMS_SHOTS_DIR") or tmp_path)
    path.mkdir(parents=True, exist_ok=True)
    return path


def test_manager_downloads_a_bordereau(odoo_server, desktop, sign_in, shots):
    page = sign_in(desktop)
    downloads = []
    # the wizard opens the file in a new tab, which downloads it
    def keep(download):
        downloads.append(download)

    page.context.on("page", lambda tab: tab.on("download", keep))
    page.on("download", keep)
    page.goto(f"{odoo_server.url}/odoo/action-claims_bordereau.claims_bordereau_config_action")
    page.click("td.o_data_cell:has-text('Fleet motor scheme')", timeout=120000)
    page.click("button[name=action_open_wizard]")
    page.wait_for_selector(".modal [name=month] input")
    page.click(".modal [name=month] input")
    this_month = datetime.date.today()
    page.click(f".o_select_menu_item:has-text('{this_month:%B %Y}')")
    page.wait_for_selector(".modal .alert-info")  # the current month is not over
    page.screenshot(path=str(shots / "bordereau_wizard.png"))
    page.click(".modal button[name=action_generate]")
    for _attempt in range(120):
        if downloads:
            break
        page.wait_for_timeout(500)
    assert downloads, "no file was downloaded"
    path = shots / downloads[0].suggested_filename
    downloads[0].save_as(str(path))
    assert path.name == f"bordereau-Northsea_Insurance-Fleet_motor_scheme-{this_month:%Y-%m}.xlsx"
    rows = list(openpyxl.load_workbook(path)["Bordereau"].iter_rows(values_only=True))
    assert rows[0][:4] == ("Claim number", "Northsea claim no.", "Policy", "Date of loss")
    references = {row[1] for row in rows[1:-1]}
    assert "NS-26-0045781" in references  # the Maasvlakte claim, reserved and paid
    assert rows[-1][0] == "Total"
    page.goto(f"{odoo_server.url}/odoo/action-claims_bordereau.claims_bordereau_action")
    page.wait_for_selector(f".o_data_row:has-text('{this_month:%Y-%m}')")
    page.screenshot(path=str(shots / "bordereau_files.png"))
    assert odoo_server.errors() == []
