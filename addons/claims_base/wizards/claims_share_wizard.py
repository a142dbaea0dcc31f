# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import email_normalize


class ClaimsShareWizard(models.TransientModel):
    """Share a claim or an incident with a partner in the portal.

    The partner becomes an active participant with a role (which decides the document
    categories they see) and gets a portal user through Odoo's portal wizard, which sends
    the invitation e-mail. Access rests on the participant: revoking archives it.
    """

    _name = "claims.share.wizard"
    _description = "Share in the portal"

    claim_id = fields.Many2one("claims.claim", readonly=True)
    incident_id = fields.Many2one("claims.incident", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Share with", required=True)
    email = fields.Char(
        compute="_compute_email", store=True, readonly=False,
        help="The invitation goes to this address; it becomes the partner's login.",
    )
    role_id = fields.Many2one("claims.participant.role", string="Role", required=True)
    category_names = fields.Char(
        string="Will see", compute="_compute_category_names",
        help="The document categories this role sees in the portal.",
    )
    has_portal_access = fields.Boolean(compute="_compute_has_portal_access")

    @api.depends("partner_id")
    def _compute_email(self):
        for wizard in self:
            wizard.email = wizard.partner_id.email

    @api.depends("role_id")
    def _compute_category_names(self):
        for wizard in self:
            wizard.category_names = ", ".join(
                wizard.role_id.document_category_ids.mapped("name")
            ) or self.env._("No documents, the conversation only")

    @api.depends("partner_id")
    def _compute_has_portal_access(self):
        for wizard in self:
            wizard.has_portal_access = bool(
                wizard.partner_id.sudo().with_context(active_test=False).user_ids.filtered(
                    lambda u: u.active
                )
            )

    def action_share(self):
        """Add the participant (or restore an archived one) and invite the partner."""
        self.ensure_one()
        target = self.claim_id or self.incident_id
        if not target:
            raise UserError(self.env._("Open the wizard from a claim or an incident."))
        target.check_access("write")
        participant = self._get_or_create_participant(target)
        user = self._grant_portal_access(target.company_id)
        target.message_post(
            body=self.env._(
                "Shared in the portal with %(partner)s as %(role)s.",
                partner=self.partner_id.display_name,
                role=self.role_id.name,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return {"type": "ir.actions.act_window_close", "infos": {
            "participant_id": participant.id, "user_id": user.id}}

    def _get_or_create_participant(self, target):
        field = "claim_id" if target._name == "claims.claim" else "incident_id"
        Participant = self.env["claims.participant"].with_context(active_test=False)
        participant = Participant.search([
            (field, "=", target.id),
            ("partner_id", "=", self.partner_id.id),
            ("role_id", "=", self.role_id.id),
        ], limit=1)
        if participant:
            participant.active = True
        else:
            participant = Participant.create({
                field: target.id,
                "partner_id": self.partner_id.id,
                "role_id": self.role_id.id,
            })
        return participant

    def _grant_portal_access(self, company):
        """A portal user for the partner through portal.wizard (invitation e-mail);
        the claim's company is added to the user's companies so company rules let it in."""
        partner_sudo = self.partner_id.sudo()
        users = partner_sudo.with_context(active_test=False).user_ids
        user = users.filtered("active")[:1]
        if not user:
            email = email_normalize(self.email or "")
            if not email:
                raise UserError(self.env._(
                    "%s has no valid e-mail address: add one to send the invitation.",
                    self.partner_id.display_name,
                ))
            # sudo: inviting portal users is a claims user's job here, not a contacts
            # manager's; portal.wizard checks the e-mail and sends the invitation.
            wizard = self.env["portal.wizard"].sudo().with_company(company).create(
                {"partner_ids": [fields.Command.link(partner_sudo.id)]}
            )
            wizard_user = wizard.user_ids.filtered(lambda w: w.partner_id == partner_sudo)
            wizard_user.email = email
            wizard_user.action_grant_access()
            user = partner_sudo.with_context(active_test=False).user_ids[:1]
        if user._is_portal() and company not in user.company_ids:
            user.sudo().company_ids = [fields.Command.link(company.id)]
        return user
