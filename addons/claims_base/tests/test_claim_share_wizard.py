# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .common import ClaimsCommon


@tagged("post_install", "-at_install")
class TestClaimShareWizard(ClaimsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.role_repairer = cls.env.ref("claims_base.claims_participant_role_repairer")
        cls.garage = cls.env["res.partner"].create(
            {"name": "Garage Peeters", "email": "info@garage-peeters.example.com"})

    def _share(self, target, partner, role, user=None, **values):
        field = "claim_id" if target._name == "claims.claim" else "incident_id"
        wizard = self.env["claims.share.wizard"].with_user(user or self.user_handler).create(
            {field: target.id, "partner_id": partner.id, "role_id": role.id, **values})
        return wizard.action_share()

    def test_share_adds_participant_and_portal_user_with_invitation(self):
        self._share(self.claim, self.garage, self.role_repairer)
        participant = self.claim.participant_ids.filtered(lambda p: p.partner_id == self.garage)
        self.assertRecordValues(participant, [{"role_id": self.role_repairer.id, "active": True}])
        user = self.garage.user_ids
        self.assertTrue(user._is_portal())
        self.assertIn(self.company, user.company_ids)
        invitation = self.env["mail.mail"].search([("recipient_ids", "in", self.garage.ids)])
        self.assertTrue(invitation, "the portal wizard's invitation e-mail is sent")
        self.assertIn("Shared in the portal with Garage Peeters as Repairer",
                      self.claim.message_ids[0].body)
        self.assertTrue(self.claim.with_user(user).has_access("read"))

    def test_share_again_restores_a_revoked_participant(self):
        self._share(self.claim, self.garage, self.role_repairer)
        participant = self.claim.participant_ids.filtered(lambda p: p.partner_id == self.garage)
        participant.with_user(self.user_handler).action_revoke()
        self.assertFalse(self.claim.with_user(self.garage.user_ids).has_access("read"))
        self._share(self.claim, self.garage, self.role_repairer)
        self.assertTrue(participant.active)
        self.assertTrue(self.claim.with_user(self.garage.user_ids).has_access("read"))
        bodies = " ".join(self.claim.message_ids.mapped("body"))
        self.assertIn("Access revoked: Garage Peeters (Repairer)", bodies)
        self.assertIn("Access restored: Garage Peeters (Repairer)", bodies)

    def test_share_an_incident(self):
        incident = self.env["claims.incident"].create(
            {"incident_type": "theft", "company_id": self.company.id})
        self._share(incident, self.garage, self.role_repairer)
        self.assertTrue(incident.with_user(self.garage.user_ids).has_access("read"))
        self.assertFalse(self.claim.with_user(self.garage.user_ids).has_access("read"))

    def test_share_needs_an_email_for_the_invitation(self):
        self.garage.email = False
        with self.assertRaises(UserError):
            self._share(self.claim, self.garage, self.role_repairer)

    def test_user_of_another_company_cannot_share(self):
        claim = self.env["claims.claim"].create({"company_id": self.other_company.id})
        with self.assertRaises(AccessError):
            self._share(claim, self.garage, self.role_repairer)

    # ------------------------------------------------------------------ contacts stay as they are

    def test_share_never_changes_the_contact_email(self):
        """Typing another address (here another contact's) in the wizard, e.g. over RPC,
        neither changes the contact's address nor sends the invitation elsewhere."""
        other = self.env["res.partner"].create(
            {"name": "Vera Victim", "email": "vera@victim.example.com"})
        self._share(self.claim, self.garage, self.role_repairer, email=other.email)
        self.assertEqual(self.garage.email, "info@garage-peeters.example.com")
        self.assertEqual(other.email, "vera@victim.example.com")
        self.assertEqual(self.garage.user_ids.login, "info@garage-peeters.example.com")
        self.assertFalse(other.user_ids)
        invitation = self.env["mail.mail"].search([("recipient_ids", "in", self.garage.ids)])
        self.assertTrue(invitation)
        self.assertNotIn("vera@victim.example.com", " ".join(
            invitation.mapped(lambda m: f"{m.email_to or ''} {m.recipient_ids.email}")))

    def test_share_does_not_fill_in_a_missing_email(self):
        self.garage.email = False
        with self.assertRaises(UserError):
            self._share(self.claim, self.garage, self.role_repairer,
                        email="someone@elsewhere.example.com")
        self.assertFalse(self.garage.email)
        self.assertFalse(self.garage.with_context(active_test=False).user_ids)

    def test_archived_portal_user_is_not_brought_back(self):
        """A contact whose portal account was revoked is refused, not reactivated with the
        companies it had."""
        old_user = new_test_user(
            self.env, login="info@garage-peeters.example.com", groups="base.group_portal",
            partner_id=self.garage.id, company_id=self.other_company.id,
            company_ids=[Command.set(self.other_company.ids)],
        )
        old_user.write({
            "active": False,
            "group_ids": [Command.unlink(self.env.ref("base.group_portal").id),
                          Command.link(self.env.ref("base.group_public").id)],
        })
        with self.assertRaisesRegex(UserError, "archived user account"):
            self._share(self.claim, self.garage, self.role_repairer)
        self.assertFalse(old_user.active)
        self.assertEqual(old_user.company_ids, self.other_company)
        self.assertFalse(self.claim.participant_ids.filtered(
            lambda p: p.partner_id == self.garage))

    # ------------------------------------------------------------------ contacts of the company

    def test_contact_of_another_company_is_refused(self):
        theirs = self.env["res.partner"].create({
            "name": "Their Garage", "email": "garage@other.example.com",
            "company_id": self.other_company.id,
        })
        # a user of both companies sees the contact, and still may not share with it
        both = new_test_user(
            self.env, login="two_companies", groups="claims_base.group_claims_user",
            company_id=self.company.id,
            company_ids=[Command.set((self.company | self.other_company).ids)],
        )
        for user in (self.user_handler, both):
            with self.subTest(user=user.login), self.assertRaises(ValidationError):
                self._share(self.claim, theirs, self.role_repairer, user=user)
        self.assertFalse(theirs.with_context(active_test=False).user_ids)
        self.assertNotIn(theirs, self.claim.participant_ids.partner_id)

    def test_contacts_offered_are_those_the_claim_company_may_use(self):
        contacts = self.env["res.partner"].create([
            {"name": "Shared contact"},
            {"name": "Parent contact", "company_id": self.company.id},
            {"name": "Branch contact", "company_id": self.branch.id},
            {"name": "Outside contact", "company_id": self.other_company.id},
        ])
        domain = self.env["claims.share.wizard"]._fields["partner_id"].domain
        for company, expected in (
            (self.company, contacts[:3]),
            (self.branch, contacts[:3]),
        ):
            with self.subTest(company=company.name):
                offered = self.env["res.partner"].search(
                    safe_eval(domain, {"company_id": company.id}) + [("id", "in", contacts.ids)])
                self.assertEqual(offered, expected)
        # and what is offered may be shared with, from a branch claim too
        branch_claim = self._create_claim(self.branch)
        for contact in contacts[:3]:
            contact.email = f"{contact.id}@contacts.example.com"
            self._share(branch_claim, contact, self.role_repairer)
        self.assertEqual(branch_claim.participant_ids.partner_id, contacts[:3])
