# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError

from odoo.addons.queue_job.tests.common import trap_jobs

from .common import ClaimsConnectorCommon


class TestClaimsBackendMixin(ClaimsConnectorCommon):
    def test_claims_user_cannot_read_backend_credentials(self):
        backend = self.backend.with_user(self.user_manager)
        self.assertEqual(backend.name, "Test system")
        with self.assertRaises(AccessError):
            backend.read(["secret"])

    def test_integration_admin_can_read_credentials(self):
        backend = self.backend.with_user(self.user_integration)
        self.assertEqual(backend.read(["login", "secret"])[0]["secret"], "s3cret")

    def test_connector_code_reads_credentials_as_any_user(self):
        backend = self.backend.with_user(self.user_handler)
        self.assertEqual(backend._get_credentials(), ("desk", "s3cret"))

    def test_claims_user_cannot_poll_now(self):
        with self.assertRaises(AccessError):
            self.backend.with_user(self.user_handler).action_poll_now()

    def test_cron_only_enqueues_polls_of_due_backends(self):
        not_due = self.backend.copy({"name": "Polled a minute ago"})
        not_due.date_last_poll = fields.Datetime.now() - timedelta(minutes=1)
        with trap_jobs() as trap:
            self.env[self.backend._name]._cron_enqueue_polls()
            trap.assert_jobs_count(1)
            trap.assert_enqueued_job(self.backend._job_poll)
            self.assertEqual(self.backend.processed, 0, "the cron itself does no work")

    def test_poll_job_runs_as_the_backend_user_and_enqueues_one_job_per_object(self):
        with trap_jobs() as trap:
            self.backend._enqueue_poll()
            poll_job = trap.enqueued_jobs[0]
            self.assertEqual(poll_job.user_id, self.user_integration.id)
            trap.perform_enqueued_jobs()
            exchanges = self.env["claims.exchange"].search(
                [("backend_model", "=", self.backend._name), ("backend_id", "=", self.backend.id)]
            )
            self.assertEqual(len(exchanges), 3)
            self.assertEqual(len(trap.enqueued_jobs), 3)
            self.assertEqual({job.method_name for job in trap.enqueued_jobs}, {"_job_process"})
            self.assertTrue(all(job.user_id == self.user_integration.id
                                for job in trap.enqueued_jobs))
            trap.perform_enqueued_jobs()
        self.assertEqual(set(exchanges.mapped("state")), {"done"})
        self.assertEqual(self.backend.cursor, "3")
        self.assertTrue(self.backend.date_last_success)
        self.assertEqual(self.backend.exchange_count, 3)
