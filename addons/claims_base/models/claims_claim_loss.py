# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.money import check_no_totals_written
from .claims_claim import DESK

# Loss totals of a claim that follow the ledgers and the handler's amounts: never written.
CLAIM_LOSS_TOTALS = ("amount_insured", "amount_uninsured")


class ClaimsClaim(models.Model):
    """The loss of a claim, split between the insurers and the operator.

    All amounts are in the claim's (company's) currency:

    - **Estimated damage** (``amount_damage``): the handler's estimate of the whole damage of
      this claim, before any insurance. Entered by hand.
    - **Insured part** (``amount_insured``): what the insurers bear, read from the ledgers:
      the claim's incurred amount, i.e. paid + pending + outstanding reserve over its
      coverages. Recoveries (subrogation, salvage) lower the insurers' cost, not the
      operator's, and are left out.
    - **Deductibles** (``amount_deductible``): the deductibles of the coverages that carry a
      reserve or a payment: the amount of an amount deductible, or the percentage of the
      estimated damage (of the coverage's incurred amount while there is no estimate).
      Computed, and editable when the insurer's settlement applies another figure.
    - **Damage not covered** (``amount_not_covered``): damage no coverage of the claim takes
      (excluded items, above the limit, not insured). Entered by hand.
    - **Uninsured part** (``amount_uninsured``) = deductible + damage not covered: what the
      operator bears. The amount recharged to a driver is part of it (see the incident).
    """

    _inherit = "claims.claim"

    amount_damage = fields.Monetary(
        string="Estimated damage",
        groups=DESK,
        tracking=True,
        copy=False,
        help="The whole damage of this claim as estimated, before any insurance.",
    )
    amount_not_covered = fields.Monetary(
        string="Damage not covered",
        groups=DESK,
        tracking=True,
        copy=False,
        help="Damage that no coverage of this claim takes: excluded or uninsured items, the "
        "part above a limit. The operator bears it.",
    )
    amount_deductible = fields.Monetary(
        string="Deductibles",
        compute="_compute_amount_deductible",
        store=True,
        readonly=False,
        groups=DESK,
        tracking=True,
        copy=False,
        help="The deductibles of the coverages that carry a reserve or a payment (a "
        "percentage deductible applies to the estimated damage). Change it when the "
        "insurer's settlement applies another figure.",
    )
    amount_insured = fields.Monetary(
        string="Insured part",
        compute="_compute_amount_loss",
        store=True,
        groups=DESK,
        help="What the insurers bear: paid, pending and outstanding reserve of the coverages.",
    )
    amount_uninsured = fields.Monetary(
        string="Uninsured part",
        compute="_compute_amount_loss",
        store=True,
        groups=DESK,
        help="What the operator bears: the deductible and the damage not covered.",
    )

    # ------------------------------------------------------------------ constraints

    @api.constrains("amount_damage", "amount_not_covered")
    def _check_loss_amounts_positive(self):
        """Estimated damage and damage not covered are not negative."""
        for claim in self:
            if min(claim.amount_damage, claim.amount_not_covered) < 0:
                raise ValidationError(self.env._(
                    "Claim %(claim)s: the estimated damage and the damage not covered cannot be "
                    "negative.", claim=claim.name))

    # ------------------------------------------------------------------ computes

    @api.depends(
        "amount_damage",
        "coverage_ids.amount_incurred",
        "coverage_ids.deductible_kind",
        "coverage_ids.deductible_amount",
        "coverage_ids.deductible_percent",
    )
    def _compute_amount_deductible(self):
        for claim in self:
            total = 0.0
            for coverage in claim.coverage_ids:
                if claim.currency_id.compare_amounts(coverage.amount_incurred, 0) <= 0:
                    continue  # a coverage that pays nothing applies no deductible
                if coverage.deductible_kind == "percent":
                    base = claim.amount_damage or coverage.amount_incurred
                    total += base * coverage.deductible_percent / 100.0
                else:
                    total += coverage.deductible_amount
            claim.amount_deductible = total

    @api.depends("amount_incurred", "amount_deductible", "amount_not_covered")
    def _compute_amount_loss(self):
        for claim in self:
            claim.amount_insured = claim.amount_incurred
            claim.amount_uninsured = claim.amount_deductible + claim.amount_not_covered

    # ------------------------------------------------------------------ CRUD

    @api.model_create_multi
    def create(self, vals_list):
        check_no_totals_written(self.env, vals_list, CLAIM_LOSS_TOTALS)
        return super().create(vals_list)

    def write(self, vals):
        check_no_totals_written(self.env, [vals], CLAIM_LOSS_TOTALS)
        return super().write(vals)
