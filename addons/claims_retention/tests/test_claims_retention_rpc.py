# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from odoo.addons.claims_base.tests.common import Json2Mixin

from .common import ClaimsRetentionCommon

ORIGINAL = "Petra Private, born 1980, whiplash."


@tagged("post_install", "-at_install")
class TestClaimsRetentionRpc(Json2Mixin, HttpCase, ClaimsRetentionCommon):
    """The retention rules hold over JSON-2 with an API key, not only behind the buttons."""

    def _claim_call(self, user, method, **body):
        return self._json2(user, "claims.claim", method, {"ids": self.old_claim.ids, **body})

    def _assert_untouched(self):
        self.env.invalidate_all()
        self.assertFalse(self.old_claim.anonymised_on)
        self.assertEqual(self.old_claim.description, ORIGINAL)

    def test_user_cannot_anonymise_over_json2(self):
        response = self._claim_call(self.user_handler, "action_anonymise")
        self.assertEqual(response.status_code, 403, response.text)
        self.assertIn("Only claims managers anonymise a claim", response.text)
        self._assert_untouched()

    def test_nobody_calls_the_anonymisation_itself_over_json2(self):
        for user in (self.user_handler, self.user_manager):
            for method in ("_retention_anonymise", "_anonymise_due", "_cron_anonymise_due"):
                response = self._claim_call(user, method)
                self.assertNotEqual(response.status_code, 200, f"{method}: {response.text}")
        self._assert_untouched()

    def test_user_cannot_set_legal_hold_over_json2(self):
        response = self._claim_call(
            self.user_handler, "write", vals={"legal_hold": True, "legal_hold_reason": "mine"})
        self.assertEqual(response.status_code, 403, response.text)
        self.assertIn("Only claims managers place or lift a legal hold", response.text)
        self.env.invalidate_all()
        self.assertFalse(self.old_claim.legal_hold)

    def test_context_does_not_unlock_the_anonymisation_date(self):
        response = self._claim_call(
            self.user_manager, "write", vals={"anonymised_on": str(self.today)},
            context={"tracking_disable": True, "su": True})
        self.assertEqual(response.status_code, 403, response.text)
        self._assert_untouched()

    def test_manager_sets_legal_hold_and_anonymises_over_json2(self):
        response = self._claim_call(
            self.user_manager, "write", vals={"legal_hold": True, "legal_hold_reason": "Court"})
        self.assertEqual(response.status_code, 200, response.text)
        response = self._claim_call(self.user_manager, "action_anonymise")
        self.assertEqual(response.status_code, 422, response.text)
        self.assertIn("legal hold", response.text)
        self._assert_untouched()
        self.old_claim.legal_hold = False
        response = self._claim_call(self.user_manager, "action_anonymise")
        self.assertEqual(response.status_code, 200, response.text)
        self.env.invalidate_all()
        self.assertEqual(self.old_claim.anonymised_on, self.today)

    def test_user_cannot_read_the_retention_log_over_json2(self):
        self.env["claims.claim"]._anonymise_due()
        response = self._json2(self.user_handler, "claims.retention.log", "search_read",
                               {"domain": [], "fields": ["claim_names"]})
        self.assertEqual(response.status_code, 403, response.text)
        response = self._json2(self.user_manager, "claims.retention.log", "create",
                               {"vals_list": [{"company_id": self.company.id}]})
        self.assertNotEqual(response.status_code, 200, response.text)
