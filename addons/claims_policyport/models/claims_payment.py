# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .. import mapping

SENT_STATES = [("pending", "Pending"), ("done", "Successful"), ("error", "Failed")]
VOID_STATES = [("no", "No"), *SENT_STATES]
# Written by the connector only: PolicyPort's id and the name it prints on the check.
TIVA_FIELDS = {"tiva_payment_id", "tiva_payable_to"}


class ClaimsPayment(models.Model):
    """A payment on a PolicyPort claim: exported once approved, paid by PolicyPort's check.

    "Sent to Tiva" and "Void sent to Tiva" read the latest payment and void exchanges.
    "Payable to" is the name PolicyPort prints for the payee's Tiva id: read-only here.
    """

    _inherit = "claims.payment"

    tiva_payment_id = fields.Char(
        string="Tiva payment id", readonly=True, copy=False, index="btree_not_null")
    tiva_payable_to = fields.Char(
        string="Payable to (PolicyPort)", readonly=True, copy=False,
        help="The name PolicyPort prints on the check: the one that belongs to the payee's "
        "Tiva id.",
    )
    is_policyport = fields.Boolean(compute="_compute_is_policyport")
    tiva_never_sent = fields.Boolean(
        compute="_compute_tiva_never_sent",
        help="Recoveries, manual checks and stop payments stay here: PolicyPort never gets them.",
    )
    tiva_sync_state = fields.Selection(
        SENT_STATES, string="Sent to Tiva", compute="_compute_tiva_sync_states")
    tiva_sync_error = fields.Text(compute="_compute_tiva_sync_states")
    tiva_void_state = fields.Selection(
        VOID_STATES, string="Void sent to Tiva", compute="_compute_tiva_sync_states")
    tiva_void_error = fields.Text(compute="_compute_tiva_sync_states")

    # ------------------------------------------------------------------ computes

    @api.depends("claim_id")
    def _compute_is_policyport(self):
        backends = self.env["claims.policyport.financials"]._backends_by_claim(self.claim_id)
        for payment in self:
            payment.is_policyport = payment.claim_id.id in backends

    @api.depends("payment_type", "method", "state")
    def _compute_tiva_never_sent(self):
        for payment in self:
            payment.tiva_never_sent = mapping.is_never_sent(
                payment.payment_type, payment.method, payment.state)

    @api.depends("state", "tiva_payment_id")
    def _compute_tiva_sync_states(self):
        latest = self._latest_tiva_exchanges()
        for payment in self:
            sent = latest.get((payment.id, "payment"))
            void = latest.get((payment.id, "void"))
            payment.tiva_sync_state = sent["state"] if sent else False
            payment.tiva_sync_error = sent["error"] if sent else False
            if payment.state != "voided":
                payment.tiva_void_state = False
            elif not payment.tiva_payment_id:
                payment.tiva_void_state = "no"
            else:
                payment.tiva_void_state = void["state"] if void else False
            payment.tiva_void_error = void["error"] if void else False

    def _latest_tiva_exchanges(self):
        """{(payment id, kind): {state, error}} of the latest payment and void exchanges."""
        ids = [payment_id for payment_id in self._ids if isinstance(payment_id, int)]
        if not ids:
            return {}
        self.env["claims.exchange"].flush_model()
        self.env.cr.execute("""
            SELECT DISTINCT ON (res_id, kind) res_id, kind, state, error_text
              FROM claims_exchange
             WHERE res_model = 'claims.payment' AND res_id = ANY(%s)
               AND backend_model = 'claims.policyport.backend' AND kind IN ('payment', 'void')
          ORDER BY res_id, kind, id DESC
        """, (ids,))
        return {
            (res_id, kind): {"state": state if state in ("pending", "done", "error") else False,
                             "error": error or False}
            for res_id, kind, state, error in self.env.cr.fetchall()
        }

    # ------------------------------------------------------------------ CRUD

    @api.model_create_multi
    def create(self, vals_list):
        self._check_no_tiva_fields(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._check_no_tiva_fields([vals])
        return super().write(vals)

    def _check_no_tiva_fields(self, vals_list):
        """The connector writes the Tiva fields as superuser; nobody else writes them."""
        if not self.env.su and any(
                any(vals.get(name) for name in TIVA_FIELDS) for vals in vals_list):
            raise UserError(self.env._(
                "PolicyPort's payment id and the name it prints (Payable to) come from "
                "PolicyPort only."))

    # ------------------------------------------------------------------ actions

    def action_approve(self):
        financials = self.env["claims.policyport.financials"]
        financials._check_payments(self)
        result = super().action_approve()
        financials._queue_payments(self)
        return result

    def action_void(self):
        result = super().action_void()
        self.env["claims.policyport.financials"]._queue_voids(
            self, self.env._("Voided by %s", self.env.user.name))
        return result
