# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.window_actions import records_of

LINES_OF_BUSINESS = [
    ("motor", "Motor"),
    ("cargo", "Cargo"),
    ("liability", "Liability"),
    ("property", "Property"),
    ("homeowners", "Homeowners"),
    ("other", "Other"),
]


class ClaimsPolicy(models.Model):
    _name = "claims.policy"
    _description = "Insurance policy"
    _inherit = ["mail.thread", "mail.activity.mixin", "claims.field.history.mixin"]
    _order = "date_end desc, name"
    _check_company_auto = True
    _check_company_domain = models.check_company_domain_parent_of

    name = fields.Char(string="Policy number", required=True, tracking=True, index="trigram")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, tracking=True
    )
    active = fields.Boolean(default=True)
    insurer_id = fields.Many2one("res.partner", tracking=True)
    broker_id = fields.Many2one("res.partner", tracking=True)
    policyholder_id = fields.Many2one("res.partner", tracking=True)
    user_id = fields.Many2one(
        "res.users", string="Account manager", default=lambda self: self.env.user, tracking=True
    )
    line_of_business = fields.Selection(LINES_OF_BUSINESS, required=True, tracking=True)
    policy_type = fields.Char(help="The insurer's policy form, e.g. HO3 or DP1.")
    date_start = fields.Date(string="Start", required=True, tracking=True)
    date_end = fields.Date(string="End", tracking=True)
    date_inception = fields.Date(string="Inception")
    currency_id = fields.Many2one(related="company_id.currency_id")
    insured_object_ids = fields.One2many(
        "claims.insured.object", "policy_id", string="Insured objects"
    )
    coverage_ids = fields.One2many("claims.policy.coverage", "policy_id", string="Coverages")
    claim_ids = fields.One2many("claims.claim", "policy_id", string="Claims")
    claim_count = fields.Integer(compute="_compute_claim_count")

    _name_company_insurer_unique = models.UniqueIndex(
        "(name, company_id, COALESCE(insurer_id, 0))",
        "This insurer already has a policy with this number in this account.",
    )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        """The end of a policy comes after its start."""
        for policy in self:
            if policy.date_end and policy.date_end < policy.date_start:
                raise ValidationError(
                    self.env._(
                        "Policy %(policy)s ends before it starts.", policy=policy.name
                    )
                )

    def _compute_claim_count(self):
        counts = dict(
            self.env["claims.claim"]._read_group(
                [("policy_id", "in", self.ids)], ["policy_id"], ["__count"]
            )
        )
        for policy in self:
            policy.claim_count = counts.get(policy, 0)

    def action_view_claims(self):
        return records_of(self, "claims_base.claims_claim_action", "policy_id")
