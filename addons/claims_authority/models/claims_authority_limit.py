# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError

MANAGER_GROUP = "claims_base.group_claims_manager"
# The group of the users connector backends act as (claims_connector, when installed).
INTEGRATION_GROUP = "claims_connector.group_claims_integration"


class ClaimsAuthorityLimit(models.Model):
    """How large a reserve change and a payment one handler may approve alone, in a company.

    A line holds for one user or for every member of one group (exactly one of the two), in its
    company and the company's branches, for one coverage type or, without one, for all types.

    Resolution, for a user, a claim's company and a coverage type:

    - the lines that apply are the user's own lines and the lines of the user's groups (implied
      groups included), in the company or one of its parent companies;
    - for each holder (the user, each of their groups), a line naming the coverage type
      replaces that holder's general lines for that type (both amounts);
    - the user's limit is the highest among their holders' amounts; no line means no
      authority (0). Precedence per holder keeps a manager's general limit when the group
      of handlers, which managers are members of, has a lower line for one coverage type.

    Authority control is on in a company as soon as a line exists for it (or for a parent
    company); a desk without any line works as without this addon. Where it is on:

    - a reserve change larger than the user's reserve limit (in absolute value) becomes a
      reserve request that someone whose limit covers it approves (``claims.reserve.request``);
    - a payment request above the requester's payment limit goes to an approver whose limit
      covers it (an activity and a note on the payment's chatter);
    - approving a payment above one's own limit is refused, and nobody approves a payment or a
      reserve request they asked for themselves, whatever their limit.

    Not bound: server code running as superuser after its own checks, and the integration
    users connectors act as (group "Claims: integration admin" of claims_connector): what
    they post in the reserve ledger are figures of the insurer's system, not decisions.

    Access rights:

    ============== ================== =========================
    group          limit lines        scope
    ============== ================== =========================
    claims user    read               allowed companies
    claims manager read, write, create allowed companies
                   and delete
    ============== ================== =========================
    """

    _name = "claims.authority.limit"
    _description = "Claims authority limit"
    _order = "company_id, coverage_type_id, amount_payment desc, id"
    _check_company_auto = True

    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        help="The limit holds for claims of this company and of its branches.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(
        "res.users",
        index=True,
        ondelete="cascade",
        domain="[('share', '=', False)]",
        help="Set a user or a group, not both.",
    )
    group_id = fields.Many2one(
        "res.groups",
        index=True,
        ondelete="cascade",
        help="Every member of the group (implied groups included) has this limit.",
    )
    coverage_type_id = fields.Many2one(
        "claims.coverage.type",
        check_company=True,
        help="Empty: every coverage type. A line for a coverage type replaces the general "
        "lines for that type.",
    )
    amount_reserve = fields.Monetary(
        string="Max reserve change",
        help="The largest reserve change (up or down) the holder posts alone and approves.",
    )
    amount_payment = fields.Monetary(
        string="Max payment",
        help="The largest payment the holder approves.",
    )

    _user_or_group = models.Constraint(
        "CHECK ((user_id IS NULL) != (group_id IS NULL))",
        "An authority limit is for a user or for a group: set exactly one of them.",
    )
    _amounts_not_negative = models.Constraint(
        "CHECK (amount_reserve >= 0 AND amount_payment >= 0)",
        "Authority limits are zero or more.",
    )

    # ------------------------------------------------------------------ constraints

    @api.constrains("user_id", "company_id")
    def _check_user_in_company(self):
        """A user's line is for a company the user works in."""
        for line in self.filtered("user_id"):
            if line.company_id not in line.user_id.company_ids:
                raise ValidationError(self.env._(
                    "%(user)s does not work in %(company)s: give the limit in one of the "
                    "user's companies.", user=line.user_id.name, company=line.company_id.name))

    # ------------------------------------------------------------------ computes

    @api.depends("user_id", "group_id", "coverage_type_id")
    def _compute_display_name(self):
        for line in self:
            holder = line.user_id.name or line.group_id.display_name or ""
            scope = line.coverage_type_id.display_name or self.env._("all coverage types")
            line.display_name = f"{holder} ({scope})"

    # ------------------------------------------------------------------ resolution

    @api.model
    def _is_enforced(self, company):
        """Whether authority control is on for ``company``: a line exists for it or a parent."""
        if not company:
            return False
        return bool(self.sudo().search_count(
            [("company_id", "parent_of", company.id)], limit=1))

    @api.model
    def _is_bound(self, user, kind):
        """Whether ``user`` is bound by limits of ``kind`` (see the class docstring)."""
        if self.env.su:
            return False
        if kind == "reserve":
            integration = self.env.ref(INTEGRATION_GROUP, raise_if_not_found=False)
            if integration and integration in user.sudo().all_group_ids:
                return False
        return True

    @api.model
    def _get_limit(self, user, company, coverage_type, kind):
        """The limit of ``kind`` (reserve or payment) of one user, in company currency."""
        return self._get_limits(company, coverage_type, kind, users=user).get(user.id, 0.0)

    @api.model
    def _get_limits(self, company, coverage_type, kind, users=None):
        """{user id: limit of ``kind``} of the users holding a line for the company and the
        coverage type (of ``users`` only, when given). Users without a line are left out:
        their limit is 0."""
        field = f"amount_{kind}"
        domain = [("company_id", "parent_of", company.id),
                  ("coverage_type_id", "in", [False, coverage_type.id])]
        if users is not None:
            domain += ["|", ("user_id", "in", users.ids),
                       ("group_id", "in", users.sudo().all_group_ids.ids)]
        # per holder (a user or a group): its line for the coverage type, else its general one
        by_holder = defaultdict(dict)
        for line in self.sudo().search(domain):
            holder = line.user_id or line.group_id
            scope = "type" if line.coverage_type_id else "general"
            by_holder[holder][scope] = max(by_holder[holder].get(scope, 0.0), line[field])
        limits = {}
        for holder, amounts in by_holder.items():
            amount = amounts.get("type", amounts.get("general", 0.0))
            members = holder if holder._name == "res.users" else holder.all_user_ids
            if users is not None:
                members = members.filtered(lambda u: u.id in users.ids)
            for member in members:
                limits[member.id] = max(limits.get(member.id, 0.0), amount)
        return limits

    @api.model
    def _find_approver(self, company, coverage_type, kind, amount, exclude):
        """The user who is asked to approve: active, internal, working in ``company``, not in
        ``exclude``, a claims manager for payments, whose limit covers ``amount``; of those,
        the one with the lowest sufficient limit, then the oldest account (lowest id).

        :returns: (user, limit), or (an empty recordset, 0.0) when nobody's limit covers it
        """
        limits = self._get_limits(company, coverage_type, kind)
        Users = self.env["res.users"].sudo()
        candidates = Users.browse(limits).filtered(
            lambda u: u.active and not u.share and company in u.company_ids
            and u not in exclude
            and (kind != "payment" or u.has_group(MANAGER_GROUP))
            and company.currency_id.compare_amounts(limits[u.id], amount) >= 0)
        if not candidates:
            return Users, 0.0
        user = min(candidates, key=lambda u: (limits[u.id], u.id))
        return user.sudo(False), limits[user.id]
