# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    opus_phone_home = fields.Char(string="Home phone",
                                  help="The policyholder's home phone, as Opus gives it.")
