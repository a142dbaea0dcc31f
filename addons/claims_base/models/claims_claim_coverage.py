# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.tools import SQL

from ..tools.money import check_no_money_written
from .claims_policy_coverage import DEDUCTIBLE_KINDS

RECOVERY_TYPES = ("subrogation", "salvage", "deductible_recovered")
PENDING_STATES = ("approved", "sent")


class ClaimsClaimCoverage(models.Model):
    """A coverage on a claim, with its money.

    total reserve = sum of ledger lines; paid = indemnity and expense payments paid;
    pending = approved or sent, not yet paid; outstanding = reserve - paid - pending;
    recoveries apart; incurred = paid + pending + outstanding; net = incurred - recoveries.
    """

    _name = "claims.claim.coverage"
    _description = "Coverage on a claim"
    _order = "claim_id, sequence, id"
    _check_company_auto = True
    _rec_names_search = ["coverage_type_id.name", "coverage_type_id.code"]

    claim_id = fields.Many2one("claims.claim", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="claim_id.company_id", store=True, index=True,
                                 precompute=True)
    currency_id = fields.Many2one(related="claim_id.currency_id")
    sequence = fields.Integer(default=10)
    coverage_type_id = fields.Many2one("claims.coverage.type", required=True, check_company=True)
    amount_limit = fields.Monetary(string="Limit")
    deductible_kind = fields.Selection(DEDUCTIBLE_KINDS, default="amount", required=True)
    deductible_amount = fields.Monetary()
    deductible_percent = fields.Float(string="Deductible %")
    reserve_line_ids = fields.One2many("claims.reserve.line", "coverage_id")
    payment_ids = fields.One2many("claims.payment", "coverage_id")
    # Money (stored, see class docstring)
    amount_reserve = fields.Monetary(string="Total reserve", compute="_compute_amounts", store=True)
    amount_paid = fields.Monetary(string="Paid", compute="_compute_amounts", store=True)
    amount_pending = fields.Monetary(string="Pending", compute="_compute_amounts", store=True)
    amount_outstanding = fields.Monetary(
        string="Outstanding", compute="_compute_amounts", store=True
    )
    amount_recovered = fields.Monetary(string="Recoveries", compute="_compute_amounts", store=True)
    amount_incurred = fields.Monetary(string="Incurred", compute="_compute_amounts", store=True)
    amount_net_incurred = fields.Monetary(
        string="Net incurred", compute="_compute_amounts", store=True
    )

    _coverage_type_unique = models.Constraint(
        "UNIQUE (claim_id, coverage_type_id)",
        "A claim lists each coverage type once.",
    )

    @api.depends(
        "reserve_line_ids.amount_change",
        "payment_ids.amount",
        "payment_ids.state",
        "payment_ids.payment_type",
    )
    def _compute_amounts(self):
        reserves, payments = self._read_ledgers()
        for coverage in self:
            key = coverage._origin.id
            reserve = reserves.get(key, 0.0)
            paid = payments[key, "paid"]
            pending = payments[key, "pending"]
            recovered = payments[key, "recovered"]
            outstanding = reserve - paid - pending
            coverage.amount_reserve = reserve
            coverage.amount_paid = paid
            coverage.amount_pending = pending
            coverage.amount_outstanding = outstanding
            coverage.amount_recovered = recovered
            coverage.amount_incurred = paid + pending + outstanding
            coverage.amount_net_incurred = paid + pending + outstanding - recovered

    def _read_ledgers(self):
        """({coverage id: total reserve}, {(coverage id, paid|pending|recovered): amount}).

        One query for both ledgers, over every line whoever reads: these are stored totals.
        """
        reserves, payments = {}, defaultdict(float)
        ids = tuple({coverage._origin.id for coverage in self if coverage._origin.id})
        if not ids:
            return reserves, payments
        self.env["claims.reserve.line"].flush_model(["coverage_id", "amount_change"])
        self.env["claims.payment"].flush_model(["coverage_id", "state", "payment_type", "amount"])
        rows = self.env.execute_query(SQL(
            """
            SELECT coverage_id, 'reserve', NULL, SUM(amount_change)
              FROM claims_reserve_line WHERE coverage_id IN %(ids)s GROUP BY coverage_id
             UNION ALL
            SELECT coverage_id, state, payment_type, SUM(amount)
              FROM claims_payment WHERE coverage_id IN %(ids)s AND state IN %(states)s
          GROUP BY coverage_id, state, payment_type
            """,
            ids=ids, states=("paid", *PENDING_STATES),
        ))
        for coverage_id, state, kind, amount in rows:
            if state == "reserve":
                reserves[coverage_id] = amount
            elif kind in RECOVERY_TYPES:
                if state == "paid":
                    payments[coverage_id, "recovered"] += amount
            elif state == "paid":
                payments[coverage_id, "paid"] += amount
            else:
                payments[coverage_id, "pending"] += amount
        return reserves, payments

    @api.model_create_multi
    def create(self, vals_list):
        check_no_money_written(self.env, vals_list)
        coverages = super().create(vals_list)
        claims = coverages.claim_id
        before = claims._field_history_lines_snapshot("coverage_ids", without=coverages)
        claims._field_history_log_lines("coverage_ids", before)
        return coverages

    def unlink(self):
        claims = self.claim_id
        before = claims._field_history_lines_snapshot("coverage_ids")
        result = super().unlink()
        claims._field_history_log_lines("coverage_ids", before)
        return result

    def write(self, vals):
        check_no_money_written(self.env, [vals])
        return super().write(vals)

    @api.depends("coverage_type_id", "claim_id.name")
    def _compute_display_name(self):
        for coverage in self:
            coverage.display_name = coverage.coverage_type_id.display_name or ""

    def _add_reserve(self, amount_change, reason):
        """Post one ledger line per coverage; returns the lines."""
        return self.env["claims.reserve.line"].create([
            {"coverage_id": coverage.id, "amount_change": amount_change, "reason": reason}
            for coverage in self
        ])

    def _set_reserve(self, amount_total, reason):
        """Post the correcting line that brings each coverage's total reserve to amount_total."""
        lines = self.env["claims.reserve.line"]
        for coverage in self:
            change = amount_total - coverage.amount_reserve
            if coverage.currency_id.compare_amounts(change, 0):
                lines |= coverage._add_reserve(change, reason)
        return lines
