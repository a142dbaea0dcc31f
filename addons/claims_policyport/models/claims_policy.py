# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ClaimsPolicy(models.Model):
    _inherit = "claims.policy"

    tiva_endorsement = fields.Char(string="Endorsement")
    tiva_exclude_wind = fields.Boolean(string="Exclude wind coverage")
