# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo import api, fields, models
from odoo.exceptions import UserError

from .. import mapping

DESK = "claims_base.group_claims_user"
# What an allocation fills: Opus owns it on a claim from Opus (the importer writes it).
OPUS_OWNED = {"insurer_claim_number", "date_assigned", "date_loss", "claimant_id", "policy_id",
              "claim_type_id", "opus_allocation_id", "opus_backend_id", "opus_status",
              "opus_status_unmapped", "opus_incident_code", "opus_incident_type", "opus_brand"}


class ClaimsClaim(models.Model):
    """What Opus says of an allocation that our claim has no field for (see mapping.py).

    Opus owns the fields an allocation filled: the form shows them read-only and grey.
    """

    _inherit = "claims.claim"

    opus_backend_id = fields.Many2one(
        "claims.opus.backend", string="Opus backend", readonly=True, copy=False, index=True,
        groups=DESK)
    opus_allocation_id = fields.Char(
        string="Opus allocation", readonly=True, copy=False, index="btree_not_null", tracking=True)
    opus_status = fields.Char(string="Opus status", readonly=True, copy=False, groups=DESK,
                              tracking=True)
    opus_status_unmapped = fields.Boolean(
        string="Opus status not mapped", readonly=True, copy=False, groups=DESK,
        help="Opus's status has no row in the backend's status mapping: the claim kept its "
        "stage.")
    opus_incident_code = fields.Char(string="Opus incident code", readonly=True, groups=DESK,
                                     tracking=True)
    opus_incident_type = fields.Selection(
        list(mapping.INCIDENT_TYPES), string="Incident type", readonly=True, groups=DESK,
        tracking=True)
    opus_brand = fields.Char(string="Brand", readonly=True, groups=DESK, tracking=True)
    opus_policy_inception = fields.Date(
        related="policy_id.date_inception", string="Building policy inception", groups=DESK)
    opus_sum_insured = fields.Monetary(
        related="policy_id.amount_sum_insured", string="Building sum insured", groups=DESK)
    # Opus's KPI dates: sent as they are set (one exchange per change)
    opus_kpi_builder_reference = fields.Char(string="Builder reference", groups=DESK, tracking=True)
    opus_kpi_initial_contact = fields.Datetime(string="Initial contact", groups=DESK,
                                               help="The first SMS or e-mail to the customer.",
                                               tracking=True)
    opus_kpi_site_attend = fields.Datetime(string="Site attend date", groups=DESK, tracking=True)
    opus_kpi_status_update = fields.Datetime(string="Status update", groups=DESK, tracking=True)
    opus_kpi_estimated_end = fields.Date(string="Estimated end date", groups=DESK, tracking=True)
    opus_job_ids = fields.One2many("claims.opus.job", "claim_id", string="Opus jobs",
                                   groups=DESK)
    opus_kpi_target_ids = fields.One2many("claims.opus.kpi.target", "claim_id",
                                          string="Opus KPI targets", groups=DESK)

    # ------------------------------------------------------------------ CRUD

    def write(self, vals):
        owned = OPUS_OWNED & set(vals)
        if owned and not self.env.su and any(claim.opus_allocation_id for claim in self):
            raise UserError(self.env._(
                "Opus owns these fields of a claim from Opus: they change in Opus only (%s).",
                ", ".join(self._fields[name].string for name in sorted(owned))))
        result = super().write(vals)
        kpis = {key: vals[f"opus_kpi_{key}"] for key in mapping.KPI_STAGES
                if f"opus_kpi_{key}" in vals}
        if kpis:
            self._queue_kpis(kpis)
        return result

    # ------------------------------------------------------------------ business

    def _queue_kpis(self, kpis):
        """One exchange per Opus claim with the KPI values just set (empty ones stay in Opus)."""
        kpis = {key: value for key, value in kpis.items() if value}
        for claim in self.filtered("opus_allocation_id"):
            backend = claim.sudo().opus_backend_id
            if not backend or not kpis:
                continue
            exchange = self.env["claims.exchange"]._create_for(backend, [{
                "direction": "out", "kind": "kpis", "external_id": claim.opus_allocation_id,
                "res_model": self._name, "res_id": claim.id}])
            exchange._set_payload(json.dumps(kpis, default=str), f"{claim.opus_allocation_id}"
                                  "-kpis.json")
            exchange._enqueue()

    @api.model
    def _send_kpis_exchange(self, backend, exchange, client):
        claim = self.browse(exchange.res_id).exists()
        values = json.loads(exchange.sudo().payload_attachment_id.raw or b"{}")
        result = client.set_kpis(exchange.external_id, values)
        exchange._set_done(claim, summary=result["message"] or ", ".join(result["set"]))
        return claim
