# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A package's recipient opens a free account from the link in the package mail, over real
HTTP: once, before it expires, and only they."""

import re
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import Json2Mixin
from .common_package import ClaimsPackageCommon

ACCOUNT_URL = re.compile(r'href="[^"]*(/claims/account/\d+/[\w-]+)"')
PASSWORD = "lara-secret-42"


@tagged("post_install", "-at_install")
class TestClaimsPackageAccount(ClaimsPackageCommon, HttpCase, Json2Mixin):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.role_lawyer = cls.env.ref("claims_base.claims_participant_role_lawyer")
        cls.role_expert = cls.env.ref("claims_base.claims_participant_role_expert")
        cls.other_claim = cls._create_claim(cls.company)

    def setUp(self):
        super().setUp()
        self.package = self._send_package(self.lawyer, self.doc_photo)
        match = ACCOUNT_URL.search(self._sent_mail_to(self.lawyer.email)["body"])
        self.assertTrue(match, "the package mail carries the account link")
        self.url = match[1]

    # ------------------------------------------------------------------ helpers

    def _get(self, url):
        with mute_logger("odoo.http"):
            return self.url_open(url, allow_redirects=False)

    def _post(self, url, **data):
        # the form's token, or the page's own (a refusal page has no form)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"|csrf_token: "([^"]+)"',
                         self._get(url).text)
        with mute_logger("odoo.http"):
            return self.url_open(url, data={
                "csrf_token": (csrf[1] or csrf[2]) if csrf else "", **data}, allow_redirects=False)

    def _participants(self, partner):
        return self.env["claims.participant"].search(
            [("claim_id", "=", self.claim.id), ("partner_id", "=", partner.id)])

    def _user_of(self, email):
        return self.env["res.users"].search([("login", "=", email)])

    def _with_token(self, token, claim=None):
        return f"/claims/account/{(claim or self.claim).id}/{token}"

    def assertRefused(self, response, status, text):
        self.assertEqual(response.status_code, status, response.text[:300])
        self.assertIn(text, response.text)
        self.assertNotIn(self.claim.name, response.text)
        self.assertFalse(self._user_of(self.package.email))
        self.assertFalse(self._participants(self.lawyer))

    # ------------------------------------------------------------------ tests

    def test_recipient_opens_account_and_sees_claim_at_once(self):
        page = self._get(self.url)
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.claim.name, page.text)
        login = re.search(r'<input[^>]*id="login"[^>]*>', page.text)[0]
        self.assertIn('value="lara.lawyer@lawfirm.example"', login)
        self.assertIn('readonly="readonly"', login)
        self.assertNotIn("name=", login, "the login is not sent: it is the package's")
        response = self._post(self.url, password=PASSWORD, confirm_password=PASSWORD,
                              login="mallory@evil.example")
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith(f"/my/claims/{self.claim.id}"))
        user = self._user_of("lara.lawyer@lawfirm.example")
        self.assertTrue(user._is_portal())
        self.assertEqual(user.partner_id, self.lawyer)
        self.assertFalse(self._user_of("mallory@evil.example"), "the login is not editable")
        self.assertRecordValues(self._participants(self.lawyer), [
            {"role_id": self.role_lawyer.id, "active": True}])
        self.assertRecordValues(self.package, [
            {"account_user_id": user.id, "is_kept_informed": False}])
        self.assertTrue(self.package.date_account)
        # logged in by the same response: the claim is in their list and opens
        listing = self.url_open("/my/claims")
        self.assertEqual(listing.status_code, 200)
        self.assertIn(self.claim.name, listing.text)
        self.assertEqual(self.url_open(f"/my/claims/{self.claim.id}").status_code, 200)
        self.assertIn(self.claim.id, self.claim.with_user(user).search([]).ids)

    def test_link_works_once(self):
        self._post(self.url, password=PASSWORD, confirm_password=PASSWORD)
        self.url_open("/web/session/logout")
        self.assertEqual(len(self._user_of(self.package.email)), 1)
        response = self._get(self.url)
        self.assertEqual(response.status_code, 410)
        self.assertIn("already been used", response.text)
        response = self._post(self.url, password="another-pass-9",
                              confirm_password="another-pass-9")
        self.assertEqual(response.status_code, 410)

    def test_expired_link_is_refused(self):
        self.package.sudo().date_account_expiry = fields.Datetime.now() - timedelta(minutes=1)
        url = "/" + self.package._get_account_url().split("/", 3)[3]
        self.assertRefused(self._get(url), 410, "expired")
        self.assertRefused(
            self._post(url, password=PASSWORD, confirm_password=PASSWORD), 410, "expired")

    def test_validity_follows_the_setting(self):
        self.env["ir.config_parameter"].set_param("claims_base.package_account_days", "3")
        package = self._send_package(self.expert, self.doc_photo)
        self.assertAlmostEqual(package.date_account_expiry, package.date_sent + timedelta(days=3),
                               delta=timedelta(seconds=5))
        self.assertAlmostEqual(self.package.date_account_expiry,
                               self.package.date_sent + timedelta(days=14),
                               delta=timedelta(seconds=5))

    def test_tampered_token_is_refused(self):
        package_id, expiry, signature = self.url.rsplit("/", 1)[1].split("-")
        later = int(expiry) + 30 * 86400
        flipped = ("0" if signature[0] != "0" else "1") + signature[1:]
        for token in (f"{package_id}-{later}-{signature}",
                      f"{package_id}-{expiry}-{flipped}",
                      f"{package_id}-{expiry}",
                      "not-a-token"):
            self.assertRefused(self._get(self._with_token(token)), 404, "not valid")
        self.assertRefused(self._post(self._with_token(f"{package_id}-{expiry}-{flipped}"),
                                      password=PASSWORD, confirm_password=PASSWORD),
                           404, "not valid")

    def test_token_of_another_recipient_is_refused(self):
        expert_package = self._send_package(self.expert, self.doc_photo)
        _package_id, expiry, signature = expert_package._get_account_token().split("-")
        self.assertRefused(
            self._get(self._with_token(f"{self.package.id}-{expiry}-{signature}")),
            404, "not valid")

    def test_token_for_another_claim_is_refused(self):
        token = self.url.rsplit("/", 1)[1]
        self.assertRefused(self._get(self._with_token(token, self.other_claim)), 404,
                           "not valid")

    def test_logged_in_other_user_is_refused(self):
        self.authenticate("handler", "handler")
        self.assertRefused(self._get(self.url), 403, "for someone else")
        self.assertRefused(self._post(self.url, password=PASSWORD, confirm_password=PASSWORD),
                           403, "for someone else")
        self.assertFalse(self.package.date_account, "the link stays usable by the recipient")

    def test_existing_user_logs_in_then_links_the_claim(self):
        user = new_test_user(
            self.env, login="lara.lawyer@lawfirm.example", password="lara-old-pass-1",
            groups="base.group_portal", partner_id=self.lawyer.id,
            company_id=self.other_company.id,
            company_ids=[Command.set(self.other_company.ids)])
        page = self._get(self.url)
        self.assertIn("already have an account", page.text)
        self.assertIn("/web/login?", page.text)
        self.assertNotIn('name="password"', page.text)
        self.authenticate("lara.lawyer@lawfirm.example", "lara-old-pass-1")
        self.assertIn("Add this claim to your account", self._get(self.url).text)
        response = self._post(self.url)
        self.assertEqual(response.status_code, 303)
        self.assertRecordValues(self._participants(self.lawyer), [
            {"role_id": self.role_lawyer.id, "active": True}])
        self.assertIn(self.company, user.company_ids)
        self.assertEqual(self.package.account_user_id, user)
        self.assertIn(self.claim.name, self.url_open("/my/claims").text)

    def test_short_or_mismatched_password_leaves_link_unused(self):
        response = self._post(self.url, password="short", confirm_password="short")
        self.assertEqual(response.status_code, 400)
        self.assertIn("at least 8 characters", response.text)
        response = self._post(self.url, password=PASSWORD, confirm_password=PASSWORD + "x")
        self.assertEqual(response.status_code, 400)
        self.assertIn("differ", response.text)
        self.assertFalse(self.package.date_account)
        self.assertFalse(self._user_of(self.package.email))
        response = self._post(self.url, password=PASSWORD, confirm_password=PASSWORD)
        self.assertEqual(response.status_code, 303)

    def test_post_without_csrf_token_is_refused(self):
        with mute_logger("odoo.http"):
            response = self.url_open(self.url, data={
                "password": PASSWORD, "confirm_password": PASSWORD}, allow_redirects=False)
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self._user_of(self.package.email))

    def test_account_methods_are_not_callable_over_json2(self):
        for method in ("_open_account", "_link_account", "_get_for_account"):
            response = self._json2(self.user_handler, "claims.package", method,
                                   {"ids": self.package.ids, "password": PASSWORD})
            self.assertNotEqual(response.status_code, 200, method)
        response = self._json2(self.user_handler, "claims.package", "write", {
            "ids": self.package.ids, "vals": {"date_account": False, "role_id": False}})
        self.assertNotEqual(response.status_code, 200)
        self.assertFalse(self._user_of(self.package.email))
        self.package.invalidate_recordset()
        self.assertTrue(self.package.role_id)

    def test_package_message_holds_no_link(self):
        """The link is in the recipient's mail only (see test_claims_package_account_link)."""
        message = self.package.mail_message_id
        self.assertNotIn("/claims/account/", message.body)
        self.assertTrue(message.subtype_id.internal)


