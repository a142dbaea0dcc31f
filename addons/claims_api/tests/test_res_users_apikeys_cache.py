# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta
from unittest.mock import patch

from odoo.tests import new_test_user

from odoo.addons.claims_api.models import res_users_apikeys
from odoo.addons.claims_base.tests.common import ClaimsCommon


class TestResUsersApikeysCache(ClaimsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.partner_user = new_test_user(
            cls.env, login="partner_key", groups="claims_api.group_claims_api",
            company_id=cls.company.id, company_ids=[(6, 0, cls.company.ids)],
        )

    def _new_key(self, days=30):
        return self.env["res.users.apikeys"].with_user(self.partner_user).sudo()._generate(
            None, "partner system", datetime.now() + timedelta(days=days))

    def _check(self, key):
        """(uid or None, how many times the key was hashed)."""
        with patch.object(res_users_apikeys, "_verify", wraps=res_users_apikeys._verify) as verify:
            uid = self.env["res.users.apikeys"]._check_credentials(scope="rpc", key=key)
        return uid, verify.call_count

    def test_a_verified_key_is_not_hashed_again(self):
        key = self._new_key()
        self.assertEqual(self._check(key), (self.partner_user.id, 1))
        self.assertEqual(self._check(key), (self.partner_user.id, 0))

    def test_a_wrong_key_is_hashed_every_time_and_refused(self):
        key = self._new_key()
        wrong = key[:8] + ("0" if key[8] != "0" else "1") + key[9:]
        self.assertEqual(self._check(wrong), (None, 1))
        self.assertEqual(self._check(wrong), (None, 1))

    def test_a_revoked_key_is_refused_at_once(self):
        key = self._new_key()
        self.assertEqual(self._check(key)[0], self.partner_user.id)
        self.env["res.users.apikeys"].search([("user_id", "=", self.partner_user.id)])._remove()
        self.assertEqual(self._check(key), (None, 0))

    def test_a_key_of_an_archived_user_is_refused_at_once(self):
        key = self._new_key()
        self.assertEqual(self._check(key)[0], self.partner_user.id)
        self.partner_user.active = False
        self.env.flush_all()
        self.assertIsNone(self._check(key)[0])

    def test_an_expired_key_is_refused_at_once(self):
        key = self._new_key()
        self.assertEqual(self._check(key)[0], self.partner_user.id)
        self.env.cr.execute(
            "UPDATE res_users_apikeys SET expiration_date = now() at time zone 'utc' "
            "- interval '1 minute' WHERE user_id = %s", [self.partner_user.id])
        self.assertIsNone(self._check(key)[0])
