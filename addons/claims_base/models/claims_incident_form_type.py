# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ClaimsIncidentFormType(models.Model):
    """A kind of incident an incident form asks about."""

    _name = "claims.incident.form.type"
    _description = "Incident form type"
    _order = "form_id, sequence, id"

    form_id = fields.Many2one(
        "claims.incident.form", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    incident_type = fields.Selection(
        selection=lambda self: self.env["claims.incident"]._fields["incident_type"].selection,
        required=True,
    )

    _type_unique = models.Constraint(
        "UNIQUE (form_id, incident_type)", "A form lists each kind of incident once."
    )
