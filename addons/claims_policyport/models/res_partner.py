# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    tiva_phone_home = fields.Char(string="Home phone")
    tiva_phone_work = fields.Char(string="Work phone")
    is_claim_contact = fields.Boolean(
        string="Claim contact",
        help="Made by a connector for one claim (e.g. a vendor PolicyPort knows and we do not): "
        "not a vendor of the account.",
    )
