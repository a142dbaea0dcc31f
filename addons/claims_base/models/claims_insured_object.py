# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ClaimsInsuredObject(models.Model):
    _name = "claims.insured.object"
    _description = "Insured object"
    _order = "policy_id, name"
    _check_company_auto = True

    policy_id = fields.Many2one("claims.policy", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="policy_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="policy_id.currency_id")
    object_type = fields.Selection(
        [("vehicle", "Vehicle"), ("building", "Building"), ("cargo", "Cargo"), ("other", "Other")],
        string="Type",
        required=True,
        default="vehicle",
    )
    name = fields.Char(string="Reference", compute="_compute_name", store=True, readonly=False,
                       required=True, precompute=True)
    amount_value = fields.Monetary(string="Value", currency_field="currency_id")
    vehicle_id = fields.Many2one("fleet.vehicle", string="Vehicle", check_company=True, index=True)
    address = fields.Char(help="Where a building stands.")

    @api.depends("vehicle_id")
    def _compute_name(self):
        for insured in self:
            if insured.vehicle_id and not insured.name:
                insured.name = insured.vehicle_id.license_plate or insured.vehicle_id.display_name
