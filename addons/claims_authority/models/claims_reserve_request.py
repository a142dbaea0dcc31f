# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_amount

from .claims_payment import ACTIVITY_TYPE

REQUEST_STATES = [
    ("pending", "To approve"),
    ("approved", "Approved"),
    ("refused", "Refused"),
    ("cancelled", "Cancelled"),
]
# Written by create (from the requester and the limits) and by the actions only.
PROTECTED_FIELDS = {
    "state", "requested_by_id", "date_requested", "limit_requested", "approver_id",
    "approved_by_id", "date_approved", "authority_limit", "reserve_line_id",
}
# The request itself: what the approver decides on.
FROZEN_FIELDS = {"coverage_id", "amount_change", "reason"}


class ClaimsReserveRequest(models.Model):
    """A reserve change above its requester's limit, waiting for someone whose limit covers it.

    Created by "Add reserve" when the change is above the user's reserve limit (or directly,
    over the API): it is sent at once to the user whose reserve limit covers it with the lowest
    such limit (an "Authority approval" activity), and a note goes on the claim's chatter.
    *Approve* posts the reserve line (by the approver, asked by the requester, at the
    approver's limit); *Refuse* ends it; the requester or a claims manager *Cancel* it.
    Approving or refusing one's own request is refused, and so is approving above one's own
    limit. What it asks for cannot change: cancel it and ask again.

    Access rights:

    ============== ===================== =========================
    group          requests              scope
    ============== ===================== =========================
    claims user    read, create          allowed companies
    claims manager read, create, delete  allowed companies
                   (pending ones)
    ============== ===================== =========================
    """

    _name = "claims.reserve.request"
    _description = "Reserve change request"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _check_company_auto = True

    coverage_id = fields.Many2one(
        "claims.claim.coverage", required=True, ondelete="cascade", index=True,
        check_company=True,
    )
    claim_id = fields.Many2one(related="coverage_id.claim_id", store=True, index=True,
                               precompute=True)
    company_id = fields.Many2one(related="coverage_id.company_id", store=True, index=True,
                                 precompute=True)
    currency_id = fields.Many2one(related="coverage_id.currency_id")
    amount_change = fields.Monetary(string="Change", required=True)
    amount_reserve = fields.Monetary(related="coverage_id.amount_reserve",
                                     string="Current reserve")
    reason = fields.Char(required=True)
    state = fields.Selection(REQUEST_STATES, default="pending", required=True, readonly=True,
                             tracking=True, index=True, copy=False)
    requested_by_id = fields.Many2one("res.users", string="Asked by", readonly=True)
    date_requested = fields.Datetime(readonly=True)
    limit_requested = fields.Monetary(
        string="Requester's limit", readonly=True,
        help="The requester's reserve limit when the change was asked.")
    approver_id = fields.Many2one(
        "res.users", string="Approval asked of", readonly=True, tracking=True,
        help="The user whose reserve limit covers the change, with the lowest such limit.")
    approved_by_id = fields.Many2one(
        "res.users", string="Decided by", readonly=True, tracking=True)
    date_approved = fields.Datetime(string="Decided on", readonly=True)
    authority_limit = fields.Monetary(
        string="At limit", readonly=True,
        help="The approver's reserve limit when the change was approved.")
    reserve_line_id = fields.Many2one("claims.reserve.line", string="Reserve line",
                                      readonly=True)
    amount_total_posted = fields.Monetary(
        related="reserve_line_id.amount_total", string="Reserve once posted")

    # ------------------------------------------------------------------ constraints

    @api.constrains("amount_change")
    def _check_amount_change(self):
        """A reserve change is not zero."""
        if any(not r.currency_id.compare_amounts(r.amount_change, 0) for r in self):
            raise ValidationError(self.env._("A reserve change cannot be zero."))

    # ------------------------------------------------------------------ computes

    @api.depends("claim_id.name", "coverage_id", "amount_change")
    def _compute_display_name(self):
        for request in self:
            change = format_amount(self.env, request.amount_change, request.currency_id) if (
                request.currency_id) else ""
            request.display_name = (f"{request.claim_id.name or ''} / "
                                    f"{request.coverage_id.display_name or ''} {change}")

    # ------------------------------------------------------------------ CRUD

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(PROTECTED_FIELDS & set(vals) for vals in vals_list):
            raise UserError(self.env._(
                "A reserve request starts as asked by you; its state changes through its "
                "buttons."))
        user = self.env.user
        vals_list = [dict(vals, requested_by_id=vals.get("requested_by_id") or user.id,
                          date_requested=fields.Datetime.now()) for vals in vals_list]
        requests = super().create(vals_list)
        requests._ask_approvers()
        return requests

    def write(self, vals):
        if not self.env.su:
            if PROTECTED_FIELDS & set(vals):
                raise UserError(self.env._(
                    "A reserve request changes through its buttons (approve, refuse, cancel) "
                    "only."))
            if FROZEN_FIELDS & set(vals):
                raise UserError(self.env._(
                    "A reserve request cannot be changed: cancel it and ask again."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_decided(self):
        if any(request.state != "pending" for request in self):
            raise UserError(self.env._(
                "A decided reserve request is kept as the record of who asked and who "
                "decided."))

    # ------------------------------------------------------------------ actions

    def action_approve(self):
        """Post the reserve change, asked by the requester, approved at the user's limit."""
        self._check_pending()
        limits = self._check_decider(approve=True)
        Line = self.env["claims.reserve.line"]
        Line.check_access("create")
        for request in self:
            limit = limits.get(request, 0.0)
            # as superuser, past the ledger's own check: the approver's limit was checked
            # above; the line is posted by the approver (who and when are the ledger's)
            line = Line.sudo().create({
                "coverage_id": request.coverage_id.id,
                "amount_change": request.amount_change,
                "reason": request.reason,
                "authority_requested_by_id": request.requested_by_id.id,
                "authority_approved_by_id": self.env.user.id,
                "authority_limit": limit,
                "reserve_request_id": request.id,
            })
            request.sudo().write({
                "state": "approved", "approved_by_id": self.env.user.id,
                "date_approved": fields.Datetime.now(), "authority_limit": limit,
                "reserve_line_id": line.id,
            })
            request._close(self.env._(
                "Reserve change of %(change)s on %(coverage)s approved by %(user)s, whose "
                "reserve limit is %(limit)s.",
                change=format_amount(self.env, request.amount_change, request.currency_id),
                coverage=request.coverage_id.display_name, user=self.env.user.name,
                limit=format_amount(self.env, limit, request.currency_id)))
        return True

    def action_refuse(self):
        self._check_pending()
        self._check_decider(approve=False)
        for request in self:
            request.sudo().write({"state": "refused", "approved_by_id": self.env.user.id,
                                  "date_approved": fields.Datetime.now()})
            request._close(self.env._(
                "Reserve change of %(change)s on %(coverage)s refused by %(user)s.",
                change=format_amount(self.env, request.amount_change, request.currency_id),
                coverage=request.coverage_id.display_name, user=self.env.user.name))
        return True

    def action_cancel(self):
        """The requester (or a claims manager) withdraws the request."""
        self._check_pending()
        self.check_access("write")
        manager = self.env.user.has_group("claims_base.group_claims_manager")
        for request in self:
            if not (self.env.su or manager or request.requested_by_id == self.env.user):
                raise AccessError(self.env._(
                    "Only %(user)s, who asked, or a claims manager cancels this request.",
                    user=request.requested_by_id.name))
            request.sudo().state = "cancelled"
            request._close(self.env._("Reserve request cancelled by %s.", self.env.user.name),
                           done=False)
        return True

    # ------------------------------------------------------------------ helpers

    def _check_pending(self):
        for request in self:
            if request.state != "pending":
                raise UserError(self.env._(
                    "Reserve request %s has been decided already.", request.display_name))

    def _check_decider(self, approve):
        """Refuse the requester, and a user whose reserve limit does not cover the change.

        :returns: {request: the user's reserve limit}
        """
        self.check_access("write")
        Limit = self.env["claims.authority.limit"]
        user = self.env.user
        limits = {}
        for request in self:
            coverage = request.coverage_id
            limit = Limit._get_limit(user, request.company_id, coverage.coverage_type_id,
                                     "reserve")
            limits[request] = limit
            if self.env.su:
                continue
            if request.requested_by_id == user:
                raise AccessError(self.env._(
                    "You asked for this reserve change: someone else decides on it, whatever "
                    "your limit."))
            if request.currency_id.compare_amounts(abs(request.amount_change), limit) > 0:
                message = self.env._(
                    "A reserve change of %(change)s on %(coverage)s is above your reserve "
                    "limit of %(limit)s: someone whose limit covers it %(decides)s it.",
                    change=format_amount(self.env, request.amount_change, request.currency_id),
                    coverage=coverage.display_name,
                    limit=format_amount(self.env, limit, request.currency_id),
                    decides=self.env._("approves") if approve else self.env._("refuses"))
                raise AccessError(message)
        return limits

    def _ask_approvers(self):
        """Ask the approver of each new request by an activity; note it on the claim."""
        Limit = self.env["claims.authority.limit"]
        for request in self:
            coverage = request.coverage_id
            requester = request.requested_by_id
            amount = abs(request.amount_change)
            own = Limit._get_limit(requester, request.company_id, coverage.coverage_type_id,
                                   "reserve")
            approver, limit = Limit._find_approver(
                request.company_id, coverage.coverage_type_id, "reserve", amount,
                exclude=requester)
            if not approver:
                raise UserError(self.env._(
                    "No user of %(company)s has a reserve limit that covers a change of "
                    "%(change)s on %(coverage)s: ask a claims manager to raise an authority "
                    "limit.", company=request.company_id.name, coverage=coverage.display_name,
                    change=format_amount(self.env, request.amount_change, request.currency_id)))
            request.sudo().write({"approver_id": approver.id, "limit_requested": own})
            change = format_amount(self.env, request.amount_change, request.currency_id)
            text = self.env._(
                "Reserve change of %(change)s on %(coverage)s (%(reason)s) asked by "
                "%(requester)s, above their reserve limit of %(own)s: approval asked of "
                "%(approver)s, whose limit is %(limit)s.",
                change=change, coverage=coverage.display_name, reason=request.reason,
                requester=requester.name,
                own=format_amount(self.env, own, request.currency_id), approver=approver.name,
                limit=format_amount(self.env, limit, request.currency_id))
            request.activity_schedule(
                ACTIVITY_TYPE, user_id=approver.id,
                summary=self.env._("Approve reserve change of %s", change), note=text)
            request.message_post(body=Markup("<p>%s</p>") % text, subtype_xmlid="mail.mt_note")
            request.claim_id.message_post(body=Markup("<p>%s</p>") % text,
                                          subtype_xmlid="mail.mt_note")

    def _close(self, text, done=True):
        """Close the approval activity (done, or removed) and tell both chatters."""
        self.ensure_one()
        activity_type = self.env.ref(ACTIVITY_TYPE, raise_if_not_found=False)
        activities = self.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
        if activities and done:
            activities.sudo().action_feedback(feedback=text)
        else:
            activities.sudo().unlink()
            self.message_post(body=Markup("<p>%s</p>") % text, subtype_xmlid="mail.mt_note")
        self.claim_id.message_post(body=Markup("<p>%s</p>") % text,
                                   subtype_xmlid="mail.mt_note")
