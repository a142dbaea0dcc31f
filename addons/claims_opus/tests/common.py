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

from tests.simulators.opus import OpusSimulator, make_allocation  # noqa: E402,F401

LOGIN, PASSWORD = "robot", "s3cret-opus"


class ClaimsOpusCommon(ClaimsCommon):
    """An Opus simulator on loopback, a backend on it, and one browser session for the class
    (the backend's run session, which every job of the class reuses)."""

    allocations = 3

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sim = OpusSimulator(login=LOGIN, password=PASSWORD, kpi_delay=0.05).start()
        cls.addClassCleanup(cls.sim.stop)
        cls.user_integration = new_test_user(
            cls.env, login="opus_integration", name="Opus Integration",
            groups="claims_connector.group_claims_integration,base.group_partner_manager",
            company_id=cls.company.id, company_ids=[Command.set(cls.company.ids)],
        )
        cls.backend = cls.env["claims.opus.backend"].create({
            "name": "Harbour Builders",
            "endpoint": cls.sim.url,
            "login": LOGIN,
            "secret": PASSWORD,
            "timeout": 5,
            "company_id": cls.company.id,
            "user_id": cls.user_integration.id,
            "notification_email": "opus-desk@example.com",
        })
        cls.robot = cls.enterClassContext(cls.backend._opus_session())

    def setUp(self):
        super().setUp()
        self.sim.reset(keep_sessions=True)
        for n in range(1, self.allocations + 1):
            self.sim.add_allocation(make_allocation(n))

    @classmethod
    def _poll(cls):
        """One run of the backend's poll job, and the jobs it left (retries)."""
        with trap_jobs() as trap:
            cls.backend._enqueue_poll()
            trap.perform_enqueued_jobs()  # the poll
            return [job for job in trap.enqueued_jobs if job.method_name != "_job_poll"]

    def _exchanges(self, kind=None):
        domain = [("backend_model", "=", self.backend._name),
                  ("backend_id", "=", self.backend.id)]
        return self.env["claims.exchange"].search(domain + ([("kind", "=", kind)] if kind else []))

    def _claim(self, allocation_id):
        return self.env["claims.claim"].with_context(active_test=False).search(
            [("opus_allocation_id", "=", allocation_id)])

    def _run_jobs(self, action, *args):
        """``action(*args)``, then the jobs it queued (their exchanges); what it returned."""
        with trap_jobs() as trap:
            result = action(*args)
            trap.perform_enqueued_jobs()
        return result

    def _imported_claim(self, allocation_id="ALC-100001"):
        self._poll()
        return self._claim(allocation_id)
