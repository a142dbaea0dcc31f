# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common_package import PDF_BYTES, ClaimsPackageCommon


@tagged("post_install", "-at_install")
class TestClaimsParticipantNotify(ClaimsPackageCommon):
    """Participants hear of the changes their role subscribed to, one message per change."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mt_stage = cls.env.ref("claims_base.mt_claim_stage")
        cls.mt_document = cls.env.ref("claims_base.mt_claim_document")
        cls.mt_paid = cls.env.ref("claims_base.mt_claim_payment_paid")
        cls.role_lawyer = cls.env.ref("claims_base.claims_participant_role_lawyer")
        cls.role_repairer = cls.env.ref("claims_base.claims_participant_role_repairer")
        cls.role_lawyer.subtype_ids = [Command.set((cls.mt_stage | cls.mt_document).ids)]
        cls.role_repairer.subtype_ids = [Command.set(cls.mt_paid.ids)]
        cls.repairer = cls.env["res.partner"].create(
            {"name": "Garage Peeters", "email": "desk@garage-peeters.example"}
        )
        cls.stage_next = cls.env["claims.claim.stage"].create({"name": "Assessment"})
        cls.participant_lawyer, cls.participant_repairer = cls.env["claims.participant"].create([
            {"claim_id": cls.claim.id, "partner_id": cls.lawyer.id,
             "role_id": cls.role_lawyer.id},
            {"claim_id": cls.claim.id, "partner_id": cls.repairer.id,
             "role_id": cls.role_repairer.id},
        ])

    def _follower(self, partner):
        return self.claim.message_follower_ids.filtered(lambda f: f.partner_id == partner)

    def _new_messages(self, before):
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking messages are posted at commit
        self.claim.invalidate_recordset(["message_ids"])
        return self.claim.message_ids - before

    def test_participant_follows_claim_with_subtypes_of_role(self):
        self.assertEqual(self._follower(self.lawyer).subtype_ids, self.mt_stage | self.mt_document)
        self.assertEqual(self._follower(self.repairer).subtype_ids, self.mt_paid)

    def test_stage_change_is_one_message_to_roles_that_subscribed(self):
        before = self.claim.message_ids
        self.claim.with_user(self.user_handler).write({
            "stage_id": self.stage_next.id,
            "insurer_claim_number": "DELTA-123",
            "date_loss": "2026-03-03",
        })
        message = self._new_messages(before)
        self.assertEqual(len(message), 1, "one change, one message")
        self.assertEqual(message.subtype_id, self.mt_stage)
        self.assertEqual(len(message.tracking_value_ids), 3)
        notified = message.notification_ids.res_partner_id
        self.assertIn(self.lawyer, notified)
        self.assertNotIn(self.repairer, notified)

    def test_published_document_added_notifies_roles_that_subscribed(self):
        before = self.claim.message_ids
        self._add_document("expertise.pdf", PDF_BYTES, self.category_police, published=True)
        message = self._new_messages(before)
        self.assertEqual(len(message), 1)
        self.assertEqual(message.subtype_id, self.mt_document)
        self.assertIn("expertise.pdf", message.body)
        notified = message.notification_ids.res_partner_id
        self.assertIn(self.lawyer, notified)
        self.assertNotIn(self.repairer, notified)

    def test_internal_document_added_makes_no_message(self):
        before = self.claim.message_ids
        self._add_document("medical-note.pdf", PDF_BYTES, self.category_police)
        self.assertFalse(self._new_messages(before))

    def test_payment_paid_notifies_roles_that_subscribed(self):
        self.coverage._add_reserve(5000, "estimate")
        payment = self._payment(1200)
        payment.with_user(self.user_handler).action_request()
        payment.with_user(self.user_manager).action_approve()
        before = self.claim.message_ids
        payment.with_user(self.user_manager).action_mark_paid()
        message = self._new_messages(before)
        self.assertEqual(len(message), 1)
        self.assertEqual(message.subtype_id, self.mt_paid)
        notified = message.notification_ids.res_partner_id
        self.assertIn(self.repairer, notified)
        self.assertNotIn(self.lawyer, notified)

    def test_role_change_replaces_subtypes(self):
        self.participant_lawyer.role_id = self.role_repairer
        self.assertEqual(self._follower(self.lawyer).subtype_ids, self.mt_paid)

    def test_partner_with_two_roles_gets_union_of_subtypes(self):
        self.env["claims.participant"].create({
            "claim_id": self.claim.id, "partner_id": self.lawyer.id,
            "role_id": self.role_repairer.id,
        })
        self.assertEqual(self._follower(self.lawyer).subtype_ids,
                         self.mt_stage | self.mt_document | self.mt_paid)

    def test_removed_or_archived_participant_stops_following(self):
        self.participant_repairer.unlink()
        self.assertFalse(self._follower(self.repairer))
        self.participant_lawyer.active = False
        self.assertFalse(self._follower(self.lawyer))

    def test_manager_changes_role_subtypes_and_followers_follow(self):
        self.role_repairer.with_user(self.user_manager).subtype_ids = [
            Command.set((self.mt_paid | self.mt_stage).ids)
        ]
        self.assertEqual(self._follower(self.repairer).subtype_ids, self.mt_paid | self.mt_stage)

    def test_user_cannot_change_role_subtypes(self):
        with self.assertRaises(AccessError):
            self.role_lawyer.with_user(self.user_handler).subtype_ids = [Command.clear()]
