# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .. import columns


class ClaimsBordereauColumn(models.Model):
    """One column of an insurer's bordereau: a column of the catalogue (``columns.py``) in
    the insurer's order, under the insurer's own title if it has one."""

    _name = "claims.bordereau.column"
    _description = "Bordereau column"
    _order = "config_id, sequence, id"

    config_id = fields.Many2one(
        "claims.bordereau.config", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="config_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    key = fields.Selection(
        selection=lambda self: columns.selection(), string="Column", required=True
    )
    label = fields.Char(
        string="Title", help="The insurer's title for this column; the catalogue's when empty."
    )
    description = fields.Char(string="How it is computed", compute="_compute_description")

    _key_unique = models.Constraint(
        "UNIQUE (config_id, key)", "A bordereau lists each column once."
    )

    @api.depends("key")
    def _compute_description(self):
        for column in self:
            column.description = (
                columns.BY_KEY[column.key].help._translate(self.env.lang or "")
                if column.key else ""
            )
