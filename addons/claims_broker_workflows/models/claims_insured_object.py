# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ClaimsInsuredObject(models.Model):
    _inherit = "claims.insured.object"

    inspection_report_ids = fields.One2many(
        "claims.inspection.report", "insured_object_id", string="Inspection reports"
    )
