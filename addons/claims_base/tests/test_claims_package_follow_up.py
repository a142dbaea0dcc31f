# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A package's recipients hear of the claim's later changes that their role may see, by
mail, from the reply address of their package, until the handler (or they) stop it."""

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common_package import PDF_BYTES, ClaimsPackageCommon

LAWYER = "Lara Lawyer <lara.lawyer@lawfirm.example>"
INTERNAL_NOTE = "Desk only: fraud suspected, hold the payments"


@tagged("post_install", "-at_install")
class TestClaimsPackageFollowUp(ClaimsPackageCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.role_lawyer = cls.env.ref("claims_base.claims_participant_role_lawyer")
        cls.role_repairer = cls.env.ref("claims_base.claims_participant_role_repairer")
        cls.repairer = cls.env["res.partner"].create(
            {"name": "Garage Peeters", "email": "desk@garage-peeters.example"})
        cls.stage_next = cls.env["claims.claim.stage"].create(
            {"name": "Assessment", "sequence": 2})

    def setUp(self):
        super().setUp()
        self.package_lawyer = self._send_package(self.lawyer, self.doc_photo)
        self.package_repairer = self._send_package(
            self.repairer, self.doc_photo, default_role_id=self.role_repairer.id)
        self._end_transaction()

    # ------------------------------------------------------------------ helpers

    def _end_transaction(self):
        self.env.flush_all()
        self.env.cr.precommit.run()

    def _update_mails(self, package):
        return self.env["mail.mail"].search(
            [("model", "=", "claims.package"), ("res_id", "=", package.id)], order="id")

    def _pay(self, amount):
        self.coverage._add_reserve(5000, "estimate")
        payment = self._payment(amount)
        payment.with_user(self.user_handler).action_request()
        payment.with_user(self.user_manager).action_approve()
        payment.with_user(self.user_manager).action_mark_paid()
        return payment

    # ------------------------------------------------------------------ tests

    def test_package_recipient_is_kept_informed_in_the_role_sent(self):
        self.assertRecordValues(self.package_lawyer | self.package_repairer, [
            {"is_kept_informed": True, "role_id": self.role_lawyer.id},
            {"is_kept_informed": True, "role_id": self.role_repairer.id},
        ])
        self.assertFalse(self._update_mails(self.package_lawyer), "nothing to tell yet")

    def test_stage_change_is_mailed_from_each_recipients_own_reply_address(self):
        self.claim.with_user(self.user_handler).write({
            "stage_id": self.stage_next.id, "description": INTERNAL_NOTE})
        self._end_transaction()
        for package in self.package_lawyer | self.package_repairer:
            mail = self._update_mails(package)
            self.assertEqual(len(mail), 1)
            self.assertEqual(mail.email_to, f'"{package.partner_id.name}" <{package.email}>')
            self.assertEqual(mail.reply_to, package.reply_address)
            self.assertFalse(mail.recipient_ids)
            self.assertIn(self.claim.name, mail.subject)
            self.assertIn("Assessment", mail.body_html)
            self.assertIn(package.stop_url, mail.body_html)
            self.assertNotIn("fraud suspected", mail.body_html)
        self.assertEqual(self.package_lawyer.update_ids.state, "sent")

    def test_published_document_is_mailed_to_roles_that_see_its_category(self):
        self._add_document("expertise.pdf", PDF_BYTES, self.category_police, published=True)
        self._add_document("medical-note.pdf", PDF_BYTES, self.category_photo)
        self._end_transaction()
        mail = self._update_mails(self.package_lawyer)
        self.assertEqual(len(mail), 1)
        self.assertIn("expertise.pdf", mail.body_html)
        self.assertNotIn("medical-note.pdf", mail.body_html, "not published")
        self.assertFalse(self._update_mails(self.package_repairer),
                         "repairers do not see police reports")

    def test_payment_paid_is_mailed_to_roles_that_may_see_payments(self):
        self._pay(1200)
        self._end_transaction()
        mail = self._update_mails(self.package_repairer)
        self.assertEqual(len(mail), 1)
        self.assertIn("1,200.00", mail.body_html)
        self.assertEqual(mail.reply_to, self.package_repairer.reply_address)
        self.assertFalse(self._update_mails(self.package_lawyer), "lawyers hear of no payment")

    def test_message_to_recipient_is_mailed_once_from_reply_address(self):
        mails_before = self.env["mail.mail"].search([])
        self.claim.with_user(self.user_handler).message_post(
            body="Could you confirm the date of the hearing?", message_type="comment",
            subtype_xmlid="mail.mt_comment", partner_ids=self.lawyer.ids)
        self._end_transaction()
        mail = self._update_mails(self.package_lawyer)
        self.assertEqual(len(mail), 1)
        self.assertIn("date of the hearing", mail.body_html)
        self.assertEqual(mail.reply_to, self.package_lawyer.reply_address)
        new_mails = self.env["mail.mail"].search([]) - mails_before
        self.assertEqual(new_mails, mail, "no second mail through Odoo's notification")
        self.assertFalse(self._update_mails(self.package_repairer), "not addressed to them")

    def test_internal_note_is_never_mailed_to_recipients(self):
        self.claim.with_user(self.user_handler).message_post(
            body=INTERNAL_NOTE, subtype_xmlid="mail.mt_note")
        self.claim.with_user(self.user_handler).write({"stage_id": self.stage_next.id})
        self._end_transaction()
        mails = self.env["mail.mail"].search([("model", "=", "claims.package")])
        self.assertEqual(len(mails), 2, "the stage change, one per recipient")
        for mail in mails:
            self.assertNotIn("fraud suspected", mail.body_html)

    def test_several_changes_in_one_transaction_make_one_mail(self):
        self._add_document("expertise.pdf", PDF_BYTES, self.category_photo, published=True)
        self.claim.with_user(self.user_handler).write({"stage_id": self.stage_next.id})
        self._end_transaction()
        mail = self._update_mails(self.package_lawyer)
        self.assertEqual(len(mail), 1)
        self.assertIn("expertise.pdf", mail.body_html)
        self.assertIn("Assessment", mail.body_html)
        self.assertEqual(len(self.package_lawyer.update_ids), 2)
        self.assertEqual(self.package_lawyer.update_ids.mail_id, mail)

    def test_same_event_is_mailed_once(self):
        document = self._add_document("expertise.pdf", PDF_BYTES, self.category_photo,
                                      published=True)
        self._end_transaction()
        self.env["claims.package"]._inform_of(
            self.claim, "document", document, lambda d: f"document:{d.id}")
        self._end_transaction()
        self.assertEqual(len(self._update_mails(self.package_lawyer)), 1)

    def test_recipient_sent_two_packages_hears_once_from_latest_reply_address(self):
        second = self._send_package(self.lawyer, self.doc_police)
        self.claim.with_user(self.user_handler).write({"stage_id": self.stage_next.id})
        self._end_transaction()
        self.assertFalse(self._update_mails(self.package_lawyer))
        mail = self._update_mails(second)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.reply_to, second.reply_address)

    def test_participant_following_the_stage_does_not_hear_twice(self):
        self.env["claims.participant"].create({
            "claim_id": self.claim.id, "partner_id": self.lawyer.id,
            "role_id": self.role_lawyer.id})
        self.claim.with_user(self.user_handler).write({"stage_id": self.stage_next.id})
        self._end_transaction()
        self.assertFalse(self._update_mails(self.package_lawyer), "told as a follower")

    def test_update_is_in_the_recipients_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.stage_next.with_context(lang="fr_FR").name = "Expertise en cours"
        self.lawyer.lang = "fr_FR"
        self.claim.with_user(self.user_handler).write({"stage_id": self.stage_next.id})
        self._end_transaction()
        self.assertIn("Expertise en cours", self._update_mails(self.package_lawyer).body_html)
        self.assertIn("Assessment", self._update_mails(self.package_repairer).body_html)

    def test_handler_stops_one_recipient(self):
        self.package_lawyer.with_user(self.user_handler).action_stop_updates()
        self.claim.with_user(self.user_handler).write({"stage_id": self.stage_next.id})
        self._end_transaction()
        self.assertFalse(self._update_mails(self.package_lawyer))
        self.assertEqual(len(self._update_mails(self.package_repairer)), 1)
        self.assertTrue(any("no longer mailed" in body
                            for body in self.claim.message_ids.mapped("body")))

    def test_handler_stops_all_recipients_of_a_claim(self):
        self.claim.with_user(self.user_handler).action_stop_package_updates()
        self.assertFalse(self.claim.package_informed_count)
        self.claim.with_user(self.user_handler).write({"stage_id": self.stage_next.id})
        self._pay(300)
        self._end_transaction()
        self.assertFalse(self.env["mail.mail"].search([("model", "=", "claims.package")]))

    def test_user_of_another_company_cannot_stop_or_resume(self):
        with self.assertRaises(AccessError):
            self.package_lawyer.with_user(self.user_branch).action_stop_updates()
        self.package_lawyer.with_user(self.user_handler).action_stop_updates()
        with self.assertRaises(AccessError):
            self.package_lawyer.with_user(self.user_branch).action_resume_updates()
        with self.assertRaises(AccessError):
            self.package_lawyer.with_user(self.user_handler).write({"is_kept_informed": True})
        self.assertFalse(self.package_lawyer.is_kept_informed)

    def test_reply_to_an_update_comes_back_to_the_claim(self):
        self.claim.with_user(self.user_handler).write({"stage_id": self.stage_next.id})
        self._end_transaction()
        mail = self._update_mails(self.package_lawyer)
        self._reply(email_from=LAWYER, to=mail.reply_to, subject="Re: news")
        self.assertEqual(self.package_lawyer.reply_count, 1)
        self.assertTrue(self.claim.message_ids.filtered(
            lambda m: m.subtype_id == self.env.ref("claims_base.mt_claim_package_reply")))

    def test_updates_log_is_read_only_for_the_desk(self):
        self.claim.with_user(self.user_handler).write({"stage_id": self.stage_next.id})
        self._end_transaction()
        update = self.package_lawyer.update_ids
        self.assertTrue(update.with_user(self.user_handler).read(["kind"]))
        with self.assertRaises(AccessError):
            update.with_user(self.user_handler).write({"state": "pending"})
        with self.assertRaises(AccessError):
            self.env["claims.package.update"].with_user(self.user_manager).create({
                "package_id": self.package_lawyer.id, "kind": "stage", "key": "forged",
                "stage_id": self.stage_next.id, "document_id": False,
                "payment_id": False, "message_id": False,
            })
        self.assertFalse(update.with_user(self.user_branch).search([("id", "=", update.id)]))

    def test_role_change_of_document_categories_applies_to_later_documents(self):
        self.category_police.role_ids = [Command.link(self.role_repairer.id)]
        self._add_document("expertise.pdf", PDF_BYTES, self.category_police, published=True)
        self._end_transaction()
        self.assertIn("expertise.pdf", self._update_mails(self.package_repairer).body_html)
