# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError

from odoo.addons.queue_job.exception import FailedJobError, RetryableJobError
from odoo.addons.queue_job.job import Job
from odoo.addons.queue_job.tests.common import trap_jobs

from .common import ClaimsConnectorCommon


class TestClaimsExchangeJob(ClaimsConnectorCommon):
    def _mails(self):
        return self.env["mail.mail"].search([("email_to", "=", "ops@example.com")])

    def _postpone_like_the_runner(self, exchange):
        """Run the stored job of an exchange as queue_job's runner does after a failure."""
        job = Job.load(self.env, exchange.job_uuid)
        try:
            with self.env.cr.savepoint():
                job.perform()
        except RetryableJobError as err:
            job.postpone(result=str(err), seconds=err.seconds)
            job.set_pending(reset_retry=False)
            job.store()
            return job
        except FailedJobError as err:
            job.set_failed(exc_name=type(err).__name__, exc_message=str(err))
            job.store()
            return job
        self.fail("the job was expected to fail")

    def test_successful_exchange_is_done_with_one_attempt(self):
        exchange = self._exchange("ok", record=self.claim)
        with trap_jobs() as trap:
            exchange._enqueue()
            trap.assert_jobs_count(1, only=exchange._job_process)
            trap.perform_enqueued_jobs()
        self.assertRecordValues(exchange, [{"state": "done", "attempts": 1, "error_text": False}])
        self.assertEqual(exchange.record_ref, self.claim)

    def test_permanent_error_fails_at_once_without_retry(self):
        exchange = self._exchange("fail", record=self.claim)
        with trap_jobs() as trap:
            exchange._enqueue()
            trap.assert_jobs_count(1)
            trap.perform_enqueued_jobs()
            self.assertFalse(trap.enqueued_jobs, "no retry is enqueued")
        self.assertRecordValues(exchange, [{
            "state": "error", "attempts": 1, "error_kind": "http_400",
            "error_text": "simulated 400: bad claim number",
        }])

    def test_retryable_error_asks_queue_job_to_retry_after_retry_after(self):
        exchange = self._exchange("retry")
        with trap_jobs() as trap:
            exchange._enqueue()
            with self.assertRaises(RetryableJobError) as caught:
                trap.perform_enqueued_jobs()
        self.assertEqual(caught.exception.seconds, 7)

    def test_retried_job_counts_attempts_and_stays_pending(self):
        exchange = self._exchange("retry")
        exchange._enqueue()
        job = self._postpone_like_the_runner(exchange)
        self.assertEqual(job.retry, 1)
        self._postpone_like_the_runner(exchange)
        self.assertRecordValues(exchange, [{
            "state": "pending", "attempts": 2, "error_text": "simulated 503",
        }])
        self.assertFalse(self._mails(), "no mail while it is being retried")

    def test_exhausted_retries_put_the_exchange_in_error_and_notify_once(self):
        exchange = self._exchange("retry", record=self.claim)
        exchange._enqueue()
        stored = self.env["queue.job"].search([("uuid", "=", exchange.job_uuid)])
        self.assertEqual(stored.max_retries, 5)
        for _try in range(5):
            job = self._postpone_like_the_runner(exchange)
        self.assertEqual(job.state, "failed")
        self.assertEqual(exchange.state, "error")
        self.assertEqual(exchange.error_kind, "retries_exhausted")
        self.assertEqual(len(self._mails()), 1)
        self.assertIn("failed", self.claim.message_ids[0].body)

    def test_retry_pattern_is_configured_as_data(self):
        function = self.env.ref("claims_connector.job_function_claims_exchange_job_process")
        self.assertEqual(function.name, "<claims.exchange>._job_process")
        self.assertEqual(
            {int(tries): seconds for tries, seconds in function.retry_pattern.items()},
            {1: 30, 5: 120, 10: 600},
        )
        exchange = self._exchange("retry")
        job = exchange._enqueue()[0]
        job.retry = 6
        self.assertEqual(job._get_retry_seconds(), 120)

    def test_failed_exchange_posts_on_the_record_and_mails_once_per_kind_per_day(self):
        claim_2 = self._create_claim(self.company)
        exchanges = self._exchange("fail", record=self.claim) | self._exchange(
            "fail", record=claim_2, external_id="EXT-2")
        with trap_jobs() as trap:
            exchanges._enqueue()
            trap.perform_enqueued_jobs()
        self.assertEqual(set(exchanges.mapped("state")), {"error"})
        self.assertIn("simulated 400", self.claim.message_ids[0].body)
        self.assertIn("simulated 400", claim_2.message_ids[0].body)
        self.assertEqual(len(self._mails()), 1, "one mail for two errors of one kind")
        self.assertIn("http_400", self._mails().subject)

    def test_integration_admin_retries_a_failed_exchange(self):
        exchange = self._exchange("fail", record=self.claim)
        with trap_jobs() as trap:
            exchange._enqueue()
            trap.perform_enqueued_jobs()
        self.assertEqual(exchange.state, "error")
        exchange.sudo().kind = "ok"  # the cause was fixed on the other side
        with trap_jobs() as trap:
            exchange.with_user(self.user_integration).action_retry()
            trap.assert_jobs_count(1, only=exchange._job_process)
            trap.perform_enqueued_jobs()
        self.assertRecordValues(exchange, [{"state": "done", "attempts": 2}])

    def test_claims_user_cannot_retry_an_exchange(self):
        exchange = self._exchange("fail")
        exchange.sudo().state = "error"
        with self.assertRaises(AccessError):
            exchange.with_user(self.user_manager).action_retry()

    def test_only_failed_exchanges_are_retried(self):
        exchange = self._exchange("ok")
        with self.assertRaises(UserError):
            exchange.with_user(self.user_integration).action_retry()

    def test_skipped_exchange_keeps_its_reason(self):
        exchange = self._exchange("skip")
        with trap_jobs() as trap:
            exchange._enqueue()
            trap.perform_enqueued_jobs()
        self.assertRecordValues(exchange, [{"state": "skipped", "summary": "nothing to do"}])

    def test_inbound_message_id_is_unique_per_backend_and_kind(self):
        self._exchange("ok", message_id="MSG-1")
        with self.assertRaises(IntegrityError), self.cr.savepoint(), self.assertLogs(
                "odoo.sql_db", level="ERROR"):
            self._exchange("ok", message_id="MSG-1")
        self.assertTrue(self._exchange("skip", message_id="MSG-1"), "another kind is fine")

    def test_claims_user_sees_the_exchanges_of_a_claim_only_in_their_companies(self):
        self._exchange("ok", record=self.claim)
        action = self.claim.with_user(self.user_handler).action_view_exchanges()
        exchanges = self.env["claims.exchange"].with_user(self.user_handler).search(
            action["domain"])
        self.assertEqual(len(exchanges), 1)
        self.assertEqual(self.claim.exchange_count, 1)
        outsider = self.env["claims.exchange"].with_user(self.user_branch).search(
            action["domain"])
        self.assertFalse(outsider)
