# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

# A partner system reads the payloads and error texts of its own webhook deliveries (its
# exchange rule, security/claims_exchange_security.xml); integration admins read them all.
PAYLOAD_GROUPS = "claims_connector.group_claims_integration,claims_api.group_claims_api"


class ClaimsExchange(models.Model):
    """Webhook deliveries are exchanges whose subscriber is stored on them."""

    _inherit = "claims.exchange"

    error_text = fields.Text(groups=PAYLOAD_GROUPS)
    payload_attachment_id = fields.Many2one(groups=PAYLOAD_GROUPS)
    payload_name = fields.Char(groups=PAYLOAD_GROUPS)
    payload = fields.Binary(groups=PAYLOAD_GROUPS)
    # A webhook delivery's subscription and its user: a partner system reads the deliveries
    # of its own subscriptions, archived ones included.
    # (precomputed: set in the INSERT of every exchange, no UPDATE after it)
    webhook_id = fields.Many2one(
        "claims.webhook", compute="_compute_webhook_id", store=True, precompute=True,
        index="btree_not_null")
    webhook_user_id = fields.Many2one(
        related="webhook_id.user_id", store=True, precompute=True, string="Subscriber",
        index="btree_not_null")

    @api.depends("backend_model", "backend_id")
    def _compute_webhook_id(self):
        for exchange in self:
            exchange.webhook_id = (exchange.backend_id
                                   if exchange.backend_model == "claims.webhook" else False)
