# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

SYNC_STATES = [("pending", "Pending"), ("done", "Successful"), ("error", "Failed")]


class ClaimsExchangeRecordMixin(models.AbstractModel):
    """What a business record shows of its connectors, without naming any.

    Its exchanges (smart button), its sync status read from its latest outbound exchange
    (per backend in ``_get_sync_statuses``; the fields show the latest of any backend), and
    the rule that a record bound to a backend cannot be deleted (archive it instead).
    """

    _name = "claims.exchange.record.mixin"
    _description = "Record exchanged with connectors"

    exchange_count = fields.Integer(compute="_compute_exchange_count")
    sync_state = fields.Selection(SYNC_STATES, compute="_compute_sync_state")
    sync_error = fields.Text(compute="_compute_sync_state")
    sync_backend = fields.Char(compute="_compute_sync_state")

    def _compute_exchange_count(self):
        counts = dict(self.env["claims.exchange"]._read_group(
            [("res_model", "=", self._name), ("res_id", "in", self.ids)], ["res_id"], ["__count"]
        ))
        for record in self:
            record.exchange_count = counts.get(record.id, 0)

    def _compute_sync_state(self):
        statuses = self._get_sync_statuses()
        for record in self:
            latest = max(statuses.get(record.id, {}).values(), key=lambda s: s["id"],
                         default=None)
            record.sync_state = latest["state"] if latest else False
            record.sync_error = latest["error"] if latest else False
            record.sync_backend = latest["backend"] if latest else False

    def _get_sync_statuses(self):
        """{record id: {(backend model, backend id): {state, error, backend, id}}} from the
        latest outbound exchange of each record per backend (one query)."""
        if not self.ids:
            return {}
        self.env["claims.exchange"].flush_model()
        self.env.cr.execute("""
            SELECT DISTINCT ON (res_id, backend_model, backend_id)
                   res_id, backend_model, backend_id, id, state, error_text
              FROM claims_exchange
             WHERE res_model = %s AND res_id = ANY(%s) AND direction = 'out'
          ORDER BY res_id, backend_model, backend_id, id DESC
        """, (self._name, list(self.ids)))
        result = {}
        for res_id, backend_model, backend_id, exchange_id, state, error in self.env.cr.fetchall():
            backend = self.env[backend_model].browse(backend_id) if backend_model in self.env \
                else None
            if not getattr(backend, "_exchange_sync_status", True):
                continue  # e.g. webhook deliveries: not the record's synchronisation
            result.setdefault(res_id, {})[backend_model, backend_id] = {
                "id": exchange_id,
                "state": state if state in ("pending", "done", "error") else False,
                "error": error or False,
                "backend": backend.sudo().display_name if backend else backend_model,
            }
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_bound(self):
        bound = self.env["claims.binding"].sudo().search_count(
            [("res_model", "=", self._name), ("res_id", "in", self.ids)], limit=1
        )
        if bound:
            raise UserError(self.env._(
                "This record came from or went to a connected system: archive it instead of "
                "deleting it, so that it is not imported again."
            ))

    def action_view_exchanges(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "claims_connector.claims_exchange_action"
        )
        action["domain"] = [("res_model", "=", self._name), ("res_id", "=", self.id)]
        action["context"] = {}
        return action
