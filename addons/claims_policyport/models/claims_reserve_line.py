# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .claims_payment import SENT_STATES

# Reserve lines created with this context value come from PolicyPort and are not sent back.
# The value is an object, not a flag: a caller's context is JSON and cannot produce it.
NO_EXPORT_KEY = "claims_policyport_no_export"
FROM_POLICYPORT = object()


class ClaimsReserveLine(models.Model):
    """A reserve change on a PolicyPort claim goes to PolicyPort (scheduled or at once).

    Lines that come from PolicyPort (the initial reserves of an import, the correcting lines
    of an overwrite) are posted with ``FROM_POLICYPORT`` in the context and stay here.
    """

    _inherit = "claims.reserve.line"

    tiva_sync_state = fields.Selection(
        SENT_STATES, string="Sent to Tiva", compute="_compute_tiva_sync_state")
    tiva_sync_error = fields.Text(compute="_compute_tiva_sync_state")

    def _compute_tiva_sync_state(self):
        exchanges = self.env["claims.exchange"].sudo().search_read([
            ("res_model", "=", self._name),
            ("res_id", "in", [i for i in self._ids if isinstance(i, int)]),
            ("backend_model", "=", "claims.policyport.backend"), ("kind", "=", "reserve"),
        ], ["res_id", "state", "error_text"], order="id")
        latest = {exchange["res_id"]: exchange for exchange in exchanges}
        for line in self:
            exchange = latest.get(line.id)
            line.tiva_sync_state = exchange["state"] if exchange and exchange["state"] in (
                "pending", "done", "error") else False
            line.tiva_sync_error = exchange["error_text"] if exchange else False

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        if self.env.context.get(NO_EXPORT_KEY) is not FROM_POLICYPORT:
            self.env["claims.policyport.financials"]._queue_reserve_changes(lines)
        return lines
