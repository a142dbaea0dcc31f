# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger
from odoo.tools.mail import email_normalize

from .common_package import PNG_BYTES, ClaimsPackageCommon
from .test_upload_paths import png_declaring

LAWYER = "Lara Lawyer <lara.lawyer@lawfirm.example>"
AUTHSERV_ID = "mx.claims.example.com"


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
        self.assertEqual(message.subtype_id, self.env.ref("claims_base.mt_claim_package_reply"))
        self.assertTrue(message.is_internal, "a reply is for the desk, not the portal")
        self.assertTrue(message.subtype_id.internal)
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

    def test_reply_with_an_image_too_large_is_filed_without_that_image(self):
        """A lawyer's reply with a picture of 144 megapixels: the mail, its text and a note
        naming the picture are filed; the picture is not stored, nothing fails."""
        bomb = png_declaring(12_000, 12_000)
        self._reply(email_from=LAWYER, to=self.package.reply_address,
                    attachment=("scan.png", bomb, "image", "png"))
        message = self._claim_email_messages()
        self.assertEqual(len(message), 1)
        self.assertIn("Please find our position attached.", message.body)
        self.assertIn("scan.png", message.body)
        self.assertIn("40 megapixels", message.body)
        self.assertFalse(message.attachment_ids)
        self.assertFalse(self.claim.document_ids.filtered(lambda d: d.name == "scan.png"))

    def test_reply_attachment_goes_to_default_category_of_settings(self):
        legal = self.env.ref("claims_base.claims_document_category_legal")
        self.env["res.config.settings"].create(
            {"claims_mail_document_category_id": legal.id}
        ).execute()
        self._reply(email_from=LAWYER, to=self.package.reply_address)
        document = self.claim.document_ids.filtered(lambda d: d.name == "counter-offer.pdf")
        self.assertEqual(document.category_id, legal)

    # ------------------------------------------------------------------ refused

    def assertInReview(self, email_from, reason="wrong_sender"):
        review = self.Review.search([])
        self.assertEqual(len(review), 1)
        if email_normalize(email_from):
            self.assertEqual(email_normalize(review.email_from), email_normalize(email_from))
        self.assertRecordValues(review, [{
            "subject": "Re: your file",
            "claim_id": self.claim.id,
            "package_id": self.package.id,
            "state": "new",
            "reason": reason,
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

    def test_reply_whose_from_holds_two_addresses_goes_to_review(self):
        """Odoo reads the first address of From; a mail program may show the other one."""
        for raw_from in (
            b"lara.lawyer@lawfirm.example, evil@x.example",
            b"Lara Lawyer <lara.lawyer@lawfirm.example>, Eve <evil@x.example>",
            b"lara.lawyer@lawfirm.example\r\nFrom: evil@x.example",
        ):
            with self.subTest(raw_from=raw_from):
                self._reply(email_from=None, raw_from=raw_from, to=self.package.reply_address)
                self.assertInReview("lara.lawyer@lawfirm.example", reason="ambiguous_sender")
                self.Review.search([]).unlink()

    def test_reply_with_an_address_in_the_display_name_goes_to_review(self):
        for raw_from in (
            b'"lara.lawyer@lawfirm.example" <evil@x.example>',
            b"lara.lawyer@lawfirm.example <evil@x.example>",
            b'"evil@x.example" <lara.lawyer@lawfirm.example>',
            b"=?utf-8?q?lara=2Elawyer=40lawfirm=2Eexample?= <evil@x.example>",
        ):
            with self.subTest(raw_from=raw_from):
                self._reply(email_from=None, raw_from=raw_from, to=self.package.reply_address)
                self.assertInReview(False, reason="ambiguous_sender")
                self.Review.search([]).unlink()

    def test_display_name_repeating_the_real_address_is_accepted(self):
        self._reply(email_from='"lara.lawyer@lawfirm.example" <lara.lawyer@lawfirm.example>',
                    to=self.package.reply_address, subject="Outlook style")
        self.assertReplyFiledOnClaim("Outlook style")

    def test_automatic_replies_are_not_filed_and_notify_nobody(self):
        for headers in (
            {"Auto-Submitted": "auto-replied"},
            {"Auto-Submitted": "auto-generated; owner-email=lara.lawyer@lawfirm.example"},
            {"X-Autoreply": "yes"},
            {"Precedence": "auto_reply"},
            {"Return-Path": "<>"},
        ):
            with self.subTest(headers=headers):
                notifications = self.env["mail.notification"].search_count([])
                self._reply(email_from=LAWYER, to=self.package.reply_address,
                            headers=headers, subject="Re: your file")
                self.assertInReview(LAWYER, reason="auto_reply")
                self.assertFalse(self._mails, "no mail to anyone")
                self.assertEqual(self.env["mail.notification"].search_count([]), notifications)
                self.Review.search([]).unlink()

    def test_delivery_report_to_the_reply_address_is_not_filed(self):
        """A DSN is Odoo's bounce: the delivery is marked failed, nothing is filed."""
        report = "\r\n".join([
            "From: Mail Delivery System <postmaster@lawfirm.example>",
            f"To: {self.package.reply_address}",
            "Subject: Undelivered Mail Returned to Sender",
            "Message-ID: <dsn-1@mx.lawfirm.example>",
            "MIME-Version: 1.0",
            'Content-Type: multipart/report; report-type=delivery-status; boundary="dsn"',
            "",
            "--dsn",
            "Content-Type: text/plain",
            "",
            "Your message could not be delivered.",
            "--dsn",
            "Content-Type: message/delivery-status",
            "",
            "Reporting-MTA: dns; mx.lawfirm.example",
            "",
            "Final-Recipient: rfc822; lara.lawyer@lawfirm.example",
            "Action: failed",
            "Status: 5.1.1",
            "",
            "--dsn",
            "Content-Type: text/rfc822-headers",
            "",
            f"Message-ID: {self.package_message_id}",
            "Subject: documents",
            "",
            "--dsn--",
            "",
        ]).encode()
        notifications = self.env["mail.notification"].search_count([])
        with self.mock_mail_gateway():
            self.env["mail.thread"].sudo().message_process(None, report)
        self.assertFalse(self._claim_email_messages())
        self.assertFalse(self.Review.search([]))
        self.assertFalse(self._mails)
        self.assertEqual(self.env["mail.notification"].search_count([]), notifications)
        self.assertEqual(self.package.reply_count, 0)

    def test_dmarc_when_required_files_only_authenticated_replies(self):
        self.env["ir.config_parameter"].set_param(
            "claims_base.package_reply_authserv_id", AUTHSERV_ID)
        passed = (f"{AUTHSERV_ID}; spf=pass smtp.mailfrom=lawfirm.example; "
                  "dkim=pass header.d=lawfirm.example; dmarc=pass (p=reject) "
                  "header.from=lawfirm.example")
        for results in (
            None,
            passed.replace("dmarc=pass", "dmarc=fail"),
            passed.replace(AUTHSERV_ID, "mx.attacker.example"),  # not our server's
            passed.replace("header.from=lawfirm.example", "header.from=x.example"),
        ):
            with self.subTest(results=results):
                headers = {"Authentication-Results": results} if results else {}
                self._reply(email_from=LAWYER, to=self.package.reply_address, headers=headers)
                self.assertInReview(LAWYER, reason="unauthenticated")
                self.Review.search([]).unlink()
        self._reply(email_from=LAWYER, to=self.package.reply_address,
                    headers={"Authentication-Results": passed}, subject="Authenticated")
        self.assertReplyFiledOnClaim("Authenticated")

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
        self.assertTrue(message.is_internal)
        self.assertEqual(message.subtype_id, self.env.ref("claims_base.mt_claim_package_reply"))
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
