# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.queue_job.tests.common import trap_jobs

from .common_financials import ClaimsPolicyportFinancialsCommon


@tagged("post_install", "-at_install")
class TestClaimsClaimPolicyportDrift(ClaimsPolicyportFinancialsCommon):
    def _compare(self, user=None):
        claim = self.pp_claim.with_user(user or self.user_handler)
        action = claim.action_policyport_compare()
        return self.env["claims.policyport.compare"].with_user(
            user or self.user_handler).browse(action["res_id"])

    def _both_sides_changed(self):
        """Here: a reserve change not sent yet and a payment sent; there: a reserve change, a
        payment made in PolicyPort with its check, and our payment issued."""
        today = fields.Date.to_string(fields.Date.today())
        sent = self._approved(1000.0, "Tarp and dry-out")
        self._run()
        sent.invalidate_recordset()
        self.sim.issue_check(sent.tiva_payment_id, "100300", today)
        self.sim.reserves.append({"reserveId": "RS-900", "claim": "TV-100001",
                                  "coverage": "A", "category": "IND", "amount": 5000.0})
        made_there = self.sim.add_payment("TV-100001", "VN-500", "800.00", "Water extraction")
        self.sim.issue_check(made_there, "100301", today)
        self.env["claims.reserve.line"].create({
            "coverage_id": self.contents.id, "amount_change": 250.0, "reason": "Rugs"})
        unknown = self._approved(75.0, "Locksmith")  # approved here, not sent yet
        return sent, made_there, unknown

    def test_equal_claim_compares_without_difference(self):
        wizard = self._compare()
        self.assertEqual(wizard.difference_count, 0)
        self.assertFalse(wizard.cause_text)

    def test_compare_lists_reserves_and_payments_with_the_likely_cause(self):
        self._both_sides_changed()
        wizard = self._compare()
        self.assertIn("Reserve A (IND)", wizard.result_html)
        self.assertIn("Reserve C (IND)", wizard.result_html)
        self.assertIn("800.00 check 100301", wizard.result_html)
        self.assertIn("1000.00 check 100300", wizard.result_html, "issued there, sent here")
        self.assertIn("Reserves were changed in PolicyPort.", wizard.cause_text)
        self.assertIn("Payments were added, issued or voided in PolicyPort.", wizard.cause_text)
        self.assertIn("not sent yet", wizard.cause_text)
        self.assertFalse(wizard.can_overwrite, "a handler compares, does not overwrite")

    def test_closed_here_reopened_there_is_named(self):
        self.pp_claim.sudo().write({"file_status": "closed"})
        wizard = self._compare()
        self.assertIn("Closed here, open in PolicyPort: the closing was not sent.",
                      wizard.cause_text)

    def test_missing_rights_in_policyport_is_the_cause(self):
        self.sim.denied.add("financials")
        wizard = self._compare()
        self.assertIn("lacks the right", wizard.cause_text)
        self.assertIn("403", wizard.error_text)

    def test_manager_overwrite_corrects_adds_lists_and_logs(self):
        sent, made_there, unknown = self._both_sides_changed()
        ledger_before = {line.id: (line.amount_change, line.reason)
                         for line in self.pp_claim.reserve_line_ids}
        wizard = self._compare(self.user_manager)
        self.assertTrue(wizard.can_overwrite)
        wizard.action_overwrite()
        claim = self.pp_claim
        # the ledger: old lines untouched, correcting lines to PolicyPort's totals
        for line in claim.reserve_line_ids.filtered(lambda ln: ln.id in ledger_before):
            self.assertEqual((line.amount_change, line.reason), ledger_before[line.id])
        corrections = claim.reserve_line_ids.filtered(
            lambda ln: ln.reason == "Overwrite from PolicyPort")
        self.assertEqual(sorted(corrections.mapped("amount_change")), [-250.0, 5000.0])
        self.assertEqual(self.dwelling.amount_reserve, 20000.0)
        self.assertEqual(self.contents.amount_reserve, 7500.0)
        self.assertFalse(self._exchanges_of(corrections, "reserve"), "never sent back")
        # pending requests voided, their export cancelled
        self.assertEqual(unknown.state, "voided")
        self.assertEqual(self._exchanges_of(unknown, "payment").state, "skipped")
        # payments: ours issued there now paid, the one made there added as it is
        self.assertRecordValues(sent, [{"state": "paid", "check_number": "100300"}])
        added = claim.payment_ids.filtered(lambda p: p.tiva_payment_id == made_there)
        self.assertRecordValues(added, [{
            "state": "paid", "amount": 800.0, "check_number": "100301",
            "partner_id": self.vendor.id, "tiva_payable_to": "Dry Out Pros",
            "remarks": "Water extraction"}])
        # logged: an exchange with PolicyPort's financials, a note on the claim
        log = self.env["claims.exchange"].search([("kind", "=", "overwrite"),
                                                  ("res_id", "=", claim.id)])
        self.assertEqual(log.state, "done")
        self.assertIn(b"<Financials", log.payload_attachment_id.raw)
        self.assertIn("Financials overwritten from PolicyPort by Marc Manager",
                      claim.message_ids[0].body)
        self.assertEqual(self._compare().difference_count, 0, "both sides agree")
        self.assertFalse(self.sim.requests[-1].method == "POST", "nothing sent by the overwrite")

    def test_payment_unknown_to_policyport_is_listed_not_deleted(self):
        sent = self._approved(300.0, "Fence")
        self._run()
        sent.invalidate_recordset()
        self.sim.payments.pop(sent.tiva_payment_id)  # PolicyPort lost it
        wizard = self._compare(self.user_manager)
        self.assertEqual(wizard.unknown_payment_ids, sent)
        wizard.action_overwrite()
        self.assertTrue(sent.exists())
        self.assertEqual(sent.state, "sent")
        self.assertEqual(wizard.unknown_payment_ids, sent)
        self.assertIn("Unknown to PolicyPort, to decide", wizard.overwrite_log)

    def test_handler_cannot_overwrite_even_over_rpc(self):
        self._both_sides_changed()
        wizard = self._compare()
        lines_before = len(self.pp_claim.reserve_line_ids)
        with self.assertRaises(AccessError):
            wizard.action_overwrite()
        self.assertEqual(len(self.pp_claim.reserve_line_ids), lines_before)

    def test_overwrite_refused_while_an_export_of_the_claim_runs(self):
        self.backend.export_mode = "asap"
        line = self.env["claims.reserve.line"].create({
            "coverage_id": self.dwelling.id, "amount_change": 10.0, "reason": "Tarp"})
        exchange = self._exchanges_of(line, "reserve")
        # the job runner has started the export's job
        self.env.cr.execute("UPDATE queue_job SET state = 'started' WHERE uuid = %s",
                            [exchange.job_uuid])
        self.assertEqual(self.env.cr.rowcount, 1)
        wizard = self._compare(self.user_manager)
        with self.assertRaisesRegex(UserError, "An export to PolicyPort is running"):
            wizard.action_overwrite()

    def test_compare_of_a_claim_of_no_backend_is_refused(self):
        with self.assertRaises(UserError):
            self.claim.with_user(self.user_handler).action_policyport_compare()

    # ------------------------------------------------------------------ daily check

    def test_daily_check_flags_the_claims_that_differ_for_the_managers(self):
        self.sim.reserves.append({"reserveId": "RS-901", "claim": "TV-100001",
                                  "coverage": "B", "category": "IND", "amount": 100.0})
        with trap_jobs() as trap:
            self.backend._cron_enqueue_drift_checks()
            # one job per backend (the demo's too): this backend's
            jobs = [job for job in trap.enqueued_jobs if job.recordset == self.backend]
            self.assertEqual(len(jobs), 1)
            result = jobs[0].perform()
        self.assertEqual(json.loads(result)["differ"], [self.pp_claim.name])
        self.assertTrue(self.pp_claim.tiva_has_drift)
        self.assertIn("Reserve B (IND): 1500.0 here, 1600.0 in PolicyPort",
                      self.pp_claim.tiva_drift_summary)
        message = self.backend.message_ids[0]
        self.assertIn("1 claims differ from PolicyPort", message.body)
        self.assertIn(self.user_manager.partner_id, message.partner_ids)
        drifting = self.env["claims.claim"].search(self.env.ref(
            "claims_policyport.claims_claim_action_policyport_drift").domain and [
            ("tiva_has_drift", "=", True)])
        self.assertEqual(drifting, self.pp_claim)
        self.sim.reserves.clear()
        with trap_jobs() as trap:
            self.backend._cron_enqueue_drift_checks()
            trap.perform_enqueued_jobs()
        self.assertFalse(self.pp_claim.tiva_has_drift, "agreeing again clears the flag")
