# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ClaimsWorkflowHistory(models.Model):
    """The path of an instance, one line per event: which step, when, who, which answer."""

    _name = "claims.workflow.history"
    _description = "Broker workflow history line"
    _order = "instance_id, id"

    instance_id = fields.Many2one(
        "claims.workflow.instance", required=True, ondelete="cascade", index=True
    )
    step_id = fields.Many2one("claims.workflow.step", string="Workflow step", ondelete="set null")
    step_name = fields.Char(string="Step")
    date = fields.Datetime(string="When", default=fields.Datetime.now, required=True)
    user_id = fields.Many2one("res.users", string="Who")
    option_id = fields.Many2one("claims.workflow.option", string="Answer", ondelete="set null")
    message = fields.Char(string="What")
