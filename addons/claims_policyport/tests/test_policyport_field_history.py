# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common_financials import ClaimsPolicyportFinancialsCommon


@tagged("post_install", "-at_install")
class TestPolicyportFieldHistory(ClaimsPolicyportFinancialsCommon):
    """PolicyPort's fields on claims and payments show their history on hover."""

    def _commit(self):
        """What each job's commit does: mail writes the tracking (and tracks the changes of
        the records created before)."""
        self.env.flush_all()
        self.env.cr.precommit.run()

    def _history(self, record, field_name):
        self._commit()
        return record.with_user(self.user_handler).get_field_history(field_name)

    def test_policyport_fields_are_tracked_on_the_forms(self):
        claim_fields = self.env["claims.claim"].with_user(self.user_handler).fields_get(
            ["tiva_claim_id", "tiva_client_file_status", "tiva_peril", "tiva_has_drift"],
            ["string"])
        payment_fields = self.env["claims.payment"].with_user(self.user_handler).fields_get(
            ["tiva_payment_id", "tiva_payable_to", "voided_by_id"], ["string"])
        for described in (claim_fields, payment_fields):
            self.assertTrue(all(field.get("tracked") for field in described.values()), described)

    def test_a_payment_sent_shows_policyports_id_by_the_integration_user(self):
        payment = self._approved(900.0, "Fence repair")
        self._commit()
        self._run()
        self.assertTrue(payment.tiva_payment_id)
        history = self._history(payment, "tiva_payment_id")
        self.assertEqual(history["count"], 1)
        change = history["changes"][0]
        self.assertEqual(change["author"], "PolicyPort Integration")
        self.assertEqual((change["old_value"], change["new_value"]),
                         ("", payment.tiva_payment_id))
        self.assertTrue(change["date"])
        self.assertFalse(history["can_restore"], "PolicyPort's id is never restored by hand")
        payable_to = self._history(payment, "tiva_payable_to")["changes"][0]
        self.assertEqual(payable_to["new_value"], "Ines Insured1")
