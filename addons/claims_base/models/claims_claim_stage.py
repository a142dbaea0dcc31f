# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ClaimsClaimStage(models.Model):
    _name = "claims.claim.stage"
    _description = "Claim stage"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    fold = fields.Boolean(help="Folded in the kanban view.")
    is_closing = fields.Boolean(
        string="Closing stage",
        help="Claims moved here are closed; closing checks reserves and payments first.",
    )
    description = fields.Text(translate=True)
