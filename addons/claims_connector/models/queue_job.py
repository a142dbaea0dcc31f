# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class QueueJob(models.Model):
    """Mirror the fate of an exchange's job on the exchange.

    A ``RetryableError`` rolls the job's transaction back; queue_job then stores the postponed
    or failed job from another cursor. This write is where the exchange learns about it.
    """

    _inherit = "queue.job"

    def write(self, vals):
        result = super().write(vals)
        if "state" in vals or "retry" in vals:
            self._sync_claims_exchanges()
        return result

    def _sync_claims_exchanges(self):
        jobs = self.filtered(lambda j: j.state in ("pending", "failed") and j.retry)
        if not jobs:
            return
        exchanges = self.env["claims.exchange"].sudo().search(
            [("job_uuid", "in", jobs.mapped("uuid")), ("state", "=", "pending")]
        )
        by_uuid = {exchange.job_uuid: exchange for exchange in exchanges}
        for job in jobs:
            exchange = by_uuid.get(job.uuid)
            if not exchange:
                continue
            if job.state == "failed":
                exchange._on_job_failed(job.exc_message or job.exc_name or "failed")
            else:
                exchange._on_job_postponed(job.retry, job.result or "")
