# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Record numbers drawn from a sequence of the record's company."""


def name_from_sequence(env, vals_list, code):
    """Give each of ``vals_list`` that has no name (or ``/``) the next number of the sequence
    ``code`` of its company (the values' ``company_id``, else the current company)."""
    for vals in vals_list:
        if vals.get("name", "/") == "/":
            company = env["res.company"].browse(vals.get("company_id")) or env.company
            vals["name"] = env["ir.sequence"].with_company(company).next_by_code(code) or "/"
