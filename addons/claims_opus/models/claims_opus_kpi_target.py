# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models

from .. import mapping

SOON_HOURS = 24


class ClaimsOpusKpiTarget(models.Model):
    """Opus's own KPI target of an allocation, as read on the last run (the desk's morning
    list: "KPIs breaching soon"). Written by the run only; claims users read them."""

    _name = "claims.opus.kpi.target"
    _description = "Opus KPI target"
    _order = "date_due, id"

    backend_id = fields.Many2one("claims.opus.backend", required=True, ondelete="cascade",
                                 index=True, readonly=True)
    company_id = fields.Many2one(related="backend_id.company_id", store=True)
    claim_id = fields.Many2one("claims.claim", readonly=True, ondelete="cascade", index=True)
    allocation_id = fields.Char(readonly=True)
    claim_number = fields.Char(string="Claim number", readonly=True)
    kpi = fields.Selection([(field.key, field.label) for field in mapping.KPIS], readonly=True)
    kpi_label = fields.Char(string="KPI", readonly=True)
    kpi_stage = fields.Char(string="Stage", readonly=True, help="AR: assessment; CR: repairs.")
    date_due = fields.Datetime(string="Due by", readonly=True)
    date_completed = fields.Datetime(string="Completed on", readonly=True)
    is_breaching_soon = fields.Boolean(
        string="Breaching soon", compute="_compute_is_breaching_soon",
        search="_search_is_breaching_soon",
        help=f"Not met and due within {SOON_HOURS} hours, or overdue.")
    is_overdue = fields.Boolean(compute="_compute_is_breaching_soon")

    def _compute_is_breaching_soon(self):
        now = fields.Datetime.now()
        for target in self:
            open_ = bool(target.date_due and not target.date_completed)
            target.is_breaching_soon = open_ and target.date_due <= now + timedelta(
                hours=SOON_HOURS)
            target.is_overdue = open_ and target.date_due < now

    def _search_is_breaching_soon(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        soon = [("date_completed", "=", False), ("date_due", "!=", False),
                ("date_due", "<=", fields.Datetime.now() + timedelta(hours=SOON_HOURS))]
        return soon if (operator == "=") == value else ["!", "&", "&", *soon]

    @api.model
    def _replace(self, backend, targets):
        """The backend's targets become ``targets`` (``mapping.parse_kpi_targets``)."""
        bindings = self.env["claims.binding"]._find(
            backend, "claims.claim", list({t["allocation_id"] for t in targets}))
        claim_of = {binding.external_id: binding.res_id for binding in bindings}
        self_sudo = self.sudo()
        self_sudo.search([("backend_id", "=", backend.id)]).unlink()
        stages = mapping.KPI_STAGES
        self_sudo.create([{
            "backend_id": backend.id, "claim_id": claim_of.get(t["allocation_id"], False),
            "allocation_id": t["allocation_id"], "claim_number": t["claim_number"],
            "kpi": t["kpi"], "kpi_label": t["kpi_label"], "kpi_stage": stages.get(t["kpi"]),
            "date_due": t["due"], "date_completed": t["completed"],
        } for t in targets])
        return len(targets)
