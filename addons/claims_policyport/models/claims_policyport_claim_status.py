# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .. import client as pp_client

KIND = "claim_status"


class ClaimsPolicyportClaimStatus(models.AbstractModel):
    """Closing and reopening a claim here, sent to PolicyPort (an operation of ours, beyond
    PolicyPort's guide: CONTRACT.md, "Closing and reopening").

    Queued as an outbound exchange with its body and idempotency key, like a payment, when the
    backend's "Send closing and reopening" is on; sent with the scheduled run or at once.
    """

    _name = "claims.policyport.claim.status"
    _description = "PolicyPort claim closing and reopening"

    @api.model
    def _queue(self, claims, status, reason):
        """Queue ``Closed`` or ``Reopened`` for the PolicyPort claims among ``claims``."""
        financials = self.env["claims.policyport.financials"]
        backends = financials._backends_by_claim(claims)
        for claim in claims.filtered(lambda c: c.id in backends):
            backend = backends[claim.id]
            if not backend.export_claim_status:
                continue
            body = pp_client.render_claim_status(
                status, claim.date_closed or fields.Date.context_today(self), reason)
            financials._queue(backend, KIND, claim, [body], external_id=claim.tiva_claim_id)

    @api.model
    def _process(self, backend, exchange):
        """The work of one exchange: post the stored body with its key."""
        claim = self.env["claims.claim"].browse(exchange.res_id).exists()
        status = backend._get_client().post_claim_status(
            claim.tiva_claim_id, exchange.sudo().payload_attachment_id.raw, exchange.message_id)
        exchange._set_done(claim, summary=self.env._("%s in PolicyPort", status))
        return claim
