# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

DEFAULT_RETENTION_YEARS = 7


class ResCompany(models.Model):
    _inherit = "res.company"

    claims_retention_years = fields.Integer(
        string="Anonymise closed claims after (years)",
        default=DEFAULT_RETENTION_YEARS,
        help="Closed claims, their incidents, documents and mail are anonymised this many "
        "years after closing, unless on legal hold. 0: never.",
    )

    @api.constrains("claims_retention_years")
    def _check_claims_retention_years(self):
        """The retention period is a number of years, 0 or more."""
        if any(company.claims_retention_years < 0 for company in self):
            raise ValidationError(self.env._(
                "The retention period is a number of years: 0 (never) or more."))
