# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The account link of a package is for its recipient only: in their mail, never in the
claim's messages, another recipient's mail or a field a desk user reads."""

import json

from odoo.tests import HttpCase, tagged

from .common import Json2Mixin
from .common_package import ClaimsPackageCommon


@tagged("post_install", "-at_install")
class TestClaimsPackageAccountLink(ClaimsPackageCommon, HttpCase, Json2Mixin):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a colleague following the claim's packages hears of them by e-mail
        cls.user_manager.notification_type = "email"
        cls.claim.message_subscribe(
            partner_ids=cls.user_manager.partner_id.ids,
            subtype_ids=cls.env.ref("claims_base.mt_claim_package").ids)

    def setUp(self):
        super().setUp()
        self.package = self._send_package(self.lawyer, self.doc_photo)
        self.token = self.package._get_account_token()

    def assertNoLink(self, text, where):
        self.assertNotIn(self.token, text, where)
        self.assertNotIn("/claims/account/", text, where)

    def test_link_only_in_the_recipients_mail(self):
        mail = self._sent_mail_to(self.lawyer.email)
        self.assertIn(f"/claims/account/{self.claim.id}/{self.token}", mail["body"])
        self.assertIn("Work on this claim online", mail["body"])
        self.assertNotIn("was offered a link", mail["body"])
        self.assertEqual(mail["reply_to"], self.package.reply_address)
        colleague = self._sent_mail_to(self.user_manager.email)
        self.assertNoLink(colleague["body"], "a colleague's mail")
        self.assertIn("was offered a link", colleague["body"])

    def test_claim_message_has_no_link(self):
        message = self.package.mail_message_id
        self.assertTrue(message.is_internal)
        self.assertNoLink(message.body, "the stored message")
        self.assertIn("The recipient was offered a link to open a free account", message.body)
        self.assertEqual(message.reply_to, self.package.reply_address)
        self.assertEqual(message.attachment_ids, self.package.summary_attachment_id
                         | self.package.zip_attachment_id)

    def test_desk_user_reads_no_link_over_http(self):
        self.authenticate("handler", "handler")
        result = self.make_jsonrpc_request("/mail/thread/messages", {
            "thread_model": "claims.claim", "thread_id": self.claim.id})
        self.assertIn(self.package.mail_message_id.id, result["messages"])
        text = json.dumps(result)
        self.assertIn("was offered a link", text)
        self.assertNoLink(text, "the claim's messages as the desk reads them")

    def test_desk_user_reads_no_link_over_json2(self):
        response = self._json2(self.user_handler, "claims.package", "read", {
            "ids": self.package.ids, "fields": ["account_url"]})
        self.assertNotEqual(response.status_code, 200, "no such field")
        response = self._json2(self.user_handler, "claims.package", "search_read", {
            "domain": [("id", "=", self.package.id)]})
        self.assertEqual(response.status_code, 200, response.text[:300])
        self.assertNoLink(response.text, "the package read with all its fields")
        for method in ("_get_account_url", "_get_account_token", "_add_account_link"):
            response = self._json2(self.user_handler, "claims.package", method, {
                "ids": self.package.ids, "mail_body": "<p>x</p>"})
            self.assertNotEqual(response.status_code, 200, method)
            self.assertNoLink(response.text, method)

    def test_posting_with_the_reply_address_mails_no_link(self):
        """A message posted on the claim like the package's (its subtype and reply address)
        does not get the link, even to the recipient."""
        claim = self.claim.with_user(self.user_handler)
        with self.mock_mail_gateway():
            claim.message_post(
                body="<p>Once more</p>", message_type="comment", is_internal=True,
                subtype_xmlid="claims_base.mt_claim_package", reply_to=self.package.reply_address,
                partner_ids=(self.lawyer | self.user_handler.partner_id).ids,
            )
        self.assertTrue(self._mails)
        for mail in self._mails:
            self.assertNoLink(mail["body"], mail["email_to"])
