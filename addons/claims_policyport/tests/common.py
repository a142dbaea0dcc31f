# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import sys
from pathlib import Path

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.claims_base.tests.common import ClaimsCommon
from odoo.addons.queue_job.tests.common import trap_jobs

REPO = Path(__file__).resolve().parents[3]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.simulators.policyport import PolicyPortSimulator  # noqa: E402,F401
from tests.simulators.policyport.data import make_claim, make_pdf, render_claim  # noqa: E402,F401


class ClaimsPolicyportCommon(ClaimsCommon):
    """A PolicyPort simulator on loopback and a backend pointing at it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sim = PolicyPortSimulator().start()
        cls.addClassCleanup(cls.sim.stop)
        cls.user_integration = new_test_user(
            cls.env, login="pp_integration", name="PolicyPort Integration",
            groups="claims_connector.group_claims_integration,base.group_partner_manager",
            company_id=cls.company.id, company_ids=[Command.set(cls.company.ids)],
        )
        cls.vendor = cls.env["res.partner"].create({
            "name": "Dry Out Pros LLC", "is_company": True, "claims_contact_type": "vendor",
            "is_global_vendor": True,
        })
        cls.backend = cls.env["claims.policyport.backend"].create({
            "name": "Gulf State desk",
            "endpoint": cls.sim.url,
            "login": "desk",
            "secret": "s3cret",
            "timeout": 2,
            "company_id": cls.company.id,
            "user_id": cls.user_integration.id,
            "notification_email": "desk-ops@example.com",
        })
        cls.env["claims.policyport.vendor"].create({
            "backend_id": cls.backend.id, "partner_id": cls.vendor.id, "payee_id": "VN-500"})

    def setUp(self):
        super().setUp()
        self.sim.claims.clear()
        self.sim.raw_claims.clear()
        self.sim.documents.clear()
        self.sim.clear_faults()
        self.sim.requests.clear()
        self.sim.vendors.clear()
        self.sim.statuses.clear()
        # the simulated claims are assigned on 2026-11-20: the last run was that morning
        self.backend.date_last_success = "2026-11-20 08:00:00"

    def _poll_and_import(self):
        """Poll the simulator, then run each claim's import job; the claim jobs."""
        with trap_jobs() as trap:
            self.backend._enqueue_poll()
            trap.perform_enqueued_jobs()  # the poll
            jobs = list(trap.enqueued_jobs)
            trap.perform_enqueued_jobs()  # one job per claim
        return jobs

    def _exchanges(self):
        return self.env["claims.exchange"].search([
            ("backend_model", "=", self.backend._name), ("backend_id", "=", self.backend.id),
            ("kind", "=", "claim"),
        ])

    def _claim(self, tiva_claim_id):
        return self.env["claims.claim"].with_context(active_test=False).search(
            [("tiva_claim_id", "=", tiva_claim_id)])
