# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A bordereau as an xlsx workbook: one sheet, a header row, one row per claim, totals.

Plain Python over xlsxwriter, without the ORM. The workbook's creation date is given, so the
same month gives the same bytes however often it is built.
"""

import io
from datetime import datetime

import xlsxwriter

from .columns import DATE, MONEY

SHEET_NAME = "Bordereau"
# the date xlsxwriter writes in the workbook's properties (docProps/core.xml)
FIXED_CREATED = datetime(2000, 1, 1)  # fixed date: not the clock, so that bytes repeat


def render(headers, rows, title="", total_label="Total", created=FIXED_CREATED):
    """The xlsx file of a bordereau.

    :param list headers: ``[(label, kind)]`` with kind ``text``, ``date`` or ``money``
    :param list rows: lists of cell values in the order of ``headers`` (dates as ``date``,
        money as numbers, texts as strings or None)
    :param str title: the workbook's title (its properties)
    :param str total_label: the totals row's title, in its first column that is not money
    :param datetime created: the creation date written in the workbook's properties
    :returns: the file's bytes
    """
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    workbook.set_properties({"title": title, "created": created, "author": ""})
    sheet = workbook.add_worksheet(SHEET_NAME)
    bold = workbook.add_format({"bold": True, "bottom": 1, "text_wrap": True, "valign": "top"})
    formats = {
        DATE: workbook.add_format({"num_format": "yyyy-mm-dd"}),
        MONEY: workbook.add_format({"num_format": "#,##0.00"}),
    }
    total_money = workbook.add_format({"num_format": "#,##0.00", "bold": True, "top": 1})
    total_text = workbook.add_format({"bold": True, "top": 1})
    for col, (label, kind) in enumerate(headers):
        sheet.write_string(0, col, label, bold)
        sheet.set_column(col, col, 14 if kind != "text" else 18)
    for row_index, values in enumerate(rows, start=1):
        for col, ((_label, kind), value) in enumerate(zip(headers, values, strict=True)):
            if value is None or value is False or value == "":
                sheet.write_blank(row_index, col, None, formats.get(kind))
            elif kind == DATE:
                sheet.write_datetime(
                    row_index, col, datetime.combine(value, datetime.min.time()), formats[DATE])
            elif kind == MONEY:
                sheet.write_number(row_index, col, round(value, 2), formats[MONEY])
            else:
                sheet.write_string(row_index, col, str(value))
    money_cols = [col for col, (_label, kind) in enumerate(headers) if kind == MONEY]
    if money_cols:
        total_row = len(rows) + 1
        for col in range(len(headers)):
            sheet.write_blank(total_row, col, None, total_text)
        text_cols = [col for col in range(len(headers)) if col not in money_cols]
        if text_cols:
            sheet.write_string(total_row, text_cols[0], total_label, total_text)
        for col in money_cols:
            total = round(sum(values[col] or 0.0 for values in rows), 2)
            sheet.write_number(total_row, col, total, total_money)
    sheet.freeze_panes(1, 0)
    workbook.close()
    return buffer.getvalue()
