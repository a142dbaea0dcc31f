# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from odoo.addons.claims_base.tests.common import Json2Mixin

from .common import ClaimsRecoveryCommon


@tagged("post_install", "-at_install")
class TestClaimsRecoveryRemoteCalls(Json2Mixin, HttpCase, ClaimsRecoveryCommon):
    """The recovery rules hold over JSON-2, with a user's API key."""

    def _call(self, user, method, **body):
        return self._json2(user, "claims.recovery", method, dict(ids=self.recovery.ids, **body))

    def test_stage_received_cannot_be_written(self):
        response = self._call(self.user_manager, "write", vals={"stage": "received"},
                              context={"sudo": True})
        self.assertNotEqual(response.status_code, 200, response.text)
        self.assertIn("through its", response.text)
        self.recovery.invalidate_recordset()
        self.assertEqual(self.recovery.stage, "identified")

    def test_recovered_amount_cannot_be_written(self):
        response = self._call(self.user_handler, "write", vals={"amount_recovered": 4000})
        self.assertNotEqual(response.status_code, 200, response.text)
        self.recovery.invalidate_recordset()
        self.assertEqual(self.recovery.amount_recovered, 0)

    def test_receipt_refused_when_not_recovered(self):
        response = self._call(self.user_handler, "action_receive")
        self.assertNotEqual(response.status_code, 200, response.text)
        self.assertIn("write it off", response.text)
        self.recovery.invalidate_recordset()
        self.assertEqual(self.recovery.stage, "identified")

    def test_write_off_without_reason_refused(self):
        response = self._call(self.user_handler, "action_write_off", reason=" ")
        self.assertNotEqual(response.status_code, 200, response.text)
        self.assertIn("needs a reason", response.text)
        self.recovery.invalidate_recordset()
        self.assertEqual(self.recovery.stage, "identified")

    def test_private_helpers_are_not_callable(self):
        response = self._call(self.user_manager, "_transition", stage="received")
        self.assertNotEqual(response.status_code, 200, response.text)
        self.recovery.invalidate_recordset()
        self.assertEqual(self.recovery.stage, "identified")

    def test_handler_demands_and_agrees_over_json2(self):
        for method in ("action_demand", "action_agree"):
            response = self._call(self.user_handler, method)
            self.assertEqual(response.status_code, 200, response.text)
        self.recovery.invalidate_recordset()
        self.assertEqual(self.recovery.stage, "agreed")
