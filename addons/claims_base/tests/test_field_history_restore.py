# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .common import ClaimsCommon, Json2Mixin


@tagged("post_install", "-at_install")
class TestFieldHistoryRestore(HttpCase, ClaimsCommon, Json2Mixin):
    """A manager sets a field back to a value it had, from its history; the restore is a
    tracked change of its own. The history also covers the description, the coverage lines
    and the participants."""

    def setUp(self):
        super().setUp()
        self._flush_tracking()  # as if the claim had been created in an earlier transaction

    def _flush_tracking(self):
        self.env.flush_all()
        self.env.cr.precommit.run()

    def _change(self, values, user=None):
        self.claim.with_user(user or self.user_handler).write(values)
        self._flush_tracking()

    def _history(self, field_name, user=None):
        return self.claim.with_user(user or self.user_handler).get_field_history(field_name)

    def test_manager_restores_a_value_and_the_restore_is_tracked(self):
        self._change({"insurer_claim_number": "INS-1"})
        self._change({"insurer_claim_number": "INS-2"})
        history = self._history("insurer_claim_number", self.user_manager)
        self.assertTrue(history["can_restore"])
        first_change = history["changes"][-1]  # "" -> INS-1
        second_change = history["changes"][0]  # INS-1 -> INS-2
        self.claim.with_user(self.user_manager).restore_field_value(
            "insurer_claim_number", second_change["id"])
        self._flush_tracking()
        self.assertEqual(self.claim.insurer_claim_number, "INS-1")
        history = self._history("insurer_claim_number")
        self.assertEqual(history["count"], 3)
        self.assertEqual(
            (history["changes"][0]["author"], history["changes"][0]["old_value"],
             history["changes"][0]["new_value"]),
            ("Marc Manager", "INS-2", "INS-1"))
        # back to before the first change: empty
        self.claim.with_user(self.user_manager).restore_field_value(
            "insurer_claim_number", first_change["id"])
        self.assertFalse(self.claim.insurer_claim_number)

    def test_dates_relations_and_choices_come_back_as_they_were(self):
        loss = fields.Date.today() - timedelta(days=12)
        self._change({"date_loss": loss, "user_id": self.user_handler.id})
        self._change({"date_loss": loss + timedelta(days=3), "user_id": self.user_manager.id,
                      "description": "Rear-ended at the lights."})
        self._change({"description": "Rear-ended at the lights; trailer door bent."})
        manager_claim = self.claim.with_user(self.user_manager)
        for field_name in ("date_loss", "user_id", "description"):
            latest = self._history(field_name, self.user_manager)["changes"][0]
            manager_claim.restore_field_value(field_name, latest["id"])
        self.assertRecordValues(self.claim, [{
            "date_loss": loss, "user_id": self.user_handler.id,
            "description": "Rear-ended at the lights.",
        }])

    def test_a_handler_cannot_restore_here_or_over_json2(self):
        self._change({"insurer_claim_number": "INS-1"})
        self._change({"insurer_claim_number": "INS-2"})
        history = self._history("insurer_claim_number")
        self.assertFalse(history["can_restore"])
        change_id = history["changes"][0]["id"]
        with self.assertRaises(AccessError):
            self.claim.with_user(self.user_handler).restore_field_value(
                "insurer_claim_number", change_id)
        response = self._json2(self.user_handler, "claims.claim", "restore_field_value", {
            "ids": [self.claim.id], "field_name": "insurer_claim_number",
            "tracking_id": change_id,
        }, context={"restore": True, "is_manager": True})
        self.assertEqual(response.status_code, 403, response.text)
        self.assertEqual(self.claim.insurer_claim_number, "INS-2")

    def test_a_change_of_another_claim_or_field_is_refused(self):
        other = self._create_claim(self.company)
        self._flush_tracking()
        other.with_user(self.user_handler).write({"insurer_claim_number": "OTHER-1"})
        self._change({"insurer_claim_number": "INS-1", "date_loss": fields.Date.today()})
        other_change = other.with_user(self.user_manager).get_field_history(
            "insurer_claim_number")["changes"][0]
        manager_claim = self.claim.with_user(self.user_manager)
        with self.assertRaisesRegex(UserError, "not in the history of this field"):
            manager_claim.restore_field_value("insurer_claim_number", other_change["id"])
        date_change = self._history("date_loss")["changes"][0]
        with self.assertRaisesRegex(UserError, "not in the history of this field"):
            manager_claim.restore_field_value("insurer_claim_number", date_change["id"])
        self.assertEqual(self.claim.insurer_claim_number, "INS-1")

    def test_a_deleted_contact_is_not_brought_back(self):
        gone = self.env["res.partner"].create({"name": "Short-lived Claimant"})
        self._change({"claimant_id": gone.id})
        self._change({"claimant_id": self.payee.id})
        gone.unlink()
        latest = self._history("claimant_id", self.user_manager)["changes"][0]
        with self.assertRaisesRegex(UserError, "Short-lived Claimant is no longer available"):
            self.claim.with_user(self.user_manager).restore_field_value(
                "claimant_id", latest["id"])
        self.assertEqual(self.claim.claimant_id, self.payee)

    def test_participants_and_coverage_lines_are_in_the_history_not_restorable(self):
        role = self.env.ref("claims_base.claims_participant_role_lawyer")
        lawyer = self.env["res.partner"].create({"name": "Mr. Advocaat"})
        participant = self.env["claims.participant"].with_user(self.user_handler).create({
            "claim_id": self.claim.id, "partner_id": lawyer.id, "role_id": role.id})
        self._flush_tracking()
        history = self._history("participant_ids", self.user_manager)
        self.assertEqual(history["count"], 1)
        self.assertIn("Mr. Advocaat", history["changes"][0]["new_value"])
        self.assertEqual(history["changes"][0]["author"], "Hanna Handler")
        self.assertFalse(history["can_restore"], "a list of records is not restored")
        with self.assertRaisesRegex(UserError, "cannot be restored"):
            self.claim.with_user(self.user_manager).restore_field_value(
                "participant_ids", history["changes"][0]["id"])
        participant.unlink()
        self.assertEqual(self._history("participant_ids")["count"], 2)
        cargo = self.env["claims.coverage.type"].create({"name": "Cargo", "code": "CGO"})
        self.claim.with_user(self.user_handler).write({"coverage_ids": [Command.create({
            "coverage_type_id": cargo.id})]})
        self._flush_tracking()
        coverages = self._history("coverage_ids")
        self.assertEqual(coverages["count"], 1, "the lines the claim was created with are not "
                                                "a change")
        self.assertIn("Cargo", coverages["changes"][0]["new_value"])
        self.assertNotIn("Cargo", coverages["changes"][0]["old_value"])
