# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ClaimsOpusStatusStage(models.Model):
    """One row of a backend's status mapping: an Opus status (left) moves the claim to one of
    our stages (right). Case, spacing and dashes of the status do not matter."""

    _name = "claims.opus.status.stage"
    _description = "Opus status mapping"
    _order = "stage_sequence, name"

    backend_id = fields.Many2one("claims.opus.backend", required=True, ondelete="cascade",
                                 index=True)
    name = fields.Char(string="Opus status", required=True)
    stage_id = fields.Many2one("claims.claim.stage", string="Our stage", required=True,
                               ondelete="cascade")
    stage_sequence = fields.Integer(related="stage_id.sequence", store=True)

    _status_unique = models.Constraint(
        "UNIQUE (backend_id, name)", "An Opus status is mapped once per backend.")
