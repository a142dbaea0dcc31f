# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import ClaimsCommon


@tagged("post_install", "-at_install")
class TestClaimsFieldHistory(ClaimsCommon):
    """The hover history of tracked fields: who, when, from what, and only for readers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user = new_test_user(
            cls.env, login="portal_driver", groups="base.group_portal", name="Pat Portal"
        )

    def _flush_tracking(self):
        self.env.flush_all()
        self.env.cr.precommit.run()

    def _change(self, user, record, values):
        record.with_user(user).write(values)
        self._flush_tracking()

    def test_history_lists_author_date_old_and_new_value_newest_first(self):
        self._change(self.user_handler, self.claim, {"insurer_claim_number": "INS-1"})
        self._change(self.user_manager, self.claim, {"insurer_claim_number": "INS-2"})

        history = self.claim.with_user(self.user_handler).get_field_history(
            "insurer_claim_number"
        )

        self.assertEqual(history["string"], "Insurer Claim Number")
        self.assertEqual(history["count"], 2)
        self.assertEqual(
            [(c["author"], c["old_value"], c["new_value"]) for c in history["changes"]],
            [("Marc Manager", "INS-1", "INS-2"), ("Hanna Handler", "", "INS-1")],
        )
        self.assertEqual(history["changes"][0]["author_id"], self.user_manager.partner_id.id)
        self.assertTrue(all(c["date"] for c in history["changes"]))
        self.assertGreaterEqual(history["changes"][0]["date"], history["changes"][1]["date"])

    def test_history_limit_keeps_the_latest_change_and_the_count(self):
        for number in ("INS-1", "INS-2", "INS-3"):
            self._change(self.user_handler, self.claim, {"insurer_claim_number": number})

        history = self.claim.with_user(self.user_handler).get_field_history(
            "insurer_claim_number", limit=1
        )

        self.assertEqual(history["count"], 3)
        self.assertEqual(len(history["changes"]), 1)
        self.assertEqual(history["changes"][0]["old_value"], "INS-2")

    def test_history_shows_names_of_relations_and_other_fields_apart(self):
        self._change(self.user_handler, self.claim, {"user_id": self.user_manager.id})
        self._change(self.user_handler, self.claim, {"broker_id": self.broker.id})

        history = self.claim.with_user(self.user_handler).get_field_history("user_id")

        self.assertEqual(len(history["changes"]), 1)
        self.assertEqual(history["changes"][0]["new_value"], "Marc Manager")

    def test_history_works_on_payments_policies_and_incidents(self):
        payment = self._payment(100.0)
        incident = self.env["claims.incident"].create({
            "company_id": self.company.id, "incident_type": "theft"})
        self._flush_tracking()
        self._change(self.user_handler, payment, {"remarks": "new remarks"})
        self._change(self.user_handler, self.policy, {"date_end": "2026-11-30"})
        # injuries are for the injury and health group (test_injury_access)
        self.user_handler.group_ids += self.env.ref("claims_base.group_claims_health")
        self._change(self.user_handler, incident, {"has_injuries": True})

        as_handler = self.env(user=self.user_handler)
        payment_change = as_handler["claims.payment"].browse(payment.id).get_field_history(
            "remarks")["changes"][0]
        policy_change = as_handler["claims.policy"].browse(self.policy.id).get_field_history(
            "date_end")["changes"][0]
        incident_change = as_handler["claims.incident"].browse(incident.id).get_field_history(
            "has_injuries")["changes"][0]

        self.assertEqual(
            (payment_change["old_value"], payment_change["new_value"]),
            ("payment 100.0", "new remarks"),
        )
        self.assertEqual(
            (policy_change["old_value"], policy_change["new_value"]), ("2026-12-31", "2026-11-30")
        )
        self.assertEqual(
            (incident_change["old_value"], incident_change["new_value"]), ("No", "Yes")
        )

    def test_user_without_access_to_the_record_is_refused(self):
        self._change(self.user_handler, self.claim, {"insurer_claim_number": "INS-1"})

        with self.assertRaises(AccessError):
            self.claim.with_user(self.user_branch).get_field_history("insurer_claim_number")

    def test_field_with_groups_the_user_lacks_is_refused(self):
        self._change(self.user_handler, self.claim, {"insurer_claim_number": "INS-1"})
        field = self.env["claims.claim"]._fields["insurer_claim_number"]

        with patch.object(field, "groups", "claims_base.group_claims_manager"):
            with self.assertRaises(AccessError):
                self.claim.with_user(self.user_handler).get_field_history("insurer_claim_number")
            history = self.claim.with_user(self.user_manager).get_field_history(
                "insurer_claim_number")
        self.assertEqual(history["changes"][0]["new_value"], "INS-1")

    def test_portal_user_is_refused(self):
        with self.assertRaises(AccessError):
            self.claim.with_user(self.portal_user).get_field_history("insurer_claim_number")

    def test_untracked_or_unknown_field_is_refused(self):
        for field_name in ("active", "no_such_field"):
            with self.assertRaises(UserError):
                self.claim.with_user(self.user_handler).get_field_history(field_name)

    def test_tracking_values_stay_unreadable_directly(self):
        self._change(self.user_handler, self.claim, {"insurer_claim_number": "INS-1"})

        with self.assertRaises(AccessError):
            self.env["mail.tracking.value"].with_user(self.user_handler).search([]).read(
                ["old_value_char"])

    def test_fields_get_flags_tracked_fields_only(self):
        descriptions = self.env["claims.claim"].with_user(self.user_handler).fields_get(
            ["insurer_claim_number", "active"], attributes=["string"]
        )

        self.assertTrue(descriptions["insurer_claim_number"].get("tracked"))
        self.assertNotIn("tracked", descriptions["active"])
