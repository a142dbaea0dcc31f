# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .. import mapping


class ClaimsOpusJobUpdate(models.Model):
    """A "Status/progress" or "Repair dates" entry of a completion job: sent to Opus as a
    timestamped update when it is created (one exchange each). Fixed once written."""

    _name = "claims.opus.job.update"
    _description = "Opus completion update"
    _inherit = ["claims.exchange.record.mixin"]
    _order = "timestamp desc, id desc"

    job_id = fields.Many2one("claims.opus.job", required=True, ondelete="cascade", index=True,
                             domain=[("job_type", "=", "completion")])
    company_id = fields.Many2one(related="job_id.company_id", store=True)
    kind = fields.Selection(list(mapping.UPDATE_KINDS), string="Update type", required=True,
                            default="status")
    preset = fields.Selection(list(mapping.UPDATE_PRESETS), string="Common update",
                              help="Fills the text; any text is fine.")
    text = fields.Text(string="Update", compute="_compute_text", store=True, readonly=False,
                       required=True)
    timestamp = fields.Datetime(string="Date and time", required=True,
                                default=lambda self: fields.Datetime.now())

    @api.depends("preset")
    def _compute_text(self):
        labels = dict(mapping.UPDATE_PRESETS)
        for update in self:
            update.text = labels[update.preset] if update.preset else update.text

    @api.model_create_multi
    def create(self, vals_list):
        labels = dict(mapping.UPDATE_PRESETS)
        for vals in vals_list:
            if vals.get("preset") and not vals.get("text"):
                vals["text"] = labels.get(vals["preset"])
        updates = super().create(vals_list)
        for update in updates:
            if update.job_id.job_type != "completion":
                raise UserError(self.env._("Progress updates belong to the completion job."))
            update.job_id.check_access("write")
            backend = update.job_id.claim_id.sudo().opus_backend_id
            if backend:
                self.env["claims.exchange"]._create_for(backend, [{
                    "direction": "out", "kind": "completion_update",
                    "external_id": update.job_id.claim_id.opus_allocation_id,
                    "res_model": self._name, "res_id": update.id}])._enqueue()
        return updates

    def write(self, vals):
        if {"job_id", "kind", "text", "timestamp"} & set(vals):
            raise UserError(self.env._(
                "An update sent to Opus stays as it was: add a new update instead."))
        return super().write(vals)

    @api.model
    def _send_exchange(self, backend, exchange, client):
        update = self.browse(exchange.res_id).exists()
        if not update:
            exchange._set_skipped(self.env._("The update was deleted."))
            return update
        result = client.post_completion_update(
            exchange.external_id, update.kind, update.text, update.timestamp)
        exchange._set_done(update, summary=result["message"] if result["posted"]
                           else self.env._("Already in Opus."))
        return update
