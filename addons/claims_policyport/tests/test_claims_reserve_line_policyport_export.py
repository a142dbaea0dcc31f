# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.queue_job.tests.common import trap_jobs

from .common_financials import ClaimsPolicyportFinancialsCommon


@tagged("post_install", "-at_install")
class TestClaimsReserveLinePolicyportExport(ClaimsPolicyportFinancialsCommon):
    def _change(self, coverage, amount, reason="Contractor estimate received"):
        return self.env["claims.reserve.line"].with_user(self.user_handler).create(
            {"coverage_id": coverage.id, "amount_change": amount, "reason": reason})

    def test_import_exports_none_of_the_initial_reserves(self):
        self.assertEqual(self.dwelling.amount_reserve, 15000.0)
        self.assertFalse(self._exchanges_of(self.pp_claim.reserve_line_ids, "reserve"))

    def test_scheduled_change_waits_for_the_run_then_reaches_policyport(self):
        with trap_jobs() as trap:
            line = self._change(self.dwelling, 2500.0)
            self.assertEqual(trap.enqueued_jobs, [], "scheduled: no job at the change")
        self.assertEqual(line.tiva_sync_state, "pending")
        self._run()
        self.assertEqual(self.sim.reserves, [{
            "reserveId": self.sim.reserves[0]["reserveId"], "claim": "TV-100001",
            "coverage": "A", "category": "IND", "amount": 2500.0}])
        self.assertEqual(self.sim.reserve_totals("TV-100001")["A", "IND"], 17500.0)
        self.assertEqual(self.dwelling.amount_reserve, 17500.0, "both sides agree")
        line.invalidate_recordset()
        self.assertEqual(line.tiva_sync_state, "done")
        exchange = self._exchanges_of(line, "reserve")
        self.assertIn("total 17500.00", exchange.summary)
        self.assertEqual(self.sim.requests[-1].headers["idempotency-key"], exchange.message_id)

    def test_as_soon_as_possible_enqueues_a_job_with_the_change(self):
        self.backend.export_mode = "asap"
        with trap_jobs() as trap:
            self._change(self.contents, -500.0, "Contents partly saved")
            self.assertEqual(len(trap.enqueued_jobs), 1)
            trap.perform_enqueued_jobs()
        self.assertEqual(self.sim.reserve_totals("TV-100001")["C", "IND"], 7000.0)

    def test_server_error_is_retried_with_the_same_key_and_body(self):
        self.backend.export_mode = "asap"
        self.sim.add_fault("status", status=500, method="POST", path="/reserves$")
        with trap_jobs() as trap:
            line = self._change(self.dwelling, 100.0)
            job = self._fails_once(trap)
            job.perform()
        posts = [r for r in self.sim.requests if r.method == "POST"]
        self.assertEqual(len(posts), 2)
        self.assertEqual(posts[0].headers["idempotency-key"], posts[1].headers["idempotency-key"])
        self.assertEqual(posts[0].body, posts[1].body)
        self.assertEqual(len(self.sim.reserves), 1)
        line.invalidate_recordset()
        self.assertEqual(line.tiva_sync_state, "done")

    def test_missing_rights_in_policyport_fail_the_change_with_its_message(self):
        self.sim.denied.add("reserves")
        line = self._change(self.dwelling, 100.0)
        self._run()
        line.invalidate_recordset()
        self.assertEqual(line.tiva_sync_state, "error")
        self.assertIn("does not have the right to set Payments & Reserves", line.tiva_sync_error)

    def test_contact_without_tiva_id_cannot_get_reserves(self):
        participant = self.pp_claim.participant_ids.filtered(
            lambda p: p.partner_id == self.insured)
        participant.reference = False
        with self.assertRaisesRegex(ValidationError,
                                    "^TIVA ID is required in order to set Payments & Reserves.$"):
            self._change(self.dwelling, 100.0)

    def test_coverage_without_policyport_code_fails_without_sending(self):
        other = self.env["claims.coverage.type"].create({"name": "Motor own damage", "code": "OD9"})
        coverage = self.env["claims.claim.coverage"].create(
            {"claim_id": self.pp_claim.id, "coverage_type_id": other.id})
        line = self._change(coverage, 100.0)
        self.assertEqual(line.tiva_sync_state, "error")
        self.assertIn("no PolicyPort coverage code", line.tiva_sync_error)
        self._run()
        self.assertFalse(self.sim.reserves)

    def test_claim_of_no_backend_sends_nothing(self):
        line = self._change(self.coverage, 100.0)
        self.assertFalse(line.tiva_sync_state)
        self.assertFalse(self._exchanges_of(line, "reserve"))

    def test_integration_admin_runs_financials_now_handler_cannot(self):
        with self.assertRaises(AccessError):
            self.backend.with_user(self.user_handler).action_run_financials_now()
        self._change(self.dwelling, 100.0)
        with trap_jobs() as trap:
            self.backend.with_user(self.user_integration).action_run_financials_now()
            trap.perform_enqueued_jobs()  # the run
            trap.perform_enqueued_jobs()  # the change
        self.assertEqual(len(self.sim.reserves), 1)
