# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from urllib.parse import urlsplit

from odoo import api, fields, models
from odoo.exceptions import ValidationError


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
    claims_privacy_notice_url = fields.Char(
        string="Privacy notice",
        help="The address of the company's privacy notice, linked from the phone incident form.",
    )

    @api.constrains("claims_privacy_notice_url")
    def _check_claims_privacy_notice_url(self):
        """The privacy notice is a web address (it is a link on a public page)."""
        for company in self.filtered("claims_privacy_notice_url"):
            parts = urlsplit(company.claims_privacy_notice_url.strip())
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise ValidationError(self.env._(
                    "The privacy notice of %(company)s must be a web address starting with "
                    "https:// or http://.", company=company.name))
