# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ClaimsPolicy(models.Model):
    _inherit = "claims.policy"

    # PolicyPort may send a policy without its start date: it stays empty rather than take
    # another date's value (mapping.MISSING_VALUES; the claim's note says it is missing).
    date_start = fields.Date(required=False)
    tiva_endorsement = fields.Char(string="Endorsement")
    tiva_exclude_wind = fields.Boolean(string="Exclude wind coverage")

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        """The end of a policy comes after its start, when both are known."""
        return super(ClaimsPolicy, self.filtered("date_start"))._check_dates()
