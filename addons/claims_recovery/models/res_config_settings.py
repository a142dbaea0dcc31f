# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .claims_recovery import DEFAULT_REMINDER_DAYS, REMINDER_DAYS_PARAM


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    claims_recovery_reminder_days = fields.Integer(
        string="Remind of limitation dates (days before)",
        config_parameter=REMINDER_DAYS_PARAM,
        default=DEFAULT_REMINDER_DAYS,
        help="The claim handler gets one activity this many days before a recovery's "
        "limitation date.",
    )
