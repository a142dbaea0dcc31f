# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ClaimsParticipant(models.Model):
    """A partner in a role on a claim or an incident."""

    _name = "claims.participant"
    _description = "Participant"
    _order = "role_id, id"
    _rec_name = "partner_id"

    claim_id = fields.Many2one("claims.claim", ondelete="cascade", index=True)
    incident_id = fields.Many2one("claims.incident", ondelete="cascade", index=True)
    company_id = fields.Many2one(
        "res.company", compute="_compute_company_id", store=True, index=True
    )
    partner_id = fields.Many2one("res.partner", required=True, index=True, ondelete="restrict")
    role_id = fields.Many2one("claims.participant.role", string="Role", required=True)
    active = fields.Boolean(default=True, help="Archived participants lose their access.")
    reference = fields.Char(help="The participant's own reference for this file.")

    _partner_role_claim_unique = models.UniqueIndex(
        "(claim_id, partner_id, role_id) WHERE claim_id IS NOT NULL",
        "This partner already has this role on the claim.",
    )
    _partner_role_incident_unique = models.UniqueIndex(
        "(incident_id, partner_id, role_id) WHERE incident_id IS NOT NULL",
        "This partner already has this role on the incident.",
    )

    @api.constrains("claim_id", "incident_id")
    def _check_one_parent(self):
        """A participant belongs to a claim or to an incident."""
        if any(bool(p.claim_id) == bool(p.incident_id) for p in self):
            raise ValidationError(
                self.env._("A participant belongs to either a claim or an incident.")
            )

    @api.depends("claim_id.company_id", "incident_id.company_id")
    def _compute_company_id(self):
        for participant in self:
            participant.company_id = (
                participant.claim_id.company_id or participant.incident_id.company_id
            )

    # ------------------------------------------------------------------ CRUD

    def write(self, vals):
        revoked = self.filtered("active") if vals.get("active") is False else self.browse()
        restored = self.filtered(lambda p: not p.active) if vals.get("active") else self.browse()
        result = super().write(vals)
        for participant in revoked:
            participant._log_on_parent(self.env._(
                "Access revoked: %(partner)s (%(role)s).",
                partner=participant.partner_id.display_name, role=participant.role_id.name))
        for participant in restored:
            participant._log_on_parent(self.env._(
                "Access restored: %(partner)s (%(role)s).",
                partner=participant.partner_id.display_name, role=participant.role_id.name))
        return result

    # ------------------------------------------------------------------ actions

    def action_revoke(self):
        """Take this participant's access away (archive it); the others keep theirs."""
        self.check_access("write")
        self.filtered("active").write({"active": False})
        return True

    # ------------------------------------------------------------------ helpers

    def _log_on_parent(self, body):
        """Note ``body`` in the chatter of the claim or incident."""
        self.ensure_one()
        parent = self.claim_id or self.incident_id
        parent.sudo().message_post(body=body, subtype_xmlid="mail.mt_note", author_id=(
            self.env.user.partner_id.id))
