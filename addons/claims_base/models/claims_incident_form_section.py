# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

# The blocks the phone form knows how to ask, beside plain questions. Each appears at most
# once per form; a block section may add questions of its own below the block.
SECTION_KINDS = [
    ("questions", "Questions"),
    ("basics", "Kind of incident and when"),
    ("vehicle", "Vehicle"),
    ("place", "Place (location, map, address)"),
    ("parties", "Other party"),
    ("photos", "Photos"),
    ("documents", "Documents (PDF)"),
]


class ClaimsIncidentFormSection(models.Model):
    """A card of the phone form: a block the form knows (place, photos...) or questions."""

    _name = "claims.incident.form.section"
    _description = "Incident form section"
    _order = "form_id, sequence, id"

    form_id = fields.Many2one(
        "claims.incident.form", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    kind = fields.Selection(SECTION_KINDS, required=True, default="questions")
    show_title = fields.Boolean(
        default=True, help="Show the name above the section's questions on the page."
    )
    question_ids = fields.One2many(
        "claims.incident.form.question", "section_id", string="Questions", copy=True
    )
    question_count = fields.Integer(compute="_compute_question_count")

    _kind_unique = models.UniqueIndex(
        "(form_id, kind) WHERE kind != 'questions'", "A form has each block once."
    )

    def _compute_question_count(self):
        for section in self:
            section.question_count = len(section.question_ids)
