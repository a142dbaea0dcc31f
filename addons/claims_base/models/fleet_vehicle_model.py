# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class FleetVehicleModel(models.Model):
    _inherit = "fleet.vehicle.model"

    vehicle_type = fields.Selection(
        selection_add=[("truck", "Truck"), ("trailer", "Trailer"), ("van", "Van")],
        ondelete={"truck": "set default", "trailer": "set default", "van": "set default"},
    )
