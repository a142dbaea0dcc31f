# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ClaimsIncidentParty(models.Model):
    _name = "claims.incident.party"
    _description = "Other party of an incident"

    incident_id = fields.Many2one("claims.incident", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="incident_id.company_id", store=True)
    name = fields.Char(required=True)
    license_plate = fields.Char(string="Plate")
    insurer_id = fields.Many2one("res.partner")
    insurer_name = fields.Char(help="The insurer as the driver wrote it, when not in the list.")
    phone = fields.Char()
