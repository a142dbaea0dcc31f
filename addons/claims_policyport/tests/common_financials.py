# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.queue_job.exception import RetryableJobError
from odoo.addons.queue_job.tests.common import trap_jobs

from .common import ClaimsPolicyportCommon, make_claim


class ClaimsPolicyportFinancialsCommon(ClaimsPolicyportCommon):
    """Claim TV-100001 imported from the simulator, with its PolicyPort payees.

    The insured (Tiva id CL-1 as participant reference) and the vendor Dry Out Pros (VN-500
    as its PolicyPort id) are payees PolicyPort knows; each test starts with PolicyPort's
    financials of that claim as imported (initial reserves, no payment).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sim.add_claim(make_claim(1))
        cls.backend.date_last_success = "2026-11-20 08:00:00"
        with trap_jobs() as trap:
            cls.backend._enqueue_poll()
            trap.perform_enqueued_jobs()
            trap.perform_enqueued_jobs()
        cls.pp_claim = cls.env["claims.claim"].search([("tiva_claim_id", "=", "TV-100001")])
        cls.dwelling = cls.pp_claim.coverage_ids.filtered(
            lambda c: c.coverage_type_id.code == "PP_DWELLING")
        cls.contents = cls.pp_claim.coverage_ids.filtered(
            lambda c: c.coverage_type_id.code == "PP_CONTENTS")
        cls.insured = cls.pp_claim.claimant_id
        cls.user_voider = new_test_user(
            cls.env, login="pp_voider", name="Vera Voider",
            groups="claims_base.group_claims_user,claims_base.group_claims_void_payment",
            company_id=cls.company.id, company_ids=[Command.set(cls.company.ids)],
        )

    def setUp(self):
        super().setUp()
        self.sim.add_claim(make_claim(1), documents=False)
        for feed in (self.sim.reserves, self.sim.checks, self.sim.voids):
            feed.clear()
        self.sim.payments.clear()
        self.sim.idempotency.clear()
        self.sim.denied.clear()
        self.backend.export_mode = "scheduled"
        # voids go to PolicyPort in these tests; the option is off by default
        self.backend.export_voids = True

    # ------------------------------------------------------------------ helpers

    def _approved(self, amount, remarks, partner=None, coverage=None, **values):
        """A payment requested by the handler and approved by the manager (jobs trapped)."""
        payment = self.env["claims.payment"].with_user(self.user_handler).create({
            "claim_id": self.pp_claim.id, "coverage_id": (coverage or self.dwelling).id,
            "partner_id": (partner or self.insured).id, "amount": amount, "remarks": remarks,
            **values,
        })
        payment.action_request()
        payment.with_user(self.user_manager).action_approve()
        return payment.with_user(self.user_handler)

    def _run(self):
        """One scheduled financials run with its jobs, as the job runner would do them."""
        with trap_jobs() as trap:
            self.backend._job_financials()
            trap.perform_enqueued_jobs()

    def _fails_once(self, trap):
        """Perform the one trapped job, which must meet a retryable failure; return it."""
        job = trap.enqueued_jobs[0]
        with self.assertRaises(RetryableJobError):
            job.perform()
        return job

    def _exchanges_of(self, records, kind):
        return self.env["claims.exchange"].search([
            ("res_model", "=", records._name), ("res_id", "in", records.ids),
            ("kind", "=", kind)], order="id")
