# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class MailActivity(models.Model):
    _inherit = "mail.activity"

    workflow_instance_id = fields.Many2one(
        "claims.workflow.instance", readonly=True, ondelete="set null", index="btree_not_null"
    )
    workflow_step_id = fields.Many2one("claims.workflow.step", readonly=True, ondelete="set null")
    workflow_option_data = fields.Json(
        compute="_compute_workflow_option_data",
        help="The answers of a workflow question, shown as buttons on the activity.",
    )

    @api.depends("workflow_instance_id.state", "workflow_step_id")
    def _compute_workflow_option_data(self):
        for activity in self:
            instance = activity.workflow_instance_id.sudo()
            if (
                activity.active
                and instance.state == "question"
                and instance.activity_id == activity
            ):
                step = instance.step_id.with_context(lang=self.env.lang)
                activity.workflow_option_data = [
                    {"id": option.id, "name": option.name} for option in step.option_ids
                ]
            else:
                activity.workflow_option_data = False

    def _to_store_defaults(self, target):
        return super()._to_store_defaults(target) + ["workflow_option_data"]

    def _action_done(self, feedback=False, attachment_ids=None):
        questions = self.filtered(
            lambda a: a.workflow_option_data and not self.env.context.get("workflow_answering")
        )
        if questions:
            raise UserError(self.env._(
                "“%(activity)s” is a question of a workflow: answer it with one of its buttons.",
                activity=questions[0].summary,
            ))
        tasks = [
            (activity, activity.workflow_instance_id.sudo())
            for activity in self
            if activity.workflow_instance_id and activity.active
        ]
        result = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        if not self.env.context.get("workflow_answering"):
            for activity, instance in tasks:
                instance._on_activity_done(activity, self.env.user)
        return result

    def unlink(self):
        if not self.env.context.get("workflow_internal"):
            for activity in self.filtered(lambda a: a.workflow_instance_id and a.active):
                activity.workflow_instance_id.sudo()._on_activity_removed(activity, self.env.user)
        return super().unlink()

    def action_workflow_answer(self, option_id):
        """Answer the workflow question of this activity with the option ``option_id``."""
        self.ensure_one()
        instance = self.workflow_instance_id
        if not instance or instance.sudo().activity_id != self:
            raise UserError(self.env._("This activity no longer waits for an answer."))
        option = self.env["claims.workflow.option"].browse(int(option_id)).exists()
        if not option:
            raise UserError(self.env._("Unknown answer."))
        instance._answer(option)
        return True
