# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

# Claim fields whose change moves the deadlines.
DEADLINE_TRIGGERS = {
    "date_reported", "date_assigned", "date_first_contact", "date_site_visit",
    "date_estimate_sent", "user_id", "claim_type_id", "company_id", "file_status",
    "is_marked_off",
}


class ClaimsClaim(models.Model):
    """A claim keeps one deadline per applicable rule (claims.deadline.rule)."""

    _inherit = "claims.claim"

    deadline_ids = fields.One2many("claims.deadline", "claim_id", string="Deadlines")
    deadline_status = fields.Selection(
        [("soon", "Breaching soon"), ("breached", "Breached")],
        compute="_compute_deadline_status",
        store=True,
        help="The most urgent state among the claim's open deadlines.",
    )

    # ------------------------------------------------------------------ computes

    @api.depends("deadline_ids.state")
    def _compute_deadline_status(self):
        for claim in self:
            states = set(claim.deadline_ids.mapped("state"))
            claim.deadline_status = (
                "breached" if "breached" in states else "soon" if "soon" in states else False
            )

    # ------------------------------------------------------------------ CRUD

    @api.model_create_multi
    def create(self, vals_list):
        claims = super().create(vals_list)
        claims._sync_deadlines()
        return claims

    def write(self, vals):
        result = super().write(vals)
        if DEADLINE_TRIGGERS & set(vals):
            self._sync_deadlines()
        return result

    # ------------------------------------------------------------------ helpers

    def _sync_deadlines(self):
        """Keep one deadline per applicable rule whose clock has started, then refresh them.

        Deadlines are system records: they are written as superuser, whoever edits the claim.
        """
        # every rule is checked against each claim: a small configuration table
        rules = self.env["claims.deadline.rule"].sudo().search([])  # pylint: disable=no-search-all
        deadline_model = self.env["claims.deadline"].sudo()
        for claim in self.sudo():
            existing = {deadline.rule_id: deadline for deadline in claim.deadline_ids}
            companies = claim.company_id.parent_ids
            for rule in rules:
                if (rule.company_id and rule.company_id not in companies) or not (
                        rule._applies_to(claim)):
                    continue
                deadline = existing.get(rule)
                values = {
                    "date_start": claim[rule.start_field],
                    "date_done": claim[rule.stop_field] or False,
                }
                if not values["date_start"]:
                    if deadline:  # the start event was cleared: no clock any more
                        deadline.activity_id.unlink()
                        deadline.unlink()
                    continue
                if not deadline:
                    deadline_model.create({"claim_id": claim.id, "rule_id": rule.id, **values})
                elif any(deadline[name] != value for name, value in values.items()):
                    deadline.write(values)
            claim.deadline_ids._refresh()
