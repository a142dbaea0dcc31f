# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, fields, models

CONDITION = [("any", "Any"), ("yes", "Yes"), ("no", "No")]
PARTIES = [
    ("own_motor_insurer", "Own motor insurer"),
    ("own_broker", "Own broker"),
    ("counterparty_insurer", "Counterparty's insurer"),
    ("cargo_insurer", "Cargo insurer"),
    ("liability_insurer", "Liability insurer"),
]
# Which line of business the account's own policy must have for each party claimed against.
PARTY_LINE_OF_BUSINESS = {
    "own_motor_insurer": "motor",
    "own_broker": "motor",
    "cargo_insurer": "cargo",
    "liability_insurer": "liability",
}


class ClaimsIncidentRule(models.Model):
    """Incident type + conditions -> party to claim against -> claim type."""

    _name = "claims.incident.rule"
    _inherit = ["claims.shared.config.mixin"]
    _description = "Incident rule"

    incident_type = fields.Selection(
        selection=lambda self: self.env["claims.incident"]._fields["incident_type"].selection,
        required=True,
    )
    when_injuries = fields.Selection(CONDITION, string="Injuries", default="any", required=True)
    when_other_party = fields.Selection(
        CONDITION, string="Other party involved", default="any", required=True
    )
    when_cargo = fields.Selection(CONDITION, string="Cargo involved", default="any", required=True)
    answer_code = fields.Char(
        string="Question",
        help="Code of a question of the incident form: the rule then also needs its answer.",
    )
    answer_value = fields.Char(
        string="Answer",
        help="The answer the question needs: a choice's key, yes or no, or the text.",
    )
    party = fields.Selection(PARTIES, string="Claim against", required=True)
    claim_type_id = fields.Many2one("claims.claim.type", required=True, check_company=True)

    def _matches(self, incident):
        """True when the incident's type and the three conditions fit this rule."""
        self.ensure_one()
        # sudo: a rule may depend on injuries, which the user opening the claims may not
        # read; only the yes/no decides, nothing of it is shown
        facts = {
            "when_injuries": incident.sudo().has_injuries,
            "when_other_party": bool(incident.party_ids),
            "when_cargo": incident.has_cargo,
        }
        if self.incident_type != incident.incident_type:
            return False
        if self.answer_code and not self._answer_matches(incident._get_form_answer(
                self.answer_code.strip())):
            return False
        return all(self[field] == "any" or (self[field] == "yes") == fact
                   for field, fact in facts.items())

    def _answer_matches(self, answer):
        """True when the incident's answer is the one this rule needs."""
        expected = (self.answer_value or "").strip().lower()
        if isinstance(answer, bool):
            return expected == ("yes" if answer else "no")
        if isinstance(answer, float):
            try:
                return answer == float(expected)
            except ValueError:
                return False
        return answer is not None and str(answer).strip().lower() == expected

    def _prepare_claim_values(self, incident):
        self.ensure_one()
        policy = self._find_policy(incident)
        insurer = policy.insurer_id
        if self.party == "own_broker":
            insurer = policy.broker_id
        elif self.party == "counterparty_insurer":
            insurer = incident.party_ids.insurer_id[:1]
        return {
            "incident_id": incident.id,
            "incident_rule_id": self.id,
            "company_id": incident.company_id.id,
            "claim_type_id": self.claim_type_id.id,
            "policy_id": policy.id,
            "insurer_id": insurer.id,
            "broker_id": policy.broker_id.id,
            "claimant_id": incident.company_id.partner_id.id,
            "date_loss": incident.date_incident.date(),
            "date_reported": incident.create_date.date() if incident.create_date else False,
            "description": incident.description,
            # the claim starts with the policy's coverages, limits and deductibles
            "coverage_ids": [Command.create({
                "sequence": coverage.sequence,
                "coverage_type_id": coverage.coverage_type_id.id,
                "amount_limit": coverage.amount_limit,
                "deductible_kind": coverage.deductible_kind,
                "deductible_amount": coverage.deductible_amount,
                "deductible_percent": coverage.deductible_percent,
            }) for coverage in policy.coverage_ids],
        }

    def _find_policy(self, incident):
        """The account's policy that covers this incident for this rule's party, if any."""
        line = PARTY_LINE_OF_BUSINESS.get(self.party)
        if not line:
            return self.env["claims.policy"]
        domain = [
            ("line_of_business", "=", line),
            ("company_id", "parent_of", incident.company_id.id),
            ("date_start", "<=", incident.date_incident.date()),
            "|", ("date_end", "=", False), ("date_end", ">=", incident.date_incident.date()),
        ]
        policies = self.env["claims.policy"].search(domain)
        if incident.vehicle_id and line == "motor":
            covering = policies.filtered(
                lambda p: incident.vehicle_id in p.insured_object_ids.vehicle_id
            )
            policies = covering or policies
        return policies[:1]
