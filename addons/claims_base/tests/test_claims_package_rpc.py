# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A caller's context does not file anything as a reply to a claim package.

Odoo 19 applies the ``context`` a caller sends on JSON-2 and on the /mail routes. The keys
below once made ``message_post`` file the message's attachments, as superuser, onto the
claim of any package, another company's too. Each test posts on a claim the caller may post
on, with those keys and a file, over HTTP: nothing is filed anywhere.
"""

import base64
import json
import re
from datetime import datetime, timedelta

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from .common_package import PDF_BYTES, ClaimsPackageCommon


@tagged("post_install", "-at_install")
class TestClaimsPackageCallerContext(ClaimsPackageCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.foreign_claim = cls._create_claim(cls.other_company, policy_id=False)
        cls.foreign_package = cls.env["claims.package"].create({
            "claim_id": cls.foreign_claim.id,
            "partner_id": cls.lawyer.id,
            "email": cls.lawyer.email_normalized,
        })
        partner = cls.env["res.partner"].create(
            {"name": "Bea Broker", "email": "bea@brokers.example"})
        cls.user_portal = new_test_user(
            cls.env, login="bea", password="bea-secret-1", groups="base.group_portal",
            partner_id=partner.id, company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.env["claims.participant"].create({
            "claim_id": cls.claim.id, "partner_id": partner.id,
            "role_id": cls.env.ref("claims_base.claims_participant_role_broker").id,
        })

    def _attack_context(self):
        return {
            "claims_package_reply_id": self.foreign_package.id,
            "claims_mail_file_attachments": True,
        }

    def assertNothingFiled(self, attachment_id, message_id):
        attachment = self.env["ir.attachment"].browse(attachment_id)
        message = self.env["mail.message"].browse(message_id)
        self.assertEqual(message.res_id, self.claim.id, "the message itself is posted")
        self.assertIn(attachment, message.attachment_ids)
        self.assertRecordValues(attachment, [
            {"res_model": "claims.claim", "res_id": self.claim.id},
        ])
        self.assertFalse(
            self.env["claims.document"].search([("attachment_id", "=", attachment.id)]))
        self.assertFalse(self.foreign_claim.document_ids, "nothing on the other company's claim")
        self.assertEqual(self.claim.document_ids, self.doc_photo | self.doc_police)
        self.assertEqual(self.foreign_package.reply_count, 0)

    def _bearer(self, user):
        key = self.env["res.users.apikeys"].with_user(user)._generate(
            scope="rpc", name="test", expiration_date=datetime.now() + timedelta(days=1))
        return {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}

    def _json2(self, headers, model, method, **params):
        response = self.url_open(f"/json/2/{model}/{method}", data=json.dumps(params),
                                 headers=headers)
        self.assertEqual(response.status_code, 200, response.text)
        return response.json()

    def test_handler_message_post_over_json2_with_package_context_files_nothing(self):
        headers = self._bearer(self.user_handler)
        [attachment_id] = self._json2(headers, "ir.attachment", "create", vals_list=[{
            "name": "evidence.pdf", "datas": base64.b64encode(PDF_BYTES).decode(),
            "res_model": "claims.claim", "res_id": self.claim.id,
        }])
        message_ids = self._json2(
            headers, "claims.claim", "message_post", ids=self.claim.ids,
            body="See attached", message_type="comment", subtype_xmlid="mail.mt_comment",
            attachment_ids=[attachment_id], context=self._attack_context(),
        )
        self.assertNothingFiled(attachment_id, message_ids[0])

    def test_handler_mail_route_with_package_context_files_nothing(self):
        self.authenticate(self.user_handler.login, "handlerx")
        attachment_id = self.make_jsonrpc_request("/web/dataset/call_kw", {
            "model": "ir.attachment", "method": "create", "args": [{
                "name": "evidence.pdf", "datas": base64.b64encode(PDF_BYTES).decode(),
                "res_model": "claims.claim", "res_id": self.claim.id,
            }], "kwargs": {},
        })
        result = self.make_jsonrpc_request("/mail/message/post", {
            "thread_model": "claims.claim", "thread_id": self.claim.id,
            "post_data": {"body": "See attached", "message_type": "comment",
                          "attachment_ids": [attachment_id]},
            "context": self._attack_context(),
        })
        self.assertNothingFiled(attachment_id, result["message_id"])

    def test_portal_participant_mail_route_with_package_context_files_nothing(self):
        self.authenticate("bea", "bea-secret-1")
        page = self.url_open(f"/my/claims/{self.claim.id}").text
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        upload = self.url_open("/mail/attachment/upload", data={
            "csrf_token": csrf, "thread_model": "claims.claim", "thread_id": self.claim.id,
            "is_pending": "true",  # as the chatter's composer uploads
        }, files={"ufile": ("evidence.pdf", PDF_BYTES, "application/pdf")}).json()["data"]
        [uploaded] = upload["store_data"]["ir.attachment"]
        result = self.make_jsonrpc_request("/mail/message/post", {
            "thread_model": "claims.claim", "thread_id": self.claim.id,
            "post_data": {"body": "See attached", "message_type": "comment",
                          "attachment_ids": [uploaded["id"]],
                          "attachment_tokens": [uploaded["ownership_token"]]},
            "context": self._attack_context(),
        })
        self.assertNothingFiled(uploaded["id"], result["message_id"])
