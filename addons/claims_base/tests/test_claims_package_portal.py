# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What a portal participant of a claim reads of the claim's packages and of the replies.

A package's message holds the zip, the summary, a download link and the reply address; a
reply holds the outsider's text and files. A participant lists the claim's messages through
the chatter routes and tries every file it is shown, with the token it is given, and the
package's and the reply's files by id: it gets none of them, and the reply's files only
reach it as documents, under the rules of their category.
"""

import json

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common_package import PNG_BYTES, ClaimsPackageCommon

LAWYER = "Lara Lawyer <lara.lawyer@lawfirm.example>"


@tagged("post_install", "-at_install")
class TestClaimsPackagePortal(ClaimsPackageCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        partner = cls.env["res.partner"].create(
            {"name": "Bea Broker", "email": "bea@brokers.example"})
        cls.user_portal = new_test_user(
            cls.env, login="bea", password="bea-secret-1", groups="base.group_portal",
            partner_id=partner.id, company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        # brokers see photos and correspondence, and follow the claim's discussion
        cls.env["claims.participant"].create({
            "claim_id": cls.claim.id, "partner_id": partner.id,
            "role_id": cls.env.ref("claims_base.claims_participant_role_broker").id,
        })
        cls.doc_shared = cls._add_document(
            "shared-photo.png", PNG_BYTES, cls.category_photo, published=True)
        cls.claim.message_post(body="Visible conversation", message_type="comment",
                               subtype_xmlid="mail.mt_comment")

    def setUp(self):
        super().setUp()
        self.package = self._send_package(self.lawyer, self.doc_photo | self.doc_police)
        self.env["ir.config_parameter"].set_param("claims_base.package_size_cap_kb", "1")
        big = self._add_document("scan.bin", self._random_bytes(8000), self.category_police)
        self.linked_package = self._send_package(self.expert, big)
        self._reply(email_from=LAWYER, to=self.package.reply_address)
        self.reply = self.claim.message_ids.filtered(lambda m: m.message_type == "email")
        self.reply_document = self.claim.document_ids.filtered(
            lambda d: d.name == "counter-offer.pdf")
        self.assertTrue(self.reply and self.reply_document)
        packages = self.package | self.linked_package
        self.hidden_messages = packages.mail_message_id | self.reply
        self.hidden_files = (
            packages.zip_attachment_id | packages.summary_attachment_id
            | self.reply_document.attachment_id
        )
        self.secrets = [
            secret for package in packages
            for secret in (package.reply_token, package.access_token, package.reply_address,
                           package._get_account_token())
        ] + ["counter-offer.pdf", "Please find our position attached", "documents.zip"]

    def _get(self, url):
        with mute_logger("odoo.http", "odoo.addons.base.models.ir_rule"):
            return self.url_open(url, allow_redirects=False)

    def test_participant_lists_messages_without_packages_or_replies(self):
        self.authenticate("bea", "bea-secret-1")
        params = {"thread_model": "claims.claim", "thread_id": self.claim.id}
        shown = {}
        for route in ("/mail/thread/messages", "/mail/chatter_fetch"):
            result = self.make_jsonrpc_request(route, params)
            text = json.dumps(result)
            self.assertIn("Visible conversation", text, route)
            for secret in self.secrets:
                self.assertNotIn(secret, text, f"{route}: {secret}")
            self.assertFalse(set(result["messages"]) & set(self.hidden_messages.ids), route)
            for attachment in result["data"].get("ir.attachment", []):
                shown[attachment["id"]] = attachment.get("raw_access_token") or ""
        # every file it is shown, with the token it is given: none of the hidden ones
        self.assertFalse(set(shown) & set(self.hidden_files.ids))
        hidden_contents = {attachment.raw for attachment in self.hidden_files.sudo()}
        for attachment_id, token in shown.items():
            response = self._get(f"/web/content/{attachment_id}?access_token={token}")
            self.assertNotIn(response.content, hidden_contents)
        # the hidden files by id, as /web/content and /web/image serve them
        for attachment in self.hidden_files:
            for url in (
                f"/web/content/{attachment.id}",
                f"/web/content/{attachment.id}?download=1",
                f"/web/content/ir.attachment/{attachment.id}/raw",
                f"/web/image/{attachment.id}",
            ):
                response = self._get(url)
                self.assertNotEqual(response.content, attachment.sudo().raw, url)
        # the reply's file is a document of its category, unpublished: not the broker's
        for url in (
            f"/web/content/claims.document/{self.reply_document.id}/datas",
            f"/my/claims/{self.claim.id}/documents/{self.reply_document.id}",
        ):
            response = self._get(url)
            self.assertNotEqual(response.content, self.reply_document.attachment_id.raw, url)
        # what the role sees, it still gets
        response = self._get(f"/my/claims/{self.claim.id}/documents/{self.doc_shared.id}")
        self.assertEqual(response.content, PNG_BYTES)

    def test_participant_following_the_discussion_hears_nothing_of_packages_or_replies(self):
        partner = self.user_portal.partner_id
        self.assertIn(partner, self.claim.message_partner_ids)
        notified = self.env["mail.notification"].search([
            ("res_partner_id", "=", partner.id),
            ("mail_message_id", "in", self.hidden_messages.ids),
        ])
        self.assertFalse(notified)
        self.assertIn(
            self.user_handler.partner_id,
            self.reply.notification_ids.res_partner_id,
            "the desk's followers hear of the reply",
        )
