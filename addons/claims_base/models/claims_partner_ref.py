# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ClaimsPartnerRef(models.Model):
    """A partner's id in an external system (a payee id, a vendor id...)."""

    _name = "claims.partner.ref"
    _description = "External reference of a partner"
    _order = "system, ref"
    _rec_name = "ref"

    partner_id = fields.Many2one("res.partner", required=True, ondelete="cascade", index=True)
    system = fields.Char(required=True, help="The external system, e.g. policyport.")
    ref = fields.Char(string="External id", required=True)

    _system_ref_unique = models.Constraint(
        "UNIQUE (system, ref)", "This external id already belongs to another partner."
    )
    _partner_system_unique = models.Constraint(
        "UNIQUE (partner_id, system)", "A partner has one id per external system."
    )
