# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


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
        copy=False,  # a copied workflow points its answers at its own steps
        help="Empty: the step after the question.",
    )

    @api.constrains("next_step_id", "step_id")
    def _check_next_step(self):
        """An answer leads to a step of its own workflow."""
        for option in self:
            if option.next_step_id and option.next_step_id.definition_id != option.definition_id:
                raise ValidationError(self.env._(
                    "Answer %(answer)s leads to a step of another workflow.", answer=option.name
                ))

    @api.model_create_multi
    def create(self, vals_list):
        steps = self.env["claims.workflow.step"].browse(
            {vals.get("step_id") for vals in vals_list} - {None, False}
        )
        steps.check_access("write")
        steps.definition_id._freeze_running_version()
        return super().create(vals_list)

    def write(self, vals):
        if "step_id" in vals and not self.env.su:
            raise AccessError(self.env._("An answer stays with its question."))
        self.check_access("write")
        self.definition_id._freeze_running_version()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_running(self):
        """Not a refusal: running instances keep the answer in a frozen version."""
        self.definition_id._freeze_running_version()

    def action_choose(self):
        """Answer the question of the instance in the context with this option (instance
        form button). The context only names the instance, as a list button cannot pass an
        argument: ``_answer`` checks as the caller that they may read that instance and
        change its record, and that this option answers its current question."""
        self.ensure_one()
        instance = self.env["claims.workflow.instance"].browse(
            self.env.context.get("workflow_instance_id")
        ).exists()
        if not instance:
            raise UserError(self.env._("Open the workflow to answer its question."))
        instance._answer(self)
        return True
