# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .. import mapping

SENT_STATES = [("pending", "Pending"), ("done", "Successful"), ("error", "Failed")]
VOID_STATES = [("no", "No"), *SENT_STATES]
# Written by the connector only: PolicyPort's id and the name it prints on the check.
TIVA_FIELDS = {"tiva_payment_id", "tiva_payable_to"}
# Written by the void and stop transitions only (the guide's "Authorized/Denied By").
VOID_FIELDS = {"voided_by_id"}


class ClaimsPayment(models.Model):
    """A payment on a PolicyPort claim: exported once approved, paid by PolicyPort's check.

    PolicyPort sends the check: on a PolicyPort claim, "Mark sent" and "Mark paid" are the
    connector's (``_policyport_mark_sent``, ``_policyport_mark_paid``), refused to everyone
    else; manual checks, recoveries and stop payments, never sent, keep them.
    "Sent to Tiva" and "Void sent to Tiva" read the latest payment and void exchanges.
    "Payable to" is the name PolicyPort prints for the payee's Tiva id: read-only here.
    Who voided or stopped a payment is kept beside the day (``voided_by_id``).
    """

    _inherit = "claims.payment"

    tiva_payment_id = fields.Char(
        string="Tiva payment id", readonly=True, copy=False, index="btree_not_null", tracking=True)
    tiva_payable_to = fields.Char(
        string="Payable to (PolicyPort)", readonly=True, copy=False,
        help="The name PolicyPort prints on the check: the one that belongs to the payee's "
        "Tiva id.",
        tracking=True,
    )
    voided_by_id = fields.Many2one(
        "res.users", string="Voided by", readonly=True, copy=False,
        help="Who voided or stopped the payment (PolicyPort's \"Authorized/Denied By\"); the "
        "backend's user for a void read from PolicyPort.",
        tracking=True,
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
        if self.env.su:
            return
        if any(any(vals.get(name) for name in TIVA_FIELDS) for vals in vals_list):
            raise UserError(self.env._(
                "PolicyPort's payment id and the name it prints (Payable to) come from "
                "PolicyPort only."))
        if any(VOID_FIELDS & set(vals) for vals in vals_list):
            raise UserError(self.env._("Who voided a payment is written by Void and Stop only."))

    # ------------------------------------------------------------------ actions

    def action_approve(self):
        financials = self.env["claims.policyport.financials"]
        financials._check_payments(self)
        result = super().action_approve()
        financials._queue_payments(self)
        return result

    def action_send(self):
        """Mark sent: refused on a payment PolicyPort sends (the connector marks it)."""
        self._check_manual_payments(self.env._("Mark sent"))
        return super().action_send()

    def action_mark_paid(self, check_number=None, date_check=None):
        """Mark paid: refused on a payment PolicyPort pays (its check comes back)."""
        self._check_manual_payments(self.env._("Mark paid"))
        return super().action_mark_paid(check_number, date_check)

    def action_void(self):
        result = super().action_void()
        self.env["claims.policyport.financials"]._queue_voids(
            self, self.env._("Voided by %s", self.env.user.name))
        return result

    # ------------------------------------------------------------------ connector

    def _policyport_mark_sent(self):
        """PolicyPort acknowledged the payment: sent (the connector's own transition, as
        superuser: no caller of the public method reaches it)."""
        return self.sudo().action_send()

    def _policyport_mark_paid(self, check_number, date_check):
        """PolicyPort printed the check: paid with its number and date."""
        return self.sudo().action_mark_paid(check_number, date_check)

    def _check_manual_payments(self, action):
        """Refuse a manual transition on payments PolicyPort sends and pays (the connector
        makes it as superuser)."""
        if self.env.su:
            return
        sent_by_policyport = self.filtered(lambda p: p.is_policyport and not p.tiva_never_sent)
        if sent_by_policyport:
            raise UserError(self.env._(
                "%(action)s is PolicyPort's on %(payments)s: PolicyPort sends the check, and "
                "the payment becomes sent and paid when it says so. Manual checks, recoveries "
                "and stop payments keep their buttons.",
                action=action, payments=", ".join(sent_by_policyport.mapped("display_name"))))

    def _transition(self, state, **values):
        if state in ("voided", "stopped"):
            values.setdefault("voided_by_id", self.env.user.id)
        return super()._transition(state, **values)
