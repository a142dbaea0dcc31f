# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger
from odoo.tools.mail import email_normalize

from .common_package import PNG_BYTES, ClaimsPackageCommon

LAWYER = "Lara Lawyer <lara.lawyer@lawfirm.example>"


@tagged("post_install", "-at_install")
class TestClaimsPackageReply(ClaimsPackageCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Review = cls.env["claims.mail.review"]

    def setUp(self):
        super().setUp()
        self.package = self._send_package(self.lawyer, self.doc_photo)
        self.package_message_id = self._sent_mail_to(self.package.email)["message_id"]

    def _claim_email_messages(self):
        return self.claim.message_ids.filtered(lambda m: m.message_type == "email")

    def assertReplyFiledOnClaim(self, subject):
        message = self._claim_email_messages()
        self.assertEqual(len(message), 1)
        self.assertEqual(message.subject, subject)
        self.assertEqual(message.author_id, self.lawyer)
        self.assertIn("Please find our position attached.", message.body)
        document = self.claim.document_ids.filtered(lambda d: d.name == "counter-offer.pdf")
        self.assertEqual(len(document), 1)
        self.assertEqual(document.category_id, self.category_correspondence)
        self.assertEqual(document.attachment_id, message.attachment_ids)
        self.assertEqual(self.package.reply_count, 1)
        self.assertIn(
            self.user_handler.partner_id, message.notification_ids.res_partner_id,
            "followers of the claim are notified of the reply",
        )
        self.assertFalse(self.Review.search([]))
        return message

    # ------------------------------------------------------------------ accepted

    def test_reply_without_references_and_new_subject_finds_claim_by_token(self):
        self._reply(email_from=LAWYER, to=self.package.reply_address,
                    subject="Settlement proposal (our ref. LL-77)")
        self.assertReplyFiledOnClaim("Settlement proposal (our ref. LL-77)")

    def test_reply_with_reply_address_only_in_cc_finds_claim(self):
        self._reply(email_from=LAWYER, to="Office <office@lawfirm.example>",
                    cc=f"Claims desk <{self.package.reply_address}>", subject="Our position")
        self.assertReplyFiledOnClaim("Our position")

    def test_reply_by_references_only_finds_claim(self):
        self._reply(email_from=LAWYER, to="someone@elsewhere.example",
                    references=self.package_message_id, subject="Re: documents")
        self.assertReplyFiledOnClaim("Re: documents")

    def test_sender_address_is_compared_without_case(self):
        self._reply(email_from="LARA.LAWYER@LAWFIRM.EXAMPLE",
                    to=self.package.reply_address.upper(), subject="Shouting")
        self.assertEqual(len(self._claim_email_messages()), 1)

    def test_reply_attachment_is_filed_in_category_mapped_to_its_extension(self):
        self.category_photo.mail_extensions = "jpg, .PNG"
        self._reply(email_from=LAWYER, to=self.package.reply_address,
                    attachment=("damage.png", PNG_BYTES, "image", "png"))
        document = self.claim.document_ids.filtered(lambda d: d.name == "damage.png")
        self.assertEqual(document.category_id, self.category_photo)

    def test_reply_attachment_goes_to_default_category_of_settings(self):
        legal = self.env.ref("claims_base.claims_document_category_legal")
        self.env["res.config.settings"].create(
            {"claims_mail_document_category_id": legal.id}
        ).execute()
        self._reply(email_from=LAWYER, to=self.package.reply_address)
        document = self.claim.document_ids.filtered(lambda d: d.name == "counter-offer.pdf")
        self.assertEqual(document.category_id, legal)

    # ------------------------------------------------------------------ refused

    def assertInReview(self, email_from):
        review = self.Review.search([])
        self.assertEqual(len(review), 1)
        self.assertEqual(email_normalize(review.email_from), email_normalize(email_from))
        self.assertRecordValues(review, [{
            "subject": "Re: your file",
            "claim_id": self.claim.id,
            "package_id": self.package.id,
            "state": "new",
            "reason": "wrong_sender",
        }])
        self.assertIn("Please find our position attached.", review.body)
        self.assertEqual(review.attachment_ids.mapped("name"), ["counter-offer.pdf"])
        self.assertFalse(self._claim_email_messages(), "nothing is posted on the claim")
        self.assertNotIn("counter-offer.pdf", self.claim.document_ids.mapped("name"))
        self.assertEqual(self.package.reply_count, 0)
        return review

    def test_reply_from_another_address_goes_to_review(self):
        self._reply(email_from="intruder@evil.example", to=self.package.reply_address)
        self.assertInReview("intruder@evil.example")

    def test_reply_with_recipient_display_name_but_other_address_goes_to_review(self):
        spoof = "Lara Lawyer <lara.lawyer@lawfirm-mail.example>"
        self._reply(email_from=spoof, to=self.package.reply_address)
        self.assertInReview(spoof)

    def test_reply_by_references_from_another_address_goes_to_review(self):
        self._reply(email_from="intruder@evil.example", to="someone@elsewhere.example",
                    references=self.package_message_id)
        self.assertInReview("intruder@evil.example")

    def test_unknown_token_is_not_routed_to_any_claim(self):
        with mute_logger("odoo.addons.mail.models.mail_thread"), self.assertRaises(ValueError):
            self._reply(email_from=LAWYER, to=f"claims+{'0' * 32}@claims.example.com")
        self.assertFalse(self._claim_email_messages())
        self.assertFalse(self.Review.search([]))

    # ------------------------------------------------------------------ review

    def test_handler_attaches_reviewed_mail_to_claim(self):
        self._reply(email_from="assistant@lawfirm.example", to=self.package.reply_address)
        review = self.Review.search([])
        review.with_user(self.user_handler).action_attach()
        message = self._claim_email_messages()
        self.assertEqual(len(message), 1)
        self.assertEqual(message.email_from, "assistant@lawfirm.example")
        self.assertIn("Please find our position attached.", message.body)
        document = self.claim.document_ids.filtered(lambda d: d.name == "counter-offer.pdf")
        self.assertEqual(document.category_id, self.category_correspondence)
        self.assertRecordValues(review, [{"state": "attached", "user_id": self.user_handler.id}])
        with self.assertRaises(UserError):
            review.with_user(self.user_handler).action_discard()

    def test_handler_discards_reviewed_mail(self):
        self._reply(email_from="intruder@evil.example", to=self.package.reply_address)
        review = self.Review.search([])
        review.with_user(self.user_handler).action_discard()
        self.assertEqual(review.state, "discarded")
        self.assertFalse(self._claim_email_messages())
        with self.assertRaises(UserError):
            review.with_user(self.user_handler).action_attach()

    def test_user_of_other_company_does_not_see_review(self):
        self._reply(email_from="intruder@evil.example", to=self.package.reply_address)
        self.assertFalse(self.Review.with_user(self.user_branch).search([]))
        self.assertEqual(len(self.Review.with_user(self.user_handler).search([])), 1)
