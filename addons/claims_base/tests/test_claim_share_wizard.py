# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ClaimsCommon


@tagged("post_install", "-at_install")
class TestClaimShareWizard(ClaimsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.role_repairer = cls.env.ref("claims_base.claims_participant_role_repairer")
        cls.garage = cls.env["res.partner"].create(
            {"name": "Garage Peeters", "email": "info@garage-peeters.example.com"})

    def _share(self, target, partner, role, user=None):
        field = "claim_id" if target._name == "claims.claim" else "incident_id"
        wizard = self.env["claims.share.wizard"].with_user(user or self.user_handler).create(
            {field: target.id, "partner_id": partner.id, "role_id": role.id})
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
