# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import clean_context, email_normalize


class ClaimsShareWizard(models.TransientModel):
    """Share a claim or an incident with a partner in the portal.

    The partner becomes an active participant with a role (which decides the document
    categories they see) and gets a portal user through Odoo's portal wizard, which sends
    the invitation e-mail. Access rests on the participant: revoking archives it.

    The wizard never edits a contact: the invitation goes to the contact's own e-mail address
    (fixed in Contacts by whoever may edit the contact), and a contact whose portal account
    was archived is refused (an administrator restores the account, or not). Only contacts the
    claim's company may use are offered: shared ones (no company), and those of the claim's
    company, of its parents or of its branches.
    """

    _name = "claims.share.wizard"
    _description = "Share in the portal"

    claim_id = fields.Many2one("claims.claim", readonly=True)
    incident_id = fields.Many2one("claims.incident", readonly=True)
    company_id = fields.Many2one("res.company", compute="_compute_company_id")
    partner_id = fields.Many2one(
        "res.partner",
        string="Share with",
        required=True,
        domain="['|', '|', ('company_id', '=', False), ('company_id', 'parent_of', company_id),"
        " ('company_id', 'child_of', company_id)]",
    )
    # Shown only: not a related field, whose inverse would write on the contact.
    email = fields.Char(
        string="Invitation to",
        compute="_compute_email",
        help="The contact's own address: the invitation goes there and it becomes the "
        "login. Change it on the contact if it is wrong.",
    )
    role_id = fields.Many2one("claims.participant.role", required=True)
    category_names = fields.Char(
        string="Will see", compute="_compute_category_names",
        help="The document categories this role sees in the portal.",
    )
    has_portal_access = fields.Boolean(compute="_compute_has_portal_access")

    @api.constrains("partner_id", "claim_id", "incident_id")
    def _check_partner_company(self):
        """Only a contact the claim's (or incident's) company may use is shared with."""
        for wizard in self:
            if wizard.partner_id and not wizard._is_partner_allowed():
                raise ValidationError(self.env._(
                    "This contact belongs to another company: %(company)s cannot share "
                    "with it. Choose a contact of %(company)s or a shared one.",
                    company=wizard.company_id.display_name,
                ))

    @api.depends("claim_id.company_id", "incident_id.company_id")
    def _compute_company_id(self):
        for wizard in self:
            wizard.company_id = (wizard.claim_id or wizard.incident_id).company_id

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
        self._check_partner_company()
        self._check_can_invite()
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
        """A portal user for the partner through portal.wizard (invitation e-mail); the
        claim's company is added to the user's companies so company rules let it in.

        The invitation goes to the contact's own address: nothing here writes on the
        contact. An archived account is not brought back: it would return with the companies
        (and the login) it had, which only an administrator may decide.
        """
        partner_sudo = self.partner_id.sudo()
        user = partner_sudo.user_ids.filtered("active")[:1]
        if not user:
            # sudo: inviting portal users is a claims user's job here, not a contacts
            # manager's; portal.wizard checks the e-mail and sends the invitation. Its
            # line starts with the contact's own address, so it writes nothing back on the
            # contact; the caller's context brings no defaults in.
            wizard = self.env["portal.wizard"].sudo().with_context(
                clean_context(self.env.context)
            ).with_company(company).create(
                {"partner_ids": [fields.Command.link(partner_sudo.id)]}
            )
            wizard_user = wizard.user_ids.filtered(lambda w: w.partner_id == partner_sudo)
            wizard_user.action_grant_access()
            user = partner_sudo.user_ids.filtered("active")[:1]
        if user._is_portal() and company not in user.company_ids:
            user.sudo().company_ids = [fields.Command.link(company.id)]
        return user

    def _check_can_invite(self):
        """Refuse, before anything is done, a contact that cannot be invited: one whose
        account was archived, or without an e-mail address of its own."""
        partner_sudo = self.partner_id.sudo()
        users = partner_sudo.with_context(active_test=False).user_ids
        if users.filtered("active"):
            return
        if users:
            raise UserError(self.env._(
                "%s has an archived user account: an administrator must restore it "
                "(Settings > Users) before the contact can be invited again.",
                self.partner_id.display_name,
            ))
        if not email_normalize(partner_sudo.email or ""):
            raise UserError(self.env._(
                "%s has no valid e-mail address: add one to send the invitation.",
                self.partner_id.display_name,
            ))

    def _is_partner_allowed(self):
        """Whether the claim's company may use the contact: a shared contact, or one of
        the company, of a parent of it or of one of its branches."""
        self.ensure_one()
        partner_company = self.partner_id.sudo().company_id
        if not partner_company:
            return True
        company = self.company_id.sudo()
        if not company:
            return False
        return company.parent_path.startswith(partner_company.parent_path) or (
            partner_company.parent_path.startswith(company.parent_path)
        )
