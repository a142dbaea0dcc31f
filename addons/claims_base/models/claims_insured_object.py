# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


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
    # A policy kept at the account level insures the vehicles of its branches too.
    vehicle_id = fields.Many2one("fleet.vehicle", index=True)
    address = fields.Char(help="Where a building stands.")

    @api.constrains("vehicle_id", "policy_id")
    def _check_vehicle_company(self):
        """The vehicle belongs to the policy's account, one of its branches, or no account."""
        for insured in self.filtered("vehicle_id.company_id"):
            account = insured.policy_id.company_id
            if account not in insured.vehicle_id.company_id.parent_ids:
                raise UserError(self.env._(
                    "Vehicle %(vehicle)s belongs to %(company)s, outside the account of policy "
                    "%(policy)s.", vehicle=insured.vehicle_id.display_name,
                    company=insured.vehicle_id.company_id.name, policy=insured.policy_id.name))

    @api.depends("vehicle_id")
    def _compute_name(self):
        for insured in self:
            if insured.vehicle_id and not insured.name:
                insured.name = insured.vehicle_id.license_plate or insured.vehicle_id.display_name
