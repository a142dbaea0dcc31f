# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class ClaimsWorkflowOption(models.Model):
    _name = "claims.workflow.option"
    _description = "Answer to a workflow question"
    _order = "step_id, sequence, id"

    step_id = fields.Many2one("claims.workflow.step", required=True, ondelete="cascade", index=True)
    definition_id = fields.Many2one(related="step_id.definition_id")
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Answer", required=True, translate=True)
    answer = fields.Selection(
        [("yes", "Yes"), ("no", "No")],
        string="Yes or no",
        help="Set on the two answers of a yes/no question.",
    )
    next_step_id = fields.Many2one(
        "claims.workflow.step",
        string="Then go to",
        domain="[('definition_id', '=', definition_id)]",
        ondelete="set null",
        help="Empty: the step after the question.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.context.get("workflow_versioning"):
            steps = self.env["claims.workflow.step"].browse(
                {vals.get("step_id") for vals in vals_list} - {None, False}
            )
            steps.definition_id._freeze_running_version()
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.context.get("workflow_versioning"):
            self.definition_id._freeze_running_version()
        return super().write(vals)

    def action_choose(self):
        """Answer the question of the instance in the context with this option (instance
        form button)."""
        self.ensure_one()
        instance = self.env["claims.workflow.instance"].browse(
            self.env.context.get("workflow_instance_id")
        ).exists()
        if not instance:
            raise UserError(self.env._("Open the workflow to answer its question."))
        instance._answer(self)
        return True
