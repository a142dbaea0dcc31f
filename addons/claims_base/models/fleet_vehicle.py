# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class FleetVehicle(models.Model):
    _inherit = "fleet.vehicle"

    @api.model
    def get_import_templates(self):
        return [*super().get_import_templates(), {
            "label": self.env._("Import template for vehicles, trucks and trailers"),
            "template": "/claims_base/static/xls/claims_vehicles_import_template.xlsx",
        }]
