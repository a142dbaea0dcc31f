# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

MONTHS_BACK = 36


class ClaimsBordereauWizard(models.TransientModel):
    """Generate an insurer's bordereau for a month and download it."""

    _name = "claims.bordereau.wizard"
    _description = "Generate a bordereau"

    config_id = fields.Many2one(
        "claims.bordereau.config", string="Configuration", required=True,
    )
    month = fields.Selection(
        selection="_month_selection", required=True,
        default=lambda self: self._default_month(),
        help="The month whose bordereau is built: its claims and figures as at its end.",
    )
    is_current_month = fields.Boolean(compute="_compute_is_current_month")

    @api.model
    def _month_selection(self):
        first = fields.Date.context_today(self).replace(day=1)
        months = [first - relativedelta(months=back) for back in range(MONTHS_BACK + 1)]
        return [(f"{month:%Y-%m}", f"{month:%B %Y}") for month in months]

    @api.model
    def _default_month(self):
        first = fields.Date.context_today(self).replace(day=1)
        return f"{first - relativedelta(months=1):%Y-%m}"

    @api.depends("month")
    def _compute_is_current_month(self):
        current = f"{fields.Date.context_today(self):%Y-%m}"
        for wizard in self:
            wizard.is_current_month = wizard.month == current

    def action_generate(self):
        """Build the bordereau, keep it, and download it."""
        self.ensure_one()
        year, month = (int(part) for part in self.month.split("-"))
        bordereau = self.config_id._generate(date(year, month, 1))
        return bordereau.action_download()
