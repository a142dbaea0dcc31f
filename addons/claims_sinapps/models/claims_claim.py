# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .. import mapping

SELECTIONS = {
    "mission_type": list(mapping.MISSION_TYPES.items()),
    "nature": list(mapping.NATURES.items()),
    "risk_type": list(mapping.RISK_TYPES.items()),
    "risk_usage": list(mapping.RISK_USAGES.items()),
}


class ClaimsClaim(models.Model):
    """What a Sinapps mission says of a claim that our domain has no field for (mapping.py).

    Codes stay Sinapps' (``sinapps_<what>``, text, unknown ones included); the known ones
    also show as labels (``sinapps_<what>_label``, translated).
    """

    _inherit = "claims.claim"

    sinapps_backend_id = fields.Many2one("claims.sinapps.backend", string="Sinapps account",
                                         readonly=True, copy=False, index="btree_not_null")
    # The mission
    sinapps_mission_id = fields.Char(string="Sinapps mission id", readonly=True, copy=False,
                                     index="btree_not_null", tracking=True)
    sinapps_mission_href = fields.Char(readonly=True, copy=False)
    sinapps_mission_number = fields.Char(string="Mission number", readonly=True, copy=False,
                                         tracking=True)
    sinapps_mission_date = fields.Datetime(string="Mission date", readonly=True, copy=False,
                                           tracking=True)
    sinapps_mission_type = fields.Char(string="Mission type code", readonly=True, copy=False)
    sinapps_mission_type_label = fields.Selection(
        SELECTIONS["mission_type"], string="Mission type", compute="_compute_sinapps_labels")
    sinapps_status = fields.Char(string="Mission status", readonly=True, copy=False, tracking=True)
    sinapps_step = fields.Char(string="Step code", readonly=True, copy=False, tracking=True)
    sinapps_step_label = fields.Selection(
        mapping.MISSION_STEPS, string="Mission step", compute="_compute_sinapps_labels")
    sinapps_step_event_id = fields.Integer(readonly=True, copy=False)
    sinapps_step_ids = fields.One2many("claims.sinapps.step", "claim_id", string="Mission steps")
    sinapps_insurer_contact = fields.Char(string="Insurer's contact", readonly=True, tracking=True)
    # The loss
    sinapps_nature = fields.Char(string="Nature code", readonly=True)
    sinapps_nature_label = fields.Selection(
        SELECTIONS["nature"], string="Nature", compute="_compute_sinapps_labels")
    sinapps_cause = fields.Char(string="Cause code", readonly=True)
    sinapps_cause_label = fields.Char(string="Cause", readonly=True)
    sinapps_detail = fields.Char(string="Detail code", readonly=True)
    sinapps_detail_label = fields.Char(string="Detail", readonly=True)
    sinapps_loss_time = fields.Char(string="Time of loss", readonly=True)
    sinapps_damages_declared = fields.Text(string="Damages declared", readonly=True)
    sinapps_circumstances_declared = fields.Text(string="Circumstances declared", readonly=True)
    sinapps_protective_measures = fields.Text(string="Protective measures", readonly=True)
    # The risk and the contract
    sinapps_risk_type = fields.Char(string="Risk type code", readonly=True)
    sinapps_risk_type_label = fields.Selection(
        SELECTIONS["risk_type"], string="Risk type", compute="_compute_sinapps_labels")
    sinapps_risk_usage = fields.Char(string="Risk usage code", readonly=True)
    sinapps_risk_usage_label = fields.Selection(
        SELECTIONS["risk_usage"], string="Risk usage", compute="_compute_sinapps_labels")
    sinapps_risk_description = fields.Char(string="Risk", readonly=True)
    sinapps_risk_measures = fields.Text(string="Risk measures", readonly=True)
    sinapps_risk_street = fields.Char(string="Risk address", readonly=True)
    sinapps_risk_street2 = fields.Char(string="Risk address (2)", readonly=True)
    sinapps_risk_zip = fields.Char(string="Risk ZIP", readonly=True)
    sinapps_risk_city = fields.Char(string="Risk city", readonly=True)
    sinapps_risk_country_code = fields.Char(string="Risk country", readonly=True)
    sinapps_contract_type = fields.Char(string="Contract type", readonly=True, tracking=True)
    sinapps_deductible = fields.Char(string="Deductible", readonly=True, tracking=True)
    # The platform's work with Sinapps
    sinapps_sollicitation_ids = fields.One2many(
        "claims.sinapps.sollicitation", "claim_id", string="Sollicitations")
    sinapps_deposit_ids = fields.One2many(
        "claims.sinapps.deposit", "claim_id", string="Quotes and invoices")
    sinapps_trade_id = fields.Many2one(
        "res.partner", string="Trade", compute="_compute_sinapps_trade_id",
        help="The repairer participant of the claim who does the works.")
    sinapps_appointment = fields.Datetime(string="Appointment", readonly=True, copy=False,
                                          tracking=True)
    sinapps_appointment_end = fields.Datetime(string="Appointment until", readonly=True,
                                              copy=False, tracking=True)
    sinapps_date_intervention = fields.Date(string="Works date", readonly=True, copy=False,
                                            tracking=True)

    _sinapps_mission_unique = models.UniqueIndex(
        "(sinapps_backend_id, sinapps_mission_id) WHERE sinapps_mission_id IS NOT NULL",
        "This Sinapps mission already has a claim.",
    )

    @api.depends("sinapps_mission_type", "sinapps_step", "sinapps_nature", "sinapps_risk_type",
                 "sinapps_risk_usage")
    def _compute_sinapps_labels(self):
        fields_codes = {"sinapps_mission_type_label": "sinapps_mission_type",
                        "sinapps_step_label": "sinapps_step",
                        "sinapps_nature_label": "sinapps_nature",
                        "sinapps_risk_type_label": "sinapps_risk_type",
                        "sinapps_risk_usage_label": "sinapps_risk_usage"}
        for label_field, code_field in fields_codes.items():
            known = {key for key, _label in self._fields[label_field].selection}
            for claim in self:
                code = claim[code_field]
                claim[label_field] = code if code in known else False

    @api.depends("participant_ids.role_id", "participant_ids.active")
    def _compute_sinapps_trade_id(self):
        for claim in self:
            trade = claim.participant_ids.filtered(
                lambda p: p.active and p.role_id.code == "repairer")[:1]
            claim.sinapps_trade_id = trade.partner_id

    # ------------------------------------------------------------------ field history

    @api.model
    def _field_history_sources(self):
        """The step's label, shown for a known step, has the history of the step's code."""
        return {**super()._field_history_sources(), "sinapps_step_label": "sinapps_step"}

    # ------------------------------------------------------------------ actions

    def action_sinapps_send_sollicitation(self):
        """Open the form of a sollicitation from the platform to the insurer or the expert."""
        self.ensure_one()
        self.check_access("write")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "claims_sinapps.claims_sinapps_sollicitation_send_action")
        action["context"] = {"default_claim_id": self.id}
        return action

    def action_sinapps_trade_entry(self):
        """Open the form where a platform user enters what a trade answered by e-mail."""
        self.ensure_one()
        self.check_access("write")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "claims_sinapps.claims_sinapps_trade_entry_action")
        action["context"] = {"default_claim_id": self.id}
        return action
