# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

STATES = [
    ("running", "Running"),
    ("task", "Waiting for a task"),
    ("question", "Waiting for an answer"),
    ("paused", "Paused"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]


class ClaimsWorkflowInstance(models.Model):
    """One run of a workflow definition for one record and one anchor date.

    Rights: claims users read the instances of their companies and answer their questions
    (``_answer`` also requires write access to the record); managers also pause, resume and
    cancel them. Nobody writes, creates or deletes an instance directly: the scan and the
    engine do, in sudo, after checking who asks. The engine, which starts an instance and
    moves it through its steps, is in claims_workflow_instance_engine.py.
    """

    _name = "claims.workflow.instance"
    _description = "Broker workflow instance"
    _order = "date_start desc, id desc"
    _rec_name = "display_name"

    definition_id = fields.Many2one(
        "claims.workflow.definition", required=True, ondelete="cascade", readonly=True,
        string="Workflow",
    )
    version_id = fields.Many2one(
        "claims.workflow.definition", required=True, ondelete="cascade", readonly=True,
        string="Running version", index=True, context={"active_test": False},
    )
    version = fields.Integer(related="version_id.version")
    res_model = fields.Char(related="definition_id.model", store=True, string="Model")
    res_id = fields.Many2oneReference(
        string="Record id", model_field="res_model", required=True, readonly=True, index=True
    )
    res_name = fields.Char(string="Record", compute="_compute_res_name")
    company_id = fields.Many2one("res.company", readonly=True, index=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    date_anchor = fields.Date(string="Anchor date", required=True, readonly=True)
    date_start = fields.Date(string="Start moment", readonly=True)
    state = fields.Selection(STATES, default="running", required=True, readonly=True, index=True)
    step_id = fields.Many2one("claims.workflow.step", string="Current step", readonly=True)
    step_kind = fields.Selection(related="step_id.kind")
    activity_id = fields.Many2one("mail.activity", readonly=True, ondelete="set null")
    option_ids = fields.Many2many(
        "claims.workflow.option", compute="_compute_option_ids", string="Possible answers"
    )
    goto_counts = fields.Json(default=dict, readonly=True)
    anchor_moved = fields.Boolean(readonly=True)
    history_ids = fields.One2many("claims.workflow.history", "instance_id", readonly=True)

    _definition_record_anchor_unique = models.Constraint(
        "UNIQUE (definition_id, res_id, date_anchor)",
        "This workflow already runs for this record and date.",
    )

    @api.depends("res_model", "res_id")
    def _compute_res_name(self):
        for instance in self:
            record = instance._record(check=True)
            instance.res_name = record.display_name if record else False

    @api.depends("definition_id", "res_name", "date_anchor")
    def _compute_display_name(self):
        # a workflow shared by every company is readable by administrators only; its
        # instances on a user's records are the user's
        for instance in self:
            instance.display_name = (
                f"{instance.definition_id.sudo().name} - {instance.res_name or ''}"
            )

    @api.depends("state", "step_id")
    def _compute_option_ids(self):
        for instance in self:
            instance.option_ids = (
                instance.step_id.option_ids if instance.state == "question" else False
            )

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def action_open_record(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def action_pause(self):
        self._check_manager()
        for instance in self.filtered(lambda i: i.state in ("running", "task", "question")):
            instance.sudo()._pause(self.env._("Paused by %(user)s.", user=self.env.user.name))

    def action_resume(self):
        """Plan the current step's activity again and wait for it."""
        self._check_manager()
        for instance in self.filtered(lambda i: i.state == "paused").sudo():
            instance._log(instance.step_id, instance.env._("Resumed."), user=self.env.user)
            instance.state = "running"
            instance._run()

    def action_cancel(self):
        self._check_manager()
        for instance in self.filtered(lambda i: i.state not in ("done", "cancelled")).sudo():
            instance._close_activity()
            instance.state = "cancelled"
            instance._log(instance.step_id, instance.env._("Cancelled."), user=self.env.user)

    def _end_replaced(self, report):
        """End these instances (sudo): their record was replaced by ``report``."""
        for instance in self:
            instance._close_activity()
            instance.state = "done"
            instance._log(instance.step_id, instance.env._(
                "Ended: a new inspection report, %(report)s, was recorded for this object "
                "(end date %(date)s).", report=report.display_name,
                date=instance._format_date(report.date_end) or "-"))

    # ------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------

    def _record(self, check=False):
        """The instance's record (sudo), ``None`` when its model is gone or, with ``check``,
        when the record was deleted (one query, so only where it matters)."""
        self.ensure_one()
        if not self.res_model or self.res_model not in self.env:
            return None
        record = self.env[self.res_model].sudo().browse(self.res_id)
        if check:
            record = record.exists()
        return record or None

    def _lang(self):
        """Language of the texts an instance writes: its responsible user's, else the
        company's."""
        user = self.version_id.user_path and self._record() and self._record().mapped(
            self.version_id.user_path
        )[:1]
        return (user and user.lang) or self.company_id.partner_id.lang or self.env.lang

    def _format_date(self, value):
        """A date as the language of the instance writes it in words (31 december 2027 in
        Dutch, December 31, 2027 in English)."""
        return format_date(self.env, value, date_format="long") if value else ""

    def _log(self, step, message, user=None, option=None, post=True):
        """One line of the instance's history, also posted on the record's chatter."""
        self.ensure_one()
        user = user or self.env.user
        self.env["claims.workflow.history"].sudo().create({
            "instance_id": self.id,
            "step_id": step.id if step else False,
            "step_name": step.name if step else False,
            "message": message,
            "user_id": user.id,
            "option_id": option.id if option else False,
        })
        record = self._record() if post else None
        if record is not None and hasattr(record, "message_post"):
            title = self.definition_id.name
            if step:
                title = f"{title} · {step.name}"
            record.message_post(
                body=Markup("<p><b>%s</b><br/>%s</p>") % (title, message),
                subtype_xmlid="mail.mt_note",
                author_id=user.partner_id.id,
            )

    def _check_manager(self):
        if not self.env.user.has_group("claims_base.group_claims_manager"):
            raise UserError(self.env._("Only claims managers can pause, resume or cancel a "
                                       "workflow."))
        self.check_access("read")
