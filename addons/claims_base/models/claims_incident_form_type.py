# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


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

    @api.depends("incident_type")
    def _compute_display_name(self):
        labels = dict(self._fields["incident_type"]._description_selection(self.env))
        for form_type in self:
            form_type.display_name = labels.get(form_type.incident_type, form_type.incident_type)
