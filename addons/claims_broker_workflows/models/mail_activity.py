# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

# The link between an activity and its workflow: only the engine (superuser) sets it.
PROTECTED_FIELDS = {"workflow_instance_id", "workflow_step_id"}


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

    @api.depends("workflow_instance_id.state", "workflow_instance_id.activity_id",
                 "workflow_step_id")
    def _compute_workflow_option_data(self):
        for activity in self:
            instance = activity.workflow_instance_id.sudo()
            if activity.active and activity._is_waited_for("question"):
                step = instance.step_id.with_context(lang=self.env.lang)
                activity.workflow_option_data = [
                    {"id": option.id, "name": option.name} for option in step.option_ids
                ]
            else:
                activity.workflow_option_data = False

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(PROTECTED_FIELDS & set(vals) for vals in vals_list):
            raise AccessError(self.env._("Only a workflow plans its own activities."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            if PROTECTED_FIELDS & set(vals):
                raise AccessError(self.env._("Only a workflow plans its own activities."))
            if "active" in vals and not vals["active"]:
                self._check_not_waited_for()
        return super().write(vals)

    def unlink(self):
        """Deleting (or cancelling) the activity a workflow waits for pauses the workflow.
        The engine detaches an activity from its instance before it removes it itself."""
        for activity in self.filtered(lambda a: a.workflow_instance_id and a.active):
            activity.workflow_instance_id.sudo()._on_activity_removed(activity, self.env.user)
        return super().unlink()

    # ------------------------------------------------------------
    # Activity
    # ------------------------------------------------------------

    def _to_store_defaults(self, target):
        return super()._to_store_defaults(target) + ["workflow_option_data"]

    def _action_done(self, feedback=False, attachment_ids=None):
        """A question is answered with its buttons, never marked done; a task marked done
        moves its workflow on. ``_answer`` detaches a question from its instance before it
        closes it, so it is no longer waited for here."""
        questions = self.filtered(lambda a: a._is_waited_for("question"))
        if questions:
            raise UserError(self.env._(
                "“%(activity)s” is a question of a workflow: answer it with one of its buttons.",
                activity=questions[0].summary,
            ))
        tasks = [
            (activity, activity.workflow_instance_id.sudo())
            for activity in self
            if activity.active and activity._is_waited_for("task")
        ]
        for _activity, instance in tasks:
            instance.activity_id = False
        result = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        for activity, instance in tasks:
            instance._on_activity_done(activity, self.env.user)
        return result

    def action_workflow_answer(self, option_id):
        """Answer the workflow question of this activity with the option ``option_id``."""
        self.ensure_one()
        instance = self.workflow_instance_id
        if not instance or instance.sudo().activity_id != self:
            raise UserError(self.env._("This activity no longer waits for an answer."))
        option = self.env["claims.workflow.option"].sudo().browse(int(option_id)).exists()
        if not option:
            raise UserError(self.env._("Unknown answer."))
        instance._answer(option)
        return True

    # ------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------

    def _is_waited_for(self, state):
        """Whether this activity's workflow instance waits for it in ``state`` (``task`` or
        ``question``)."""
        self.ensure_one()
        instance = self.workflow_instance_id.sudo()
        return bool(instance) and instance.state == state and instance.activity_id == self

    def _check_not_waited_for(self):
        """Archiving is how an activity is marked done: refuse it on an activity a workflow
        waits for, which is marked done, answered or cancelled instead."""
        waited = self.filtered(
            lambda a: a._is_waited_for("task") or a._is_waited_for("question")
        )
        if waited:
            raise UserError(self.env._(
                "A workflow waits for “%(activity)s”: mark it done, answer it or cancel it.",
                activity=waited[0].summary,
            ))
