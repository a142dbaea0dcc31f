# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_amount

_logger = logging.getLogger(__name__)

STAGES = [
    ("identified", "Identified"),
    ("demanded", "Demanded"),
    ("agreed", "Agreed"),
    ("received", "Received"),
    ("written_off", "Written off"),
]
OPEN_STAGES = ("identified", "demanded", "agreed")
CLOSED_STAGES = ("received", "written_off")
KINDS = [
    ("subrogation", "Subrogation"),
    ("salvage", "Salvage"),
    ("deductible", "Deductible"),
]
# The payment type (claims_base) of the payments that bring each kind of recovery in.
PAYMENT_TYPE_OF_KIND = {
    "subrogation": "subrogation",
    "salvage": "salvage",
    "deductible": "deductible_recovered",
}
IN_PROGRESS_PAYMENT_STATES = ("requested", "approved", "sent")
# Only the stage actions (and the reminder cron) write these, as superuser.
PROTECTED_FIELDS = {
    "stage", "amount_written_off", "write_off_reason", "date_demanded", "date_agreed",
    "date_closed", "date_limitation_reminded", "amount_recovered", "amount_in_progress",
    "amount_outstanding", "is_fully_recovered",
}
# What a closed recovery keeps as it was.
FROZEN_FIELDS = {"claim_id", "coverage_id", "kind", "partner_id", "amount_expected"}
REMINDER_DAYS_PARAM = "claims_recovery.limitation_reminder_days"
DEFAULT_REMINDER_DAYS = 60
# The "limitation soon" window of the lists and cards.
SOON_DAYS = 90


