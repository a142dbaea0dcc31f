# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

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
        "res.company", compute="_compute_company_id", store=True, index=True, precompute=True
    )
    partner_id = fields.Many2one("res.partner", required=True, index=True, ondelete="restrict")
    role_id = fields.Many2one("claims.participant.role", required=True)
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

    @api.model_create_multi
    def create(self, vals_list):
        participants = super().create(vals_list)
        participants._sync_claim_followers(claims_exist=True)
        claims = participants.claim_id
        before = claims._field_history_lines_snapshot("participant_ids", without=participants)
        claims._field_history_log_lines("participant_ids", before)
        return participants

    def write(self, vals):
        revoked = self.filtered("active") if vals.get("active") is False else self.browse()
        restored = self.filtered(lambda p: not p.active) if vals.get("active") else self.browse()
        synced = {"claim_id", "partner_id", "role_id", "active"} & set(vals)
        before = self._get_claim_partner_pairs() if synced else set()
        result = super().write(vals)
        if synced:
            self._sync_claim_followers(before)
        for participant in revoked:
            participant._log_on_parent(self.env._(
                "Access revoked: %(partner)s (%(role)s).",
                partner=participant.partner_id.display_name, role=participant.role_id.name))
        for participant in restored:
            participant._log_on_parent(self.env._(
                "Access restored: %(partner)s (%(role)s).",
                partner=participant.partner_id.display_name, role=participant.role_id.name))
        return result

    def unlink(self):
        pairs = self._get_claim_partner_pairs()
        claims = self.claim_id
        before = claims._field_history_lines_snapshot("participant_ids")
        result = super().unlink()
        claims._field_history_log_lines("participant_ids", before)
        self.browse()._sync_claim_followers(pairs)
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

    # ------------------------------------------------------------------ followers

    def _get_claim_partner_pairs(self):
        return {(p.claim_id.id, p.partner_id.id) for p in self if p.claim_id}

    def _sync_claim_followers(self, extra_pairs=(), claims_exist=False):
        """Each participant's partner follows the claim with the subtypes of their roles.

        A partner with several roles gets the union; a partner left without a role on the
        claim (removed, archived) stops following it, unless they are an internal user.
        ``claims_exist``: the claims are known to exist (participants just created on them).
        """
        pairs = self._get_claim_partner_pairs() | set(extra_pairs)
        if not pairs:
            return
        # In batch: one search for the roles of all pairs, one follower update per claim
        claims = self.env["claims.claim"].sudo().browse({claim_id for claim_id, _p in pairs})
        if not claims_exist:
            claims = claims.exists()
        roles = defaultdict(lambda: self.env["claims.participant.role"].sudo())
        found = self.sudo().search_fetch([
            ("claim_id", "in", claims.ids),
            ("partner_id", "in", list({partner_id for _c, partner_id in pairs})),
        ], ["claim_id", "partner_id", "role_id"])
        found.role_id.mapped("subtype_ids")  # the subtypes of all roles in one query
        for participant in found:
            roles[participant.claim_id.id, participant.partner_id.id] |= participant.role_id
        partners_of = defaultdict(set)
        for claim_id, partner_id in pairs:
            partners_of[claim_id].add(partner_id)
        partners = self.env["res.partner"].sudo()
        for claim in claims:
            subscribe, unsubscribe = {}, []
            for partner_id in sorted(partners_of[claim.id]):
                subtypes = roles[claim.id, partner_id].subtype_ids
                if subtypes:
                    subscribe[partner_id] = subtypes.ids
                elif partners.browse(partner_id).partner_share:
                    unsubscribe.append(partner_id)
            if subscribe:
                # what _message_subscribe does, with each partner's own subtypes
                self.env["mail.followers"]._insert_followers(
                    claim._name, claim.ids, list(subscribe), subtypes=subscribe,
                    check_existing=True, existing_policy="replace",
                )
            if unsubscribe:
                claim.message_unsubscribe(partner_ids=unsubscribe)
