# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_amount

ACTIVITY_TYPE = "claims_authority.mail_activity_type_authority_approval"
# Written by the request and approve transitions only.
AUTHORITY_FIELDS = {
    "authority_approver_id", "authority_limit_requested", "authority_limit_approved",
    "is_above_authority",
}


class ClaimsPayment(models.Model):
    """Payments under authority limits (see ``claims.authority.limit``).

    Where authority control is on for the payment's company:

    - *Request*: a payment (indemnity or expense) above the requester's payment limit is sent
      to the claims manager whose limit covers it with the lowest such limit (an "Authority
      approval" activity and a note on the chatter); refused when nobody's limit covers it.
    - *Approve*: refused to the user who requested the payment, and refused when the amount is
      above the approver's payment limit (the message says the limit). The approver's limit at
      that moment is kept: the form shows who asked, who approved and at what limit.

    Recoveries are money coming in: no limit applies to them, the four-eyes rule does.
    The checks run in ``_transition``, after claims_base's own rules, so they hold on every
    route (buttons, JSON-2, JSON-RPC); code running as superuser is not bound.
    """

    _inherit = "claims.payment"

    authority_approver_id = fields.Many2one(
        "res.users", string="Approval asked of", readonly=True, copy=False,
        help="The claims manager asked to approve a payment above the requester's limit.",
    )
    authority_limit_requested = fields.Monetary(
        string="Requester's limit", readonly=True, copy=False,
        help="The requester's payment limit when the payment was requested.",
    )
    authority_limit_approved = fields.Monetary(
        string="Approved at limit", readonly=True, copy=False,
        help="The approver's payment limit when the payment was approved.",
    )
    is_above_authority = fields.Boolean(
        string="Above requester's limit", readonly=True, copy=False,
    )
    is_authority_enforced = fields.Boolean(compute="_compute_is_authority_enforced")

    @api.depends("company_id")
    def _compute_is_authority_enforced(self):
        Limit = self.env["claims.authority.limit"]
        enforced = {company: Limit._is_enforced(company) for company in self.company_id}
        for payment in self:
            payment.is_authority_enforced = enforced.get(payment.company_id, False)

    # ------------------------------------------------------------------ CRUD

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(AUTHORITY_FIELDS & set(vals) for vals in vals_list):
            raise UserError(self.env._(
                "Who approves a payment and at what limit is written by Request and Approve "
                "only."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and AUTHORITY_FIELDS & set(vals):
            raise UserError(self.env._(
                "Who approves a payment and at what limit is written by Request and Approve "
                "only."))
        return super().write(vals)

    # ------------------------------------------------------------------ transitions

    def _transition(self, state, **values):
        if state == "requested" and not self.env.su:
            routes = self._authority_routes()
            result = super()._transition(state, **values)
            self._authority_ask_approvers(routes)
            return result
        if state == "approved" and not self.env.su:
            limits = self._authority_check_approval()
            result = super()._transition(state, **values)
            self._authority_record_approval(limits)
            return result
        if state == "draft":
            self._authority_activities().sudo().unlink()
            values.update(authority_approver_id=False, authority_limit_requested=0.0,
                          is_above_authority=False)
        return super()._transition(state, **values)

    # ------------------------------------------------------------------ authority

    def _authority_amount_bound(self):
        """Whether the payment's amount is bound by payment limits (money going out)."""
        self.ensure_one()
        return not self.is_recovery

    def _authority_routes(self):
        """{payment: (requester's limit, approver or None, approver's limit)} of the payments
        under authority control; raises when a payment above the requester's limit has nobody
        to approve it."""
        Limit = self.env["claims.authority.limit"]
        user = self.env.user
        routes = {}
        for payment in self:
            company = payment.company_id
            if not Limit._is_enforced(company):
                continue
            coverage_type = payment.coverage_id.coverage_type_id
            own = Limit._get_limit(user, company, coverage_type, "payment")
            if not payment._authority_amount_bound() or payment.currency_id.compare_amounts(
                    payment.amount, own) <= 0:
                routes[payment] = (own, None, 0.0)
                continue
            approver, limit = Limit._find_approver(
                company, coverage_type, "payment", payment.amount, exclude=user)
            if not approver:
                raise UserError(self.env._(
                    "Payment %(payment)s of %(amount)s is above your payment limit of "
                    "%(limit)s on %(coverage)s, and no claims manager of %(company)s has a "
                    "limit that covers it: ask a claims manager to raise an authority limit.",
                    payment=payment.name,
                    amount=format_amount(self.env, payment.amount, payment.currency_id),
                    limit=format_amount(self.env, own, payment.currency_id),
                    coverage=coverage_type.display_name, company=company.name))
            routes[payment] = (own, approver, limit)
        return routes

    def _authority_ask_approvers(self, routes):
        """Store the route of each requested payment; ask each approver by an activity and
        tell the chatter."""
        for payment, (own, approver, limit) in routes.items():
            payment.sudo().write({
                "authority_limit_requested": own,
                "authority_approver_id": approver.id if approver else False,
                "is_above_authority": bool(approver),
            })
            if not approver:
                continue
            amount = format_amount(self.env, payment.amount, payment.currency_id)
            text = self.env._(
                "Payment of %(amount)s is above the payment limit of %(requester)s "
                "(%(own)s) on %(coverage)s: approval asked of %(approver)s, whose limit is "
                "%(limit)s.",
                amount=amount, requester=self.env.user.name,
                own=format_amount(self.env, own, payment.currency_id),
                coverage=payment.coverage_id.display_name, approver=approver.name,
                limit=format_amount(self.env, limit, payment.currency_id))
            payment.activity_schedule(
                ACTIVITY_TYPE, user_id=approver.id,
                summary=self.env._("Approve payment of %s", amount), note=text)
            payment.message_post(body=Markup("<p>%s</p>") % text, subtype_xmlid="mail.mt_note")

    def _authority_check_approval(self):
        """Refuse the approval to the requester, and above the approver's payment limit.

        :returns: {payment: the approver's limit} of the payments under authority control
        """
        Limit = self.env["claims.authority.limit"]
        user = self.env.user
        limits = {}
        for payment in self:
            company = payment.company_id
            if not Limit._is_enforced(company):
                continue
            if payment.requested_by_id == user:
                raise AccessError(self.env._(
                    "You requested payment %(payment)s: someone else approves it, whatever "
                    "your limit.", payment=payment.name))
            coverage_type = payment.coverage_id.coverage_type_id
            limit = Limit._get_limit(user, company, coverage_type, "payment")
            if payment._authority_amount_bound() and payment.currency_id.compare_amounts(
                    payment.amount, limit) > 0:
                raise AccessError(self.env._(
                    "Payment %(payment)s of %(amount)s is above your payment limit of "
                    "%(limit)s on %(coverage)s: someone whose limit covers it approves it.",
                    payment=payment.name,
                    amount=format_amount(self.env, payment.amount, payment.currency_id),
                    limit=format_amount(self.env, limit, payment.currency_id),
                    coverage=coverage_type.display_name))
            limits[payment] = limit
        return limits

    def _authority_record_approval(self, limits):
        """Keep the approver's limit; close the approval activity; tell the chatter."""
        for payment, limit in limits.items():
            payment.sudo().authority_limit_approved = limit
            text = self.env._(
                "Approved by %(user)s, whose payment limit on %(coverage)s is %(limit)s.",
                user=self.env.user.name, coverage=payment.coverage_id.display_name,
                limit=format_amount(self.env, limit, payment.currency_id))
            activities = payment._authority_activities()
            if activities:
                activities.sudo().action_feedback(feedback=text)
            else:
                payment.message_post(body=Markup("<p>%s</p>") % text,
                                     subtype_xmlid="mail.mt_note")

    def _authority_activities(self):
        activity_type = self.env.ref(ACTIVITY_TYPE, raise_if_not_found=False)
        return self.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
