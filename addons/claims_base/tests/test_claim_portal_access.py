# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The portal access matrix, route by route.

Actors: the owner participant (role Insured), a participant with a restricted role
(Repairer: photos and estimates only), another portal user (participant of another claim
of the same company), a portal user of another company, and the public.
"""

import base64

from odoo import Command
from odoo.tests import JsonRpcException, new_test_user, tagged
from odoo.tools import mute_logger

from .common import ClaimsPortalCommon


@tagged("post_install", "-at_install")
class TestClaimPortalAccess(ClaimsPortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.role_insured = ref("claims_base.claims_participant_role_insured")
        cls.role_repairer = ref("claims_base.claims_participant_role_repairer")
        cls.cat_correspondence = ref("claims_base.claims_document_category_correspondence")
        cls.cat_medical = ref("claims_base.claims_document_category_medical")
        cls.other_claim = cls._create_claim(cls.company)
        cls.foreign_claim = cls.env["claims.claim"].create({"company_id": cls.other_company.id})

        def portal_user(login, company):
            partner = cls.env["res.partner"].create(
                {"name": login.title(), "email": f"{login}@example.com"})
            return new_test_user(
                cls.env, login=login, password=f"{login}-secret-1", groups="base.group_portal",
                partner_id=partner.id, company_id=company.id,
                company_ids=[Command.set(company.ids)],
            )

        cls.user_owner = portal_user("owner", cls.company)
        cls.user_repairer = portal_user("repairer", cls.company)
        cls.user_stranger = portal_user("stranger", cls.company)
        cls.user_foreign = portal_user("foreign", cls.other_company)
        cls.owner_participant = cls._participant(cls.claim, cls.user_owner, cls.role_insured)
        cls._participant(cls.claim, cls.user_repairer, cls.role_repairer)
        cls._participant(cls.other_claim, cls.user_stranger, cls.role_insured)
        cls._participant(cls.foreign_claim, cls.user_foreign, cls.role_insured)

        cls.doc_photo = cls._document(cls.claim, cls.photo_category)
        cls.doc_letter = cls._document(cls.claim, cls.cat_correspondence)
        cls.doc_medical = cls._document(cls.claim, cls.cat_medical)
        cls.doc_draft = cls._document(cls.claim, cls.photo_category, published=False)
        cls.doc_other_claim = cls._document(cls.other_claim, cls.photo_category)
        cls.claim.message_post(body="Visible conversation", message_type="comment",
                               subtype_xmlid="mail.mt_comment")
        cls.claim.message_post(body="Internal handler note", subtype_xmlid="mail.mt_note")

    @classmethod
    def _participant(cls, claim, user, role):
        return cls.env["claims.participant"].create(
            {"claim_id": claim.id, "partner_id": user.partner_id.id, "role_id": role.id})

    @classmethod
    def _document(cls, claim, category, published=True):
        attachment = cls.env["ir.attachment"].create({
            "name": f"{category.code}.txt", "raw": f"secret {category.code}".encode(),
            "res_model": "claims.claim", "res_id": claim.id,
        })
        return cls.env["claims.document"]._create_from_attachments(
            attachment, category, claim, published=published)

    def _login(self, user):
        if user:
            self.authenticate(user.login, f"{user.login}-secret-1")
        else:
            self.authenticate(None, None)

    def _status(self, url):
        with mute_logger("odoo.http", "odoo.addons.base.models.ir_rule"):
            response = self.url_open(url, allow_redirects=False)
        return response.status_code, response.headers.get("Location", "")

    def _download_url(self, document, claim=None):
        return f"/my/claims/{(claim or document.claim_id).id}/documents/{document.id}"

    def _jsonrpc(self, route, params):
        with mute_logger("odoo.http", "odoo.addons.base.models.ir_rule"):
            return self.make_jsonrpc_request(route, params)

    # ------------------------------------------------------------------ our pages

    def test_my_claims_lists_only_the_claims_participated_in(self):
        for user, seen, unseen in (
            (self.user_owner, self.claim, self.other_claim),
            (self.user_stranger, self.other_claim, self.claim),
        ):
            self._login(user)
            page = self.url_open("/my/claims").text
            self.assertIn(f"/my/claims/{seen.id}\"", page)
            self.assertNotIn(f"/my/claims/{unseen.id}\"", page)
            self.assertNotIn(f"/my/claims/{self.foreign_claim.id}\"", page)
        self._login(self.user_owner)
        counters = self._jsonrpc("/my/counters", {"counters": ["claims_count"]})
        self.assertEqual(counters["claims_count"], 1)

    def test_claim_page_by_id(self):
        url = f"/my/claims/{self.claim.id}"
        self._login(self.user_owner)
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.claim.name, page.text)
        for user in (self.user_stranger, self.user_foreign):
            self._login(user)
            self.assertEqual(self._status(url)[1].split("?")[0][-3:], "/my", user.login)
            # a link token does not open it either
            self.assertEqual(self._status(f"{url}?access_token=x")[1][-3:], "/my")
        self._login(None)
        self.assertIn("/web/login", self._status(url)[1])

    def test_claim_page_shows_documents_of_the_role_categories(self):
        expectations = {
            self.user_owner: {self.doc_photo, self.doc_letter},
            self.user_repairer: {self.doc_photo},
        }
        for user, visible in expectations.items():
            self._login(user)
            page = self.url_open(f"/my/claims/{self.claim.id}").text
            for document in self.doc_photo | self.doc_letter | self.doc_medical | self.doc_draft:
                self.assertEqual(
                    self._download_url(document) in page, document in visible,
                    f"{user.login} / {document.category_id.code}",
                )

    def test_download_route_by_role_and_category(self):
        matrix = [
            # user, document, allowed
            (self.user_owner, self.doc_photo, True),
            (self.user_owner, self.doc_letter, True),
            (self.user_owner, self.doc_medical, False),
            (self.user_owner, self.doc_draft, False),
            (self.user_repairer, self.doc_photo, True),
            (self.user_repairer, self.doc_letter, False),
            (self.user_stranger, self.doc_photo, False),
            (self.user_stranger, self.doc_other_claim, True),
            (self.user_foreign, self.doc_photo, False),
        ]
        for user, document, allowed in matrix:
            self._login(user)
            status, _location = self._status(self._download_url(document))
            self.assertEqual(status == 200, allowed, f"{user.login} / {document.name}")
        # a guessed URL mixing an allowed claim with another claim's document
        self._login(self.user_owner)
        status, _location = self._status(self._download_url(self.doc_other_claim, self.claim))
        self.assertEqual(status, 404)
        self._login(None)
        self.assertIn("/web/login", self._status(self._download_url(self.doc_photo))[1])

    def test_download_serves_the_file(self):
        self._login(self.user_repairer)
        response = self.url_open(self._download_url(self.doc_photo))
        self.assertEqual(response.content, b"secret photo")
        self.assertIn("attachment", response.headers["Content-Disposition"])

    def test_revoking_a_participant_closes_only_their_access(self):
        self.owner_participant.with_user(self.user_handler).action_revoke()
        self.assertFalse(self.owner_participant.active)
        self.assertIn("Access revoked", self.claim.message_ids[0].body)
        self._login(self.user_owner)
        self.assertEqual(self._status(f"/my/claims/{self.claim.id}")[1][-3:], "/my")
        self.assertNotEqual(self._status(self._download_url(self.doc_photo))[0], 200)
        self._login(self.user_repairer)
        self.assertEqual(self._status(f"/my/claims/{self.claim.id}")[0], 200)

    # ------------------------------------------------------------------ core routes

    def test_web_content_and_image_follow_the_document_rules(self):
        """Portal users have no right on ir.attachment: the core routes refuse the file by
        attachment id; by document and field they serve only documents the user reads."""
        matrix = [
            (self.user_owner, self.doc_letter, True),
            (self.user_repairer, self.doc_letter, False),
            (self.user_owner, self.doc_medical, False),
            (self.user_owner, self.doc_draft, False),
            (self.user_stranger, self.doc_photo, False),
            (self.user_foreign, self.doc_photo, False),
            (None, self.doc_photo, False),
        ]
        for user, document, allowed in matrix:
            self._login(user)
            attachment = document.attachment_id
            for url in (
                f"/web/content/{attachment.id}",
                f"/web/content/{attachment.id}?download=1",
                f"/web/content/ir.attachment/{attachment.id}/datas",
                f"/web/image/{attachment.id}",
                f"/web/image/ir.attachment/{attachment.id}/datas",
            ):
                # /web/image answers a placeholder picture: what counts is the content
                with mute_logger("odoo.http", "odoo.addons.base.models.ir_rule"):
                    response = self.url_open(url, allow_redirects=False)
                self.assertNotIn(b"secret", response.content, f"{user and user.login} {url}")
            for url in (
                f"/web/content/claims.document/{document.id}/datas",
                f"/web/content/claims.document/{document.id}/datas?access_token=x",
            ):
                with mute_logger("odoo.http", "odoo.addons.base.models.ir_rule"):
                    response = self.url_open(url, allow_redirects=False)
                self.assertEqual(
                    b"secret" in response.content, allowed, f"{user and user.login} {url}")

    def test_orm_reads_follow_the_participant_rules(self):
        expectations = [
            (self.user_owner, "claims.claim", self.claim.ids),
            (self.user_stranger, "claims.claim", self.other_claim.ids),
            (self.user_foreign, "claims.claim", self.foreign_claim.ids),
            (self.user_owner, "claims.document", (self.doc_photo | self.doc_letter).ids),
            (self.user_repairer, "claims.document", self.doc_photo.ids),
            (self.user_stranger, "claims.document", self.doc_other_claim.ids),
        ]
        for user, model, ids in expectations:
            self._login(user)
            records = self._jsonrpc("/web/dataset/call_kw", {
                "model": model, "method": "search_read", "args": [[]],
                "kwargs": {"fields": ["id"]},
            })
            self.assertEqual(sorted(r["id"] for r in records), sorted(ids), user.login)
        self._login(self.user_stranger)
        with self.assertRaises(JsonRpcException):
            self._jsonrpc("/web/dataset/call_kw", {
                "model": "claims.claim", "method": "read", "args": [self.claim.ids, ["name"]],
                "kwargs": {},
            })

    def test_chatter_routes(self):
        params = {"thread_model": "claims.claim", "thread_id": self.claim.id}
        self._login(self.user_owner)
        fetched = self._jsonrpc("/mail/chatter_fetch", params)
        bodies = " ".join(str(m["body"]) for m in fetched["data"]["mail.message"])
        self.assertIn("Visible conversation", bodies)
        self.assertNotIn("Internal handler note", bodies)
        for user in (self.user_stranger, self.user_foreign, None):
            self._login(user)
            for route in ("/mail/chatter_fetch", "/mail/thread/messages"):
                try:
                    result = self._jsonrpc(route, params)
                except JsonRpcException:
                    continue  # refused outright
                # an inaccessible thread gives nothing of this claim (the route may
                # still list the user's own messages elsewhere)
                leaked = set(result["messages"]) & set(self.claim.message_ids.ids)
                self.assertFalse(leaked, f"{user and user.login} {route}")
                self.assertNotIn("Visible conversation", str(result))
        for user in (self.user_stranger, self.user_foreign):
            self._login(user)
            with self.assertRaises(JsonRpcException):
                self._jsonrpc("/mail/message/post", {
                    **params, "post_data": {"body": "intrusion", "message_type": "comment"},
                })
            with self.assertRaises(JsonRpcException):
                self._jsonrpc("/mail/chatter_fetch", {**params, "token": "guess"})
        self.assertNotIn("intrusion", " ".join(self.claim.message_ids.mapped("body")))

    def test_participant_posts_a_message(self):
        self._login(self.user_repairer)
        self._jsonrpc("/mail/message/post", {
            "thread_model": "claims.claim", "thread_id": self.claim.id,
            "post_data": {"body": "Car is at the garage", "message_type": "comment"},
        })
        message = self.claim.message_ids[0]
        self.assertIn("Car is at the garage", message.body)
        self.assertEqual(message.author_id, self.user_repairer.partner_id)

    def test_attachment_upload_route(self):
        for user, allowed in ((self.user_stranger, False), (self.user_foreign, False),
                              (None, False), (self.user_owner, True)):
            self._login(user)
            csrf = self._csrf(f"/claims/report/{self.link.token}")
            with mute_logger("odoo.http"):
                response = self.url_open("/mail/attachment/upload", data={
                    "csrf_token": csrf, "thread_model": "claims.claim",
                    "thread_id": self.claim.id,
                }, files={"ufile": ("x.txt", b"data", "text/plain")})
            self.assertEqual(response.status_code == 200 and "attachment_id" in (
                response.json().get("data") or {}), allowed, user and user.login)

    # ------------------------------------------------------------------ uploads by category

    def test_upload_into_a_category_of_the_role(self):
        self._login(self.user_repairer)
        url = f"/my/claims/{self.claim.id}"
        csrf = self._csrf(url)
        estimates = self.env.ref("claims_base.claims_document_category_estimate_invoice")
        for category, ok in ((estimates, True), (self.cat_correspondence, False),
                             (self.cat_medical, False)):
            response = self.url_open(f"{url}/upload", data={
                "csrf_token": csrf, "category_id": category.id,
            }, files={"file": ("quote.pdf", b"%PDF-1.4 quote", "application/pdf")},
                allow_redirects=False)
            self.assertEqual("uploaded=1" in response.headers["Location"], ok, category.code)
        document = self.claim.document_ids.filtered(lambda d: d.category_id == estimates)
        self.assertEqual(len(document), 1)
        self.assertTrue(document.is_published)
        self.assertEqual(base64.b64decode(document.datas), b"%PDF-1.4 quote")
        self.assertIn("uploaded quote.pdf", self.claim.message_ids[0].body)
        # another claim's participant cannot upload here
        self._login(self.user_stranger)
        csrf = self._csrf(f"/claims/report/{self.link.token}")
        response = self.url_open(f"{url}/upload", data={
            "csrf_token": csrf, "category_id": estimates.id,
        }, files={"file": ("x.pdf", b"x", "application/pdf")}, allow_redirects=False)
        self.assertTrue(response.headers["Location"].endswith("/my"))
        self.assertEqual(len(self.claim.document_ids.filtered(
            lambda d: d.category_id == estimates)), 1)

    def assertClaimFieldClosed(self, field):
        """The logged-in user neither reads a claim's field nor searches by it over RPC."""
        with self.assertRaises(JsonRpcException, msg=f"read {field}"):
            self._jsonrpc("/web/dataset/call_kw", {
                "model": "claims.claim", "method": "read",
                "args": [self.claim.ids], "kwargs": {"fields": [field]}})
        with self.assertRaises(JsonRpcException, msg=f"search by {field}"):
            self._jsonrpc("/web/dataset/call_kw", {
                "model": "claims.claim", "method": "search",
                "args": [[(field, "!=", False)]], "kwargs": {}})

    def test_portal_participant_reads_the_claim_but_not_its_money_over_rpc(self):
        self._login(self.user_owner)
        records = self._jsonrpc("/web/dataset/call_kw", {
            "model": "claims.claim", "method": "read",
            "args": [self.claim.ids], "kwargs": {"fields": ["name", "stage_id"]}})
        self.assertEqual(records[0]["name"], self.claim.name)
        described = self._jsonrpc("/web/dataset/call_kw", {
            "model": "claims.claim", "method": "fields_get", "args": [],
            "kwargs": {"attributes": ["type"]}})
        self.assertIn("stage_id", described)
        self.assertFalse([name for name in described if name.startswith("amount_")])
        for field in ("amount_reserve", "amount_paid", "amount_incurred"):
            self.assertClaimFieldClosed(field)

    def test_portal_participant_reads_only_the_portal_view_of_a_claim_over_rpc(self):
        self.claim.write({"description": "Handler suspects a staged accident",
                          "user_id": self.user_handler.id})
        self._login(self.user_owner)
        for field in ("description", "user_id", "mark_off_reason", "is_marked_off",
                      "policy_id", "incident_rule_id", "deadline_ids", "payment_ids"):
            self.assertClaimFieldClosed(field)
        described = self._jsonrpc("/web/dataset/call_kw", {
            "model": "claims.claim", "method": "fields_get", "args": [],
            "kwargs": {"attributes": ["type"]}})
        self.assertIn("stage_id", described)
        self.assertFalse({"description", "user_id", "mark_off_reason"} & set(described))
        record = self._jsonrpc("/web/dataset/call_kw", {
            "model": "claims.claim", "method": "read", "args": [self.claim.ids],
            "kwargs": {"fields": ["name", "stage_id", "file_status", "date_loss"]}})[0]
        self.assertEqual(record["name"], self.claim.name)
        # the portal page still shows the claim
        self.assertEqual(self._status(f"/my/claims/{self.claim.id}")[0], 200)

    def test_portal_user_cannot_share_revoke_or_write_over_rpc(self):
        participant = self.claim.participant_ids.filtered(
            lambda p: p.partner_id == self.user_repairer.partner_id)
        self._login(self.user_owner)
        for model, method, args in (
            ("claims.participant", "action_revoke", [participant.ids]),
            ("claims.participant", "write", [participant.ids, {"role_id": self.role_insured.id}]),
            ("claims.claim", "write", [self.claim.ids, {"description": "changed"}]),
            ("claims.document", "write", [self.doc_photo.ids, {"name": "renamed"}]),
            ("claims.share.wizard", "create", [{"claim_id": self.claim.id}]),
            ("claims.incident.link", "search_read", [[]]),
        ):
            with self.assertRaises(JsonRpcException, msg=f"{model}.{method}"):
                self._jsonrpc("/web/dataset/call_kw", {
                    "model": model, "method": method, "args": args, "kwargs": {}})
        self.assertTrue(participant.active)
        self.assertEqual(participant.role_id, self.role_repairer)
