# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase
from odoo.tools import mute_logger

from odoo.addons.claims_bordereau import columns, xlsx

from .common import ClaimsBordereauCommon

ROW = {
    "claim_number": "CLM/1", "insurer_reference": "K-1", "policy": "KAP-100",
    "date_loss": date(2026, 2, 3), "reserve": 1000.0, "paid": 300.0, "pending": 200.0,
    "recovered": 50.0, "reserve_movement": 400.0, "paid_movement": 300.0,
    "pending_movement": -100.0, "recovered_movement": 0.0,
}


class TestBordereauCatalogue(TransactionCase):
    """The catalogue's columns and the xlsx file, without claims."""

    def test_outstanding_is_reserve_less_paid_less_pending(self):
        self.assertEqual(columns.cell("outstanding", ROW), 500.0)
        self.assertEqual(columns.cell("outstanding_movement", ROW), 200.0)
        self.assertEqual(columns.cell("incurred", ROW), 1000.0)
        self.assertEqual(columns.cell("net_incurred", ROW), 950.0)

    def test_default_columns_are_the_usual_ones(self):
        labels = [columns.label(key, "en_US") for key in columns.DEFAULT_KEYS]
        self.assertEqual(labels, [
            "Claim number", "Insurer reference", "Policy", "Date of loss", "Cause", "Status",
            "Reserve", "Paid", "Recovered", "Outstanding", "Reserve movement", "Paid in month",
            "Recovered in month",
        ])

    def test_same_rows_give_the_same_bytes(self):
        headers = [("Claim number", "text"), ("Date of loss", "date"), ("Reserve", "money")]
        rows = [["CLM/1", date(2026, 2, 3), 1000.0], ["CLM/2", None, 20.5]]
        first = xlsx.render(headers, rows, title="t")
        self.assertEqual(first, xlsx.render(headers, rows, title="t"))
        _headers, read_rows, totals = ClaimsBordereauCommon._read(first)
        self.assertEqual(read_rows[0]["Date of loss"].date(), date(2026, 2, 3))
        self.assertIsNone(read_rows[1]["Date of loss"])
        self.assertEqual(totals["Reserve"], 1020.5)


class TestBordereauColumnConfig(ClaimsBordereauCommon):
    """An insurer's own column set: order, titles, each column once."""

    def test_new_configuration_has_the_default_columns_in_order(self):
        self.assertEqual(self.config.column_ids.mapped("key"), list(columns.DEFAULT_KEYS))

    def test_columns_follow_the_insurers_order_and_titles(self):
        self._claim("2026-02-10 10:00:00", "K-1")
        self.config.column_ids = [Command.clear()] + [
            Command.create({"key": "file_status", "sequence": 3}),
            Command.create({"key": "claim_number", "sequence": 1}),
            Command.create({"key": "reserve", "sequence": 2, "label": "Réserve"}),
        ]
        headers, rows, totals = self._read(self._generate("2026-02").attachment_id.raw)
        self.assertEqual(headers, ["Claim number", "Réserve", "File status"])
        self.assertEqual(totals["Réserve"], 0)
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0]["File status"], "Open – not assigned")

    def test_a_column_is_listed_once(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), \
                self.cr.savepoint():
            self.config.column_ids = [Command.create({"key": "reserve"})]

    def test_send_day_is_a_day_of_every_month(self):
        with self.assertRaises(ValidationError):
            self.config.send_day = 31