@tagged("post_install", "-at_install")
class TestClaimsPackageStopLink(ClaimsPackageCommon, HttpCase):
    """The recipient stops the updates from the link in them; a mail scanner opening the
    link changes nothing."""

    def setUp(self):
        super().setUp()
        self.package = self._send_package(self.lawyer, self.doc_photo)
        self.url = "/" + self.package.stop_url.split("/", 3)[3]

    def test_recipient_stops_updates_with_the_button_of_the_link(self):
        page = self.url_open(self.url)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Stop the updates", page.text)
        self.assertTrue(self.package.is_kept_informed, "opening the link changes nothing")
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text)[1]
        response = self.url_open(self.url, data={"csrf_token": csrf})
        self.assertEqual(response.status_code, 200)
        self.assertIn("no more updates", response.text)
        self.assertFalse(self.package.is_kept_informed)

    def test_stop_link_of_another_package_or_altered_is_refused(self):
        other = self._send_package(self.expert, self.doc_photo)
        token = self.url.rsplit("/", 1)[1]
        with mute_logger("odoo.http"):
            for url in (f"/claims/package/{other.id}/stop/{token}",
                        self.url[:-1] + ("0" if self.url[-1] != "0" else "1")):
                self.assertEqual(self.url_open(url).status_code, 404)
        self.assertTrue((self.package | other).mapped("is_kept_informed") == [True, True])
