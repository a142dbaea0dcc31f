# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Out of sync: closing and reopening sent to PolicyPort, a claim reopened there flagged, the
daily check's window, and an overwrite that voids what PolicyPort does not know."""

import json
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common_financials import ClaimsPolicyportFinancialsCommon


@tagged("post_install", "-at_install")
class TestClaimsClaimPolicyportSync(ClaimsPolicyportFinancialsCommon):
    def _close(self, reason="Repairs done"):
        # the claim still has reserves: a manager closes it anyway, with a reason
        self.pp_claim.with_user(self.user_manager).action_close(reason=reason)

    def _daily_check(self):
        return json.loads(self.backend.with_user(self.user_integration)._job_drift_check())

    def _status_exchanges(self):
        return self._exchanges_of(self.pp_claim, "claim_status")

    # ------------------------------------------------------------------ closing in step

    def test_closing_and_reopening_here_are_sent_to_policyport(self):
        self._close()
        self.assertEqual(self._status_exchanges().state, "pending")
        self._run()
        self.assertEqual([(s["status"], s["reason"]) for s in self.sim.statuses],
                         [("Closed", "Repairs done")])
        self.assertEqual(self.sim.statuses[0]["date"],
                         fields.Date.to_string(self.pp_claim.date_closed))
        self.assertEqual(self._daily_check()["differ"], [], "closed on both sides")
        self.pp_claim.with_user(self.user_handler).action_reopen(reason="Mould found")
        self._run()
        self.assertEqual([s["status"] for s in self.sim.statuses], ["Closed", "Reopened"])
        self.assertEqual(self._status_exchanges().mapped("state"), ["done", "done"])
        self.assertEqual(self.sim.claims["TV-100001"]["ClientFileStatus"], "Reopened")

    def test_closing_is_not_sent_when_the_backend_option_is_off(self):
        self.assertTrue(self.env["claims.policyport.backend"].new({}).export_claim_status,
                        "on by default")
        self.backend.export_claim_status = False
        self._close()
        self._run()
        self.assertFalse(self._status_exchanges())
        self.assertFalse(self.sim.statuses)

    def test_closing_refused_by_policyport_fails_on_the_exchange(self):
        self.sim.denied.add("status")
        self._close()
        self._run()
        self.assertEqual(self._status_exchanges().state, "error")
        self.assertEqual(self.pp_claim.file_status, "closed", "closed here all the same")

    def test_claim_reopened_in_policyport_only_is_flagged_out_of_sync(self):
        self._close()
        self._run()
        self.sim.reopen_claim("TV-100001")
        self.assertEqual(self._daily_check()["differ"], [self.pp_claim.name])
        self.assertTrue(self.pp_claim.tiva_has_drift)
        self.assertIn("reopened in PolicyPort", self.pp_claim.tiva_drift_summary)

    # ------------------------------------------------------------------ daily check window

    def test_daily_check_reads_open_claims_and_claims_closed_within_the_window(self):
        self.backend.export_claim_status = False
        self._close()
        self.sim.reserves.append({"reserveId": "RS-902", "claim": "TV-100001",
                                  "coverage": "B", "category": "IND", "amount": 100.0})
        today = fields.Date.context_today(self.pp_claim)
        for days_ago, window, checked in ((10, 90, 1), (100, 90, 0), (100, 120, 1)):
            with self.subTest(days_ago=days_ago, window=window):
                self.env.cr.execute("UPDATE claims_claim SET date_closed = %s WHERE id = %s",
                                    (today - timedelta(days=days_ago), self.pp_claim.id))
                self.pp_claim.invalidate_recordset()
                self.backend.drift_days = window
                self.sim.requests.clear()
                result = self._daily_check()
                self.assertEqual(result["checked"], checked)
                asked = [r for r in self.sim.requests if r.path.endswith("/financials")]
                self.assertEqual(len(asked), checked)

    # ------------------------------------------------------------------ overwrite

    def test_overwrite_voids_what_policyport_does_not_know_and_tells_the_chatter(self):
        self.sim.denied.update({"reserves", "payments"})
        refused_line = self.env["claims.reserve.line"].create({
            "coverage_id": self.contents.id, "amount_change": 250.0, "reason": "Rugs"})
        refused = self._approved(75.0, "Locksmith")
        self._run()  # both refused by PolicyPort
        waiting_line = self.env["claims.reserve.line"].create({
            "coverage_id": self.dwelling.id, "amount_change": 500.0, "reason": "Drywall"})
        requested = self.env["claims.payment"].with_user(self.user_handler).create({
            "claim_id": self.pp_claim.id, "coverage_id": self.dwelling.id,
            "partner_id": self.vendor.id, "amount": 120.0, "remarks": "Fans"})
        requested.action_request()
        self.sim.denied.clear()
        wizard = self.env["claims.policyport.compare"].with_user(self.user_manager).browse(
            self.pp_claim.with_user(self.user_manager).action_policyport_compare()["res_id"])
        wizard.action_overwrite()
        self.assertEqual((refused | requested).mapped("state"), ["voided", "voided"])
        self.assertEqual(set(self._exchanges_of(refused_line | waiting_line, "reserve").mapped(
            "state")), {"skipped"})
        self.assertEqual(self.contents.amount_reserve, 7500.0, "PolicyPort's figure")
        self.assertEqual(self.dwelling.amount_reserve, 15000.0, "PolicyPort's figure")
        note = self.pp_claim.message_ids[0].body
        self.assertIn("Reserve change not in PolicyPort voided: Contents +250.00 (Rugs)", note)
        self.assertIn("Reserve change not in PolicyPort voided: Dwelling +500.00 (Drywall)",
                      note)
        self.assertIn("Payment request not in PolicyPort voided", note)
        self.assertIn(refused.display_name, note)
        self.assertIn(requested.display_name, note)
        self.assertIn("Reserve Contents: -250.00 to 7500.00", note)
        self.run_again = self._daily_check()
        self.assertEqual(self.run_again["differ"], [], "both sides agree")
        self.assertFalse(self.sim.payments, "nothing sent by the overwrite")
