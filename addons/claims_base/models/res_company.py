# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    claims_open_on_report = fields.Selection(
        [("manual", "On the handler's button"), ("automatic", "As soon as it is reported")],
        string="Open claims of a report",
        required=True,
        default="manual",
        help="When a driver's report arrives (phone form, portal, API), the claims of the "
        "matching incident rules are opened at once, or when a handler presses Open claims.",
    )
