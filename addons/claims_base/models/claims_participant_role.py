# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ClaimsParticipantRole(models.Model):
    _name = "claims.participant.role"
    _description = "Participant role"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    document_category_ids = fields.Many2many(
        "claims.document.category",
        string="Document categories seen",
        compute="_compute_document_category_ids",
        help="The categories whose published documents this role sees in the portal.",
    )

    subtype_ids = fields.Many2many(
        "mail.message.subtype",
        string="Notified of",
        domain="[('res_model', 'in', (False, 'claims.claim'))]",
        help="The changes of a claim that participants in this role hear of: they follow "
        "the claim with these subtypes.",
    )
    sees_injury_details = fields.Boolean(
        help="Portal participants in this role read the injury details of their claims (e.g. "
        "the lawyer of the injured person). Off for every role unless set here.",
    )

    _code_unique = models.Constraint("UNIQUE (code)", "A participant role code is unique.")

    def _compute_document_category_ids(self):
        categories = self.env["claims.document.category"].search([("role_ids", "in", self.ids)])
        for role in self:
            role.document_category_ids = categories.filtered(lambda c: role in c.role_ids)

    def write(self, vals):
        result = super().write(vals)
        if "subtype_ids" in vals:
            self.env["claims.participant"].search(
                [("role_id", "in", self.ids), ("claim_id", "!=", False)]
            )._sync_claim_followers()
        return result
