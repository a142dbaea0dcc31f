# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_amount

from .claims_claim_coverage import RECOVERY_TYPES

PAYMENT_STATES = [
    ("draft", "Draft"),
    ("requested", "Requested"),
    ("approved", "Approved"),
    ("sent", "Sent"),
    ("paid", "Paid"),
    ("voided", "Voided"),
    ("stopped", "Stopped"),
]
PAYMENT_TYPES = [
    ("indemnity", "Indemnity"),
    ("expense", "Expense"),
    ("subrogation", "Recovery: subrogation"),
    ("salvage", "Recovery: salvage"),
    ("deductible_recovered", "Recovery: deductible recovered"),
]
# Fields that only the transitions below may write.
PROTECTED_FIELDS = {
    "state", "requested_by_id", "approved_by_id", "date_requested", "date_approved",
    "date_voided", "date_paid",
}
# Fields frozen once the payment left draft.
FROZEN_FIELDS = {
    "claim_id", "coverage_id", "partner_id", "additional_payee_ids", "amount", "payment_type",
    "method", "remarks",
}


class ClaimsPayment(models.Model):
    """A payment on a claim coverage: draft -> requested -> approved -> sent -> paid.

    Voided and stopped end it; both need the group "Void payment transactions". Every transition
    checks its rule in Python, so the rules hold through any API.
    """

    _name = "claims.payment"
    _description = "Claim payment"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "claims.field.history.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    claim_id = fields.Many2one(
        "claims.claim", required=True, ondelete="restrict", index=True, check_company=True,
        tracking=True,
    )
    company_id = fields.Many2one(related="claim_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="claim_id.currency_id")
    coverage_id = fields.Many2one(
        "claims.claim.coverage", required=True, ondelete="restrict", index=True,
        domain="[('claim_id', '=', claim_id)]", tracking=True,
    )
    partner_id = fields.Many2one("res.partner", string="Payable to", required=True, tracking=True)
    additional_payee_ids = fields.Many2many("res.partner", string="Additional payees")
    amount = fields.Monetary(required=True, tracking=True)
    payment_type = fields.Selection(
        PAYMENT_TYPES, string="Type", required=True, default="indemnity", tracking=True
    )
    is_recovery = fields.Boolean(compute="_compute_is_recovery", store=True)
    method = fields.Selection(
        [("system_check", "System check"), ("manual_check", "Manual check")],
        required=True, default="system_check", tracking=True,
    )
    remarks = fields.Char(tracking=True)
    state = fields.Selection(
        PAYMENT_STATES, default="draft", required=True, readonly=True, tracking=True, copy=False,
        index=True,
    )
    check_number = fields.Char(tracking=True, copy=False)
    date_check = fields.Date(string="Check date", tracking=True, copy=False)
    date_requested = fields.Datetime(readonly=True, copy=False)
    date_approved = fields.Datetime(readonly=True, copy=False)
    date_paid = fields.Date(readonly=True, copy=False)
    date_voided = fields.Date(string="Voided on", readonly=True, copy=False, tracking=True)
    requested_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)

    # ------------------------------------------------------------------ constraints

    @api.constrains("claim_id", "coverage_id", "amount", "remarks", "state")
    def _check_remarks_unique(self):
        """Remarks are unique per claim, coverage and amount among live payments."""
        for payment in self.filtered(lambda p: p.remarks and p.state not in ("voided",)):
            twin = self.search_count([
                ("id", "!=", payment.id),
                ("claim_id", "=", payment.claim_id.id),
                ("coverage_id", "=", payment.coverage_id.id),
                ("amount", "=", payment.amount),
                ("remarks", "=ilike", payment.remarks.strip()),
                ("state", "!=", "voided"),
            ], limit=1)
            if twin:
                raise ValidationError(self.env._(
                    "There is already a payment for this claim with the same amount and "
                    "remarks. Please enter unique Remarks."))

    @api.constrains("amount")
    def _check_amount_positive(self):
        """A payment's amount is above zero."""
        if any(payment.currency_id.compare_amounts(payment.amount, 0) <= 0 for payment in self):
            raise ValidationError(self.env._("A payment's amount must be above zero."))

    @api.constrains("coverage_id", "claim_id")
    def _check_coverage_of_claim(self):
        """The coverage belongs to the payment's claim."""
        if any(payment.coverage_id.claim_id != payment.claim_id for payment in self):
            raise ValidationError(self.env._("The coverage must be one of the claim's coverages."))

    # ------------------------------------------------------------------ computes

    @api.depends("claim_id.name", "partner_id", "amount")
    def _compute_name(self):
        for payment in self:
            payment.name = f"{payment.claim_id.name or ''} / {payment.partner_id.name or ''}"

    @api.depends("payment_type")
    def _compute_is_recovery(self):
        for payment in self:
            payment.is_recovery = payment.payment_type in RECOVERY_TYPES

    # ------------------------------------------------------------------ CRUD

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(
                vals.get("state", "draft") != "draft"
                or any(vals.get(name) for name in PROTECTED_FIELDS - {"state"})
                for vals in vals_list):
            raise UserError(self.env._(
                "A payment starts as a draft; its state changes through its buttons."))
        return super().create(vals_list)

    def write(self, vals):
        # Only _transition writes as superuser, after the rules of the action that called it.
        if not self.env.su:
            if PROTECTED_FIELDS & set(vals):
                raise UserError(self.env._(
                    "A payment's state changes through its buttons (request, approve, send, "
                    "pay, void, stop) only."))
            if FROZEN_FIELDS & set(vals) and any(p.state != "draft" for p in self):
                raise UserError(self.env._(
                    "Only a draft payment can be changed; void it and make a new one."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_draft(self):
        if any(payment.state != "draft" for payment in self):
            raise UserError(self.env._(
                "Only draft payments can be deleted; a paid payment is voided or stopped."))

    # ------------------------------------------------------------------ actions

    def action_request(self):
        self._check_state("draft")
        for payment in self:
            payment._check_within_outstanding()
        self._transition("requested", date_requested=fields.Datetime.now(),
                         requested_by_id=self.env.user.id)
        return True

    def action_approve(self):
        self._check_state("requested")
        if not self.env.user.has_group("claims_base.group_claims_manager"):
            raise AccessError(self.env._("Only a claims manager approves payments."))
        for payment in self:
            payment._check_within_outstanding()
        self._transition("approved", date_approved=fields.Datetime.now(),
                         approved_by_id=self.env.user.id)
        return True

    def action_reset_to_draft(self):
        self._check_state("requested")
        self._transition("draft", date_requested=False, requested_by_id=False)
        return True

    def action_send(self):
        """Mark as sent to the paying system; only approved payments are sent."""
        self._check_state("approved")
        self._transition("sent")
        return True

    def action_mark_paid(self, check_number=None, date_check=None):
        """Record the payment as paid; only approved or sent payments are paid."""
        self._check_state("approved", "sent")
        values = {"date_paid": fields.Date.context_today(self)}
        if check_number:
            values["check_number"] = check_number
        if date_check:
            values["date_check"] = date_check
        self._transition("paid", **values)
        return True

    def action_void(self):
        self._check_void_rights()
        self._check_state("approved", "sent", "paid")
        self._transition("voided", date_voided=fields.Date.context_today(self))
        return True

    def action_stop(self):
        self._check_void_rights()
        self._check_state("sent", "paid")
        self._transition("stopped", date_voided=fields.Date.context_today(self))
        return True

    # ------------------------------------------------------------------ helpers

    def _check_state(self, *allowed):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for payment in self:
            if payment.state not in allowed:
                raise UserError(self.env._(
                    "Payment %(payment)s is %(state)s; this needs a payment that is %(allowed)s.",
                    payment=payment.name, state=labels[payment.state],
                    allowed=self.env._(" or ").join(labels[s] for s in allowed)))

    def _check_void_rights(self):
        if not self.env.user.has_group("claims_base.group_claims_void_payment"):
            raise AccessError(self.env._(
                "Voiding or stopping a payment needs the group Void payment transactions."))

    def _check_within_outstanding(self):
        """A payment above the coverage's outstanding reserve needs a claims manager."""
        self.ensure_one()
        if self.is_recovery:
            return
        outstanding = self.coverage_id.amount_outstanding
        if self.currency_id.compare_amounts(self.amount, outstanding) > 0 and not (
                self.env.user.has_group("claims_base.group_claims_manager")):
            raise AccessError(self.env._(
                "Payment of %(amount)s is above the outstanding reserve of %(outstanding)s on "
                "%(coverage)s: only a claims manager may request or approve it.",
                amount=format_amount(self.env, self.amount, self.currency_id),
                outstanding=format_amount(self.env, outstanding, self.currency_id),
                coverage=self.coverage_id.display_name))

    def _transition(self, state, **values):
        """Write a state change that the calling action has checked.

        The user's write right on the payments is checked; the write is done as superuser,
        the only way past the guard of ``write`` (a context key would be the caller's to set).
        """
        self.check_access("write")
        self.sudo().write(dict(values, state=state))
        if state == "paid":
            self._notify_claim_paid()

    def _notify_claim_paid(self):
        """One "Payment paid" message on the claim per payment, for followers of that subtype."""
        for payment in self:
            payment.claim_id.sudo().message_post(
                body=self.env._(
                    "Payment of %(amount)s to %(payee)s paid (%(coverage)s).",
                    amount=format_amount(self.env, payment.amount, payment.currency_id),
                    payee=payment.partner_id.name,
                    coverage=payment.coverage_id.display_name,
                ),
                author_id=self.env.user.partner_id.id,
                message_type="notification",
                subtype_xmlid="claims_base.mt_claim_payment_paid",
            )
            self.env["claims.package"]._inform_of(
                payment.claim_id, "payment", payment, lambda paid: f"payment:{paid.id}")
