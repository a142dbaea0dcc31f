# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, ValidationError

from .claims_workflow_definition import OFFSET_DIRECTIONS, OFFSET_UNITS

STEP_KINDS = [
    ("email", "Send e-mail"),
    ("task", "Task"),
    ("choice", "Multiple-choice question"),
    ("yes_no", "Yes/no question"),
    ("note", "Note"),
    ("goto", "Go to step"),
    ("end", "End"),
]
# Steps that create an activity and wait for it.
WAITING_KINDS = ("task", "choice", "yes_no")


class ClaimsWorkflowStep(models.Model):
    _name = "claims.workflow.step"
    _description = "Broker workflow step"
    _order = "definition_id, sequence, id"

    definition_id = fields.Many2one(
        "claims.workflow.definition", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    code = fields.Char(
        required=True,
        help="Short key of the step within its workflow, e.g. A2; packages and jumps use it.",
    )
    name = fields.Char(required=True, translate=True)
    kind = fields.Selection(STEP_KINDS, required=True, default="task")
    # E-mail
    mail_template_id = fields.Many2one("mail.template", string="E-mail template")
    # Task and questions
    activity_type_id = fields.Many2one("mail.activity.type", string="Activity type")
    assign_to = fields.Selection(
        [("responsible", "Responsible user of the record"), ("user", "A fixed user"),
         ("group", "First user of a group")],
        default="responsible",
        required=True,
    )
    user_id = fields.Many2one("res.users")
    group_id = fields.Many2one("res.groups")
    due_from = fields.Selection(
        [("anchor", "The anchor date"), ("today", "The day the step starts")],
        default="anchor",
        required=True,
    )
    due_amount = fields.Integer(string="Due", default=0)
    due_unit = fields.Selection(OFFSET_UNITS, default="day", required=True)
    due_direction = fields.Selection(OFFSET_DIRECTIONS, default="after", required=True)
    # Questions
    option_ids = fields.One2many("claims.workflow.option", "step_id", string="Answers", copy=True)
    # Notes (also the description of a task or question)
    note = fields.Html(translate=True, sanitize=True)
    note_on_customer = fields.Boolean(
        string="Also on the customer", default=True,
        help="Post the note on the customer's file as well as on the record.",
    )
    # Jumps
    goto_step_id = fields.Many2one(
        "claims.workflow.step",
        string="Go to",
        domain="[('definition_id', '=', definition_id)]",
        ondelete="set null",
        copy=False,  # a copied workflow points its jumps at its own steps
    )
    goto_max = fields.Integer(string="At most (times)", default=1)

    _code_definition_unique = models.Constraint(
        "UNIQUE (definition_id, code)", "Each step of a workflow has its own code."
    )

    @api.constrains("kind", "mail_template_id", "activity_type_id", "goto_step_id", "user_id",
                    "group_id", "assign_to")
    def _check_kind_settings(self):
        """Each kind of step has what it needs to run."""
        for step in self:
            error = step._settings_error(check_links=False)
            if error:
                raise ValidationError(error)

    @api.constrains("goto_step_id", "definition_id")
    def _check_goto_step(self):
        """A step jumps within its own workflow."""
        for step in self:
            if step.goto_step_id and step.goto_step_id.definition_id != step.definition_id:
                raise ValidationError(self.env._(
                    "Step %(step)s jumps to a step of another workflow.", step=step.code
                ))

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        definition_ids = {vals.get("definition_id") for vals in vals_list} - {None, False}
        definitions = self.env["claims.workflow.definition"].browse(definition_ids)
        definitions.check_access("write")
        definitions._freeze_running_version()
        for vals in vals_list:
            # A default of the form (the context of its steps list): a new yes/no question
            # gets its two answers. It only adds what the creating manager could add.
            if (
                vals.get("kind") == "yes_no"
                and not vals.get("option_ids")
                and self.env.context.get("workflow_default_yes_no")
            ):
                vals["option_ids"] = [
                    Command.create({"name": self.env._("Yes"), "sequence": 1, "answer": "yes"}),
                    Command.create({"name": self.env._("No"), "sequence": 2, "answer": "no"}),
                ]
        return super().create(vals_list)

    def write(self, vals):
        if "definition_id" in vals and not self.env.su:
            raise AccessError(self.env._("A step stays in its workflow."))
        if set(vals) - {"sequence"}:
            self.check_access("write")
            self.definition_id._freeze_running_version()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_running(self):
        """Not a refusal: running instances keep the step in a frozen version."""
        self.definition_id._freeze_running_version()

    # ------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------

    def _settings_error(self, check_links=True):
        """Return what this step lacks to run, or ``None``. Answers are checked apart
        and jumps (``check_links``): they may point to steps created later."""
        self.ensure_one()
        if self.kind == "email" and not self.mail_template_id:
            return self.env._("Step %(step)s sends an e-mail but has no template.", step=self.code)
        if self.kind == "email" and self.mail_template_id.model != self.definition_id.model:
            return self.env._("Step %(step)s: the template is not for %(model)s.",
                              step=self.code, model=self.definition_id.model)
        if self.kind in WAITING_KINDS and not self.activity_type_id:
            return self.env._("Step %(step)s needs an activity type.", step=self.code)
        if self.kind in WAITING_KINDS and self.assign_to == "user" and not self.user_id:
            return self.env._("Step %(step)s is for a fixed user but names none.", step=self.code)
        if self.kind in WAITING_KINDS and self.assign_to == "group" and not self.group_id:
            return self.env._("Step %(step)s is for a group but names none.", step=self.code)
        if check_links and self.kind == "goto" and not self.goto_step_id:
            return self.env._("Step %(step)s jumps but names no step.", step=self.code)
        if check_links and self.kind in ("choice", "yes_no") and not self.option_ids:
            return self.env._("Question %(step)s has no answers.", step=self.code)
        return None

    def _next_in_sequence(self):
        """The step after this one in its workflow (an empty recordset after the last)."""
        self.ensure_one()
        steps = self.definition_id.step_ids.sorted(lambda s: (s.sequence, s.id))
        index = list(steps).index(self)
        return steps[index + 1] if index + 1 < len(steps) else self.browse()