class ClaimsRecovery(models.Model):
    """Money we expect back on a claim coverage (subrogation, salvage, deductible), pursued
    from identified to received or written off.

    expected = the recovery reserve set by the handler; recovered = its paid recovery
    payments; outstanding = expected - recovered while open, nothing once closed.

    =============  =======================  ==========================================
    who            sees                     may
    =============  =======================  ==========================================
    claims user    recoveries of allowed    create, edit while open, move the stage
                   companies                (rules in Python), write off with a reason
    claims manager same                     also delete an identified recovery
    portal         nothing                  nothing
    =============  =======================  ==========================================
    """

    _name = "claims.recovery"
    _description = "Claim recovery"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_limitation asc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    # no check_company: the recovery's company is its claim's
    claim_id = fields.Many2one(
        "claims.claim", required=True, ondelete="restrict", index=True, tracking=True,
    )
    company_id = fields.Many2one(related="claim_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="claim_id.currency_id")
    coverage_id = fields.Many2one(
        "claims.claim.coverage", required=True, ondelete="restrict", index=True,
        domain="[('claim_id', '=', claim_id)]", tracking=True,
    )
    user_id = fields.Many2one(related="claim_id.user_id", string="Handler")
    kind = fields.Selection(KINDS, required=True, default="subrogation", tracking=True)
    partner_id = fields.Many2one(
        "res.partner", string="Recover from", required=True, check_company=True, tracking=True,
    )
    stage = fields.Selection(
        STAGES, default="identified", required=True, readonly=True, tracking=True, copy=False,
        index=True, group_expand=True,
    )
    date_limitation = fields.Date(
        string="Limitation date", tracking=True,
        help="The last day the recovery can be claimed (statute of limitations).",
    )
    date_demanded = fields.Date(string="Demanded on", readonly=True, copy=False)
    date_agreed = fields.Date(string="Agreed on", readonly=True, copy=False)
    date_closed = fields.Date(string="Closed on", readonly=True, copy=False)
    date_limitation_reminded = fields.Date(readonly=True, copy=False)
    note = fields.Text()
    # Money, in the claim's currency
    amount_expected = fields.Monetary(
        string="Expected", required=True, tracking=True,
        help="The recovery reserve: what we expect to get back.",
    )
    payment_ids = fields.One2many("claims.payment", "recovery_id", string="Payments")
    amount_recovered = fields.Monetary(
        string="Recovered", compute="_compute_amounts", store=True,
        help="The paid recovery payments of this recovery.",
    )
    amount_in_progress = fields.Monetary(
        string="In payment", compute="_compute_amounts", store=True,
        help="Its recovery payments requested, approved or sent, not yet paid.",
    )
    amount_outstanding = fields.Monetary(
        string="Outstanding", compute="_compute_amounts", store=True,
        help="Expected minus recovered while the recovery is open; nothing once closed.",
    )
    amount_written_off = fields.Monetary(string="Written off", readonly=True, copy=False,
                                         tracking=True)
    write_off_reason = fields.Text(readonly=True, copy=False, tracking=True)
    limitation_status = fields.Selection(
        [("soon", "Limitation soon"), ("overdue", "Limitation passed")],
        compute="_compute_limitation_status",
    )
    is_fully_recovered = fields.Boolean(compute="_compute_amounts", store=True)

    # ------------------------------------------------------------------ constraints

    @api.constrains("amount_expected")
    def _check_amount_expected_positive(self):
        """The expected amount is above zero."""
        for recovery in self:
            if recovery.currency_id.compare_amounts(recovery.amount_expected, 0) <= 0:
                raise ValidationError(self.env._(
                    "The expected amount of a recovery must be above zero."))

    @api.constrains("coverage_id", "claim_id", "kind")
    def _check_coverage_and_payments(self):
        """The coverage is one of the claim's; linked payments follow claim, coverage and kind."""
        for recovery in self:
            if recovery.coverage_id.claim_id != recovery.claim_id:
                raise ValidationError(self.env._(
                    "The coverage must be one of the claim's coverages."))
            recovery.payment_ids._check_recovery_matches()

    # ------------------------------------------------------------------ computes

    @api.depends("claim_id.name", "kind", "partner_id.name")
    def _compute_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for recovery in self:
            recovery.name = " / ".join(filter(None, [
                recovery.claim_id.name, kinds.get(recovery.kind), recovery.partner_id.name]))

    @api.depends("amount_expected", "stage", "payment_ids.state", "payment_ids.amount")
    def _compute_amounts(self):
        for recovery in self:
            payments = recovery.sudo().payment_ids
            recovered = sum(payments.filtered(lambda p: p.state == "paid").mapped("amount"))
            recovery.amount_recovered = recovered
            recovery.amount_in_progress = sum(payments.filtered(
                lambda p: p.state in IN_PROGRESS_PAYMENT_STATES).mapped("amount"))
            left = recovery.amount_expected - recovered
            # a new recovery has no claim yet, hence no currency
            currency = recovery.currency_id or self.env.company.currency_id
            recovery.is_fully_recovered = bool(recovery.amount_expected) and (
                currency.compare_amounts(left, 0) <= 0)
            recovery.amount_outstanding = (
                0.0 if recovery.stage in CLOSED_STAGES or recovery.is_fully_recovered else left
            )

    @api.depends("date_limitation", "stage")
    @api.depends_context("tz")
    def _compute_limitation_status(self):
        today = fields.Date.context_today(self)
        for recovery in self:
            status = False
            if recovery.stage in OPEN_STAGES and recovery.date_limitation:
                if recovery.date_limitation < today:
                    status = "overdue"
                elif recovery.date_limitation <= today + timedelta(days=SOON_DAYS):
                    status = "soon"
            recovery.limitation_status = status

    # ------------------------------------------------------------------ CRUD

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(
                vals.get("stage", "identified") != "identified"
                or any(vals.get(name) for name in PROTECTED_FIELDS - {"stage"})
                for vals in vals_list):
            raise UserError(self.env._(
                "A recovery starts as identified; its stage and amounts change through its "
                "buttons."))
        return super().create(vals_list)

    def write(self, vals):
        # Only _transition (after the rules of its action) and the cron write as superuser.
        if not self.env.su:
            if PROTECTED_FIELDS & set(vals):
                raise UserError(self.env._(
                    "A recovery's stage, recovered and written-off amounts change through its "
                    "buttons (demand, agree, mark received, write off) only."))
            if FROZEN_FIELDS & set(vals) and any(r.stage in CLOSED_STAGES for r in self):
                raise UserError(self.env._(
                    "A received or written-off recovery is no longer changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_pursued(self):
        if any(recovery.stage != "identified" or recovery.payment_ids for recovery in self):
            raise UserError(self.env._(
                "Only an identified recovery without payments can be deleted; write off the "
                "others with a reason."))

    # ------------------------------------------------------------------ actions

    def action_demand(self):
        """The recovery was claimed from the other party."""
        self._check_stage("identified")
        self._transition("demanded", date_demanded=fields.Date.context_today(self))
        return True

    def action_agree(self):
        """The other party agreed to pay."""
        self._check_stage("identified", "demanded")
        self._transition("agreed", date_agreed=fields.Date.context_today(self))
        return True

    def action_receive(self, reason=None):
        """Close as received: when the recovered amount covers the expected one, or with a
        reason, which writes the rest off (a partial recovery the user confirmed)."""
        self._check_stage(*OPEN_STAGES)
        self._check_no_payment_in_progress()
        reason = (reason or "").strip()
        for recovery in self:
            if recovery.is_fully_recovered:
                recovery._transition("received", date_closed=fields.Date.context_today(self))
                continue
            if recovery.currency_id.is_zero(recovery.amount_recovered):
                raise UserError(self.env._(
                    "Nothing has been recovered on %(recovery)s yet: write it off instead.",
                    recovery=recovery.name))
            if not reason:
                raise UserError(self.env._(
                    "%(recovered)s of the expected %(expected)s has been recovered on "
                    "%(recovery)s: confirm a partial receipt with the reason the rest is "
                    "written off.",
                    recovered=recovery._format(recovery.amount_recovered),
                    expected=recovery._format(recovery.amount_expected),
                    recovery=recovery.name))
            recovery._transition(
                "received", date_closed=fields.Date.context_today(self),
                amount_written_off=recovery.amount_expected - recovery.amount_recovered,
                write_off_reason=reason)
        return True

    def action_write_off(self, reason):
        """Give up what is left to recover, for a reason."""
        self._check_stage(*OPEN_STAGES)
        reason = (reason or "").strip() if isinstance(reason, str) else ""
        if not reason:
            raise UserError(self.env._("Writing off a recovery needs a reason."))
        self._check_no_payment_in_progress()
        for recovery in self:
            recovery._transition(
                "written_off", date_closed=fields.Date.context_today(self),
                amount_written_off=max(recovery.amount_expected - recovery.amount_recovered, 0),
                write_off_reason=reason)
        return True

    def action_open_partial_wizard(self):
        """The form confirming a partial receipt, which asks why the rest is written off."""
        return self._open_close_wizard("partial")

    def action_open_write_off_wizard(self):
        """The write-off form, which asks for the reason."""
        return self._open_close_wizard("write_off")

    def action_record_payment(self):
        """A draft recovery payment of what is outstanding, linked to this recovery."""
        self.ensure_one()
        self._check_stage(*OPEN_STAGES)
        amount = self.amount_outstanding - self.amount_in_progress
        if self.currency_id.compare_amounts(amount, 0) <= 0:
            raise UserError(self.env._(
                "Nothing is left to receive on %(recovery)s: its payments cover the expected "
                "amount.", recovery=self.name))
        payment = self.env["claims.payment"].create(self._prepare_payment_values(amount))
        return {
            "type": "ir.actions.act_window",
            "res_model": "claims.payment",
            "res_id": payment.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    # ------------------------------------------------------------------ business

    def _prepare_payment_values(self, amount):
        self.ensure_one()
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        return {
            "claim_id": self.claim_id.id,
            "coverage_id": self.coverage_id.id,
            "recovery_id": self.id,
            "partner_id": self.partner_id.id,
            "amount": amount,
            "payment_type": PAYMENT_TYPE_OF_KIND[self.kind],
            "remarks": self.env._(
                "%(kind)s from %(partner)s (%(count)s)", kind=kinds[self.kind],
                partner=self.partner_id.name, count=len(self.payment_ids) + 1),
        }

    @api.model
    def _cron_limitation_reminders(self):
        """One activity for the claim handler a set number of days before each limitation
        date; a recovery is reminded once per limitation date, whatever the cron's runs."""
        days = self.env["ir.config_parameter"].sudo().get_param(
            REMINDER_DAYS_PARAM, DEFAULT_REMINDER_DAYS)
        try:
            days = max(int(days), 0)
        except ValueError:
            days = DEFAULT_REMINDER_DAYS
        today = fields.Date.context_today(self)
        recoveries = self.sudo().search([
            ("stage", "in", OPEN_STAGES),
            ("date_limitation", "!=", False),
            ("date_limitation", "<=", today + timedelta(days=days)),
        ]).filtered(lambda r: r.date_limitation_reminded != r.date_limitation)
        for recovery in recoveries:
            try:
                with self.env.cr.savepoint():
                    recovery._schedule_limitation_activity()
            except Exception:
                _logger.exception("Limitation reminder of recovery %s failed", recovery.id)

    # ------------------------------------------------------------------ helpers

    def _open_close_wizard(self, mode):
        self.ensure_one()
        self._check_stage(*OPEN_STAGES)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "claims_recovery.claims_recovery_close_wizard_action")
        action["context"] = {"default_recovery_id": self.id, "default_mode": mode}
        return action

    def _schedule_limitation_activity(self):
        self.ensure_one()
        user = self.claim_id.user_id or self.create_uid
        if not user.active or user.share:
            user = self.env.ref("base.user_admin", raise_if_not_found=False) or self.env.user
        self.activity_schedule(
            "claims_recovery.mail_activity_type_limitation",
            date_deadline=self.date_limitation,
            summary=self.env._("Limitation date of %(recovery)s", recovery=self.name),
            note=self.env._(
                "The recovery can be claimed until %(date)s; %(amount)s is still outstanding.",
                date=self.date_limitation, amount=self._format(self.amount_outstanding)),
            user_id=user.id,
        )
        self.sudo().write({"date_limitation_reminded": self.date_limitation})

    def _check_stage(self, *allowed):
        labels = dict(self._fields["stage"]._description_selection(self.env))
        for recovery in self:
            if recovery.stage not in allowed:
                raise UserError(self.env._(
                    "Recovery %(recovery)s is %(stage)s; this needs a recovery that is "
                    "%(allowed)s.",
                    recovery=recovery.name, stage=labels[recovery.stage],
                    allowed=self.env._(" or ").join(labels[s] for s in allowed)))

    def _check_no_payment_in_progress(self):
        for recovery in self:
            if recovery.currency_id.compare_amounts(recovery.amount_in_progress, 0) > 0:
                raise UserError(self.env._(
                    "A payment of %(amount)s on %(recovery)s is still in progress: mark it "
                    "paid or void it first.",
                    amount=recovery._format(recovery.amount_in_progress),
                    recovery=recovery.name))

    def _transition(self, stage, **values):
        """Write a stage change its action has checked: the user's write right is checked,
        the write is done as superuser, the only way past the guard of ``write``."""
        self.check_access("write")
        self.sudo().write(dict(values, stage=stage))

    def _format(self, amount):
        return format_amount(self.env, amount, self.currency_id)
