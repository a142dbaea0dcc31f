# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.claims_sinapps_sollicitation import KINDS


class ClaimsSinappsSollicitationSend(models.TransientModel):
    """Ask the insurer or the expert something through Sinapps, or answer what they asked.

    Sinapps' matrix is checked here, before anything is sent: a refusal says what is allowed.
    """

    _name = "claims.sinapps.sollicitation.send"
    _description = "Send a Sinapps sollicitation"

    claim_id = fields.Many2one("claims.claim", required=True, readonly=True)
    answer_to_id = fields.Many2one("claims.sinapps.sollicitation", string="Answer to",
                                   readonly=True)
    recipient = fields.Selection([("insurer", "Insurer"), ("expert", "Expert")], string="To",
                                 default="insurer")
    kind = fields.Selection(KINDS, string="Type", default="clarification")
    text = fields.Text(string="Message", required=True)
    date_due = fields.Date(string="Due date")
    attachment_ids = fields.Many2many("ir.attachment", string="Attachments")
    allowed = fields.Char(compute="_compute_allowed", string="Sinapps allows")

    @api.depends("recipient")
    def _compute_allowed(self):
        allowed = self.env["claims.sinapps.sollicitation"]._matrix_allowed("platform")
        for wizard in self:
            wizard.allowed = allowed

    def action_send(self):
        self.ensure_one()
        claim = self.claim_id
        claim.check_access("write")
        Sollicitation = self.env["claims.sinapps.sollicitation"]
        Outbound = self.env["claims.sinapps.outbound"]
        files = self.attachment_ids.sudo()
        if self.answer_to_id:
            record = self.answer_to_id.sudo()
            if record.claim_id != claim or record.direction != "in" or record.state not in (
                    "open", "error"):
                raise UserError(self.env._("Only an open sollicitation to the platform is "
                                           "answered."))
            record.write({"answer": self.text, "state": "answering",
                          "attachment_ids": [fields.Command.link(a.id) for a in files]})
            files.write({"res_model": record._name, "res_id": record.id})
            Outbound._send(claim, "sollicitation_answer", record)
            if record.activity_id:
                record.activity_id.action_feedback(feedback=self.text)
            return {"type": "ir.actions.act_window_close"}
        problem = Sollicitation._matrix_problem("platform", self.recipient, self.kind)
        if problem:
            raise UserError(problem)
        # the matrix was checked just above; the exchange's job sends it
        record = Sollicitation.sudo().create({
            "claim_id": claim.id, "direction": "out", "kind": self.kind, "sender": "platform",
            "recipient": self.recipient, "text": self.text, "date_due": self.date_due,
            "attachment_ids": [fields.Command.set(files.ids)]})
        files.write({"res_model": record._name, "res_id": record.id})
        Outbound._send(claim, "sollicitation", record)
        return {"type": "ir.actions.act_window_close"}
