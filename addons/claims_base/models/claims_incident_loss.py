# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.money import check_no_totals_written
from .claims_claim import DESK

# Loss totals of an incident, summed from its claims: never written.
INCIDENT_LOSS_TOTALS = (
    "amount_damage_total",
    "amount_insured",
    "amount_uninsured",
    "amount_loss",
    "amount_operator",
)
# What the totals read of each claim.
CLAIM_LOSS_FIELDS = ("amount_damage", "amount_insured", "amount_uninsured")


class ClaimsIncident(models.Model):
    """The loss of an incident, for the loss analysis (Claims ▸ Reporting ▸ Loss analysis).

    Summed over the incident's claims that are neither archived nor marked off (a duplicate
    would count the damage twice), in the company's currency (branches share their parent's):

    - **Estimated damage** = the claims' estimated damage + the damage not claimed;
    - **Insured** = the claims' insured parts (paid + pending + outstanding reserve);
    - **Uninsured** = the claims' uninsured parts (deductibles + damage not covered) + the
      damage not claimed (an incident no insurer hears of, a theft under the deductible);
    - **Total loss** = insured + uninsured;
    - **Recharged to driver**: the part of the uninsured loss charged back to the driver
      (entered on the incident); **Borne by the operator** = uninsured - recharged.

    The totals are stored so the pivot and graph group them by branch (the company),
    vehicle, driver, type and month; they follow the reserves and payments through the
    stored totals of the coverages and claims.
    """

    _inherit = "claims.incident"

    driver_id = fields.Many2one(
        "res.partner",
        compute="_compute_driver_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        tracking=True,
        help="Who drove: the incident's driver participant, else the reporter when a driver, "
        "else the vehicle's driver when the incident was recorded.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id", string="Currency")
    amount_not_claimed = fields.Monetary(
        string="Damage not claimed",
        groups=DESK,
        tracking=True,
        copy=False,
        help="Damage of this incident that no claim carries, e.g. below the deductible or "
        "not insured at all. The operator bears it.",
    )
    amount_driver_recharge = fields.Monetary(
        string="Recharged to driver",
        groups=DESK,
        tracking=True,
        copy=False,
        help="The part of the uninsured loss charged back to the driver.",
    )
    amount_damage_total = fields.Monetary(
        string="Estimated damage",
        compute="_compute_amount_loss",
        store=True,
        groups=DESK,
        help="The claims' estimated damage and the damage not claimed.",
    )
    amount_insured = fields.Monetary(
        string="Insured",
        compute="_compute_amount_loss",
        store=True,
        groups=DESK,
        help="What the insurers bear: paid, pending and outstanding reserve of the claims.",
    )
    amount_uninsured = fields.Monetary(
        string="Uninsured",
        compute="_compute_amount_loss",
        store=True,
        groups=DESK,
        help="What the operator bears: deductibles, damage not covered, damage not claimed "
        "(the part recharged to the driver included).",
    )
    amount_loss = fields.Monetary(
        string="Total loss",
        compute="_compute_amount_loss",
        store=True,
        groups=DESK,
        help="Insured + uninsured.",
    )
    amount_operator = fields.Monetary(
        string="Borne by the operator",
        compute="_compute_amount_loss",
        store=True,
        groups=DESK,
        help="The uninsured loss less what is recharged to the driver.",
    )

    # ------------------------------------------------------------------ constraints

    @api.constrains("amount_not_claimed", "amount_driver_recharge")
    def _check_loss_amounts_positive(self):
        """The damage not claimed and the recharge are not negative."""
        for incident in self:
            if min(incident.amount_not_claimed, incident.amount_driver_recharge) < 0:
                raise ValidationError(self.env._(
                    "Incident %(incident)s: the damage not claimed and the amount recharged to "
                    "the driver cannot be negative.", incident=incident.name))

    # ------------------------------------------------------------------ computes

    @api.depends(
        "participant_ids.partner_id", "participant_ids.role_id", "participant_ids.active",
        "reporter_id", "vehicle_id",
    )
    def _compute_driver_id(self):
        # the vehicle's driver of the day: a later change of driver leaves past incidents
        role = self.env.ref("claims_base.claims_participant_role_driver", raise_if_not_found=False)
        for incident in self:
            drivers = incident.participant_ids.filtered(
                lambda p: p.active and p.role_id == role).partner_id
            reporter = incident.reporter_id
            if role and role in reporter.claims_role_ids:
                drivers |= reporter
            incident.driver_id = (
                drivers[:1] or incident.vehicle_id.driver_id or incident.driver_id
            )

    @api.depends(
        "amount_not_claimed",
        "amount_driver_recharge",
        "claim_ids.active",
        "claim_ids.is_marked_off",
        *(f"claim_ids.{name}" for name in CLAIM_LOSS_FIELDS),
    )
    def _compute_amount_loss(self):
        # archived claims count as not there, whatever the caller's context says
        for incident in self.with_context(active_test=False):
            claims = incident.claim_ids.filtered(lambda c: c.active and not c.is_marked_off)
            damage = sum(claims.mapped("amount_damage"))
            insured = sum(claims.mapped("amount_insured"))
            uninsured = sum(claims.mapped("amount_uninsured")) + incident.amount_not_claimed
            incident.amount_damage_total = damage + incident.amount_not_claimed
            incident.amount_insured = insured
            incident.amount_uninsured = uninsured
            incident.amount_loss = insured + uninsured
            incident.amount_operator = uninsured - incident.amount_driver_recharge

    # ------------------------------------------------------------------ CRUD

    @api.model_create_multi
    def create(self, vals_list):
        check_no_totals_written(self.env, vals_list, INCIDENT_LOSS_TOTALS)
        return super().create(vals_list)

    def write(self, vals):
        check_no_totals_written(self.env, [vals], INCIDENT_LOSS_TOTALS)
        return super().write(vals)
