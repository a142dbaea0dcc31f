# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

DEDUCTIBLE_KINDS = [("amount", "Amount"), ("percent", "Percentage")]


class ClaimsPolicyCoverage(models.Model):
    _name = "claims.policy.coverage"
    _description = "Coverage of a policy"
    _order = "policy_id, sequence, id"
    _check_company_auto = True

    policy_id = fields.Many2one("claims.policy", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="policy_id.company_id", store=True, precompute=True)
    currency_id = fields.Many2one(related="policy_id.currency_id")
    sequence = fields.Integer(default=10)
    coverage_type_id = fields.Many2one("claims.coverage.type", required=True, check_company=True)
    amount_limit = fields.Monetary(string="Limit", currency_field="currency_id")
    deductible_kind = fields.Selection(DEDUCTIBLE_KINDS, default="amount", required=True)
    deductible_amount = fields.Monetary(currency_field="currency_id")
    deductible_percent = fields.Float(string="Deductible %")

    _coverage_type_unique = models.Constraint(
        "UNIQUE (policy_id, coverage_type_id)",
        "A policy lists each coverage type once.",
    )
