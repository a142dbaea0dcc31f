# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from markupsafe import Markup, escape
from psycopg2 import IntegrityError

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from .claims_workflow_definition import shift_date
from .claims_workflow_step import WAITING_KINDS

_logger = logging.getLogger(__name__)

STATES = [
    ("running", "Running"),
    ("task", "Waiting for a task"),
    ("question", "Waiting for an answer"),
    ("paused", "Paused"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]
MAX_STEPS_PER_RUN = 200


class ClaimsWorkflowInstance(models.Model):
    """One run of a workflow definition for one record and one anchor date.

    Rights: claims users read the instances of their companies and answer their questions
    (``_answer`` also requires write access to the record); managers also pause, resume and
    cancel them. Nobody writes, creates or deletes an instance directly: the scan and the
    engine do, in sudo, after checking who asks.
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

    # ------------------------------------------------------------
    # Engine
    # ------------------------------------------------------------

    @api.model
    def _start_batch(self, rows):
        """Create and run the instances of ``rows`` ``(definition_id, res_id, anchor)``.
        The unique key decides: a row another run already started is skipped."""
        definitions = self.env["claims.workflow.definition"].browse({row[0] for row in rows})
        vals_list = [self._prepare_instance_values(definitions.browse(d), r, a) for d, r, a in rows]
        try:
            with self.env.cr.savepoint():
                instances = self.create(vals_list)
        except IntegrityError:
            instances = self.browse()
            for vals in vals_list:
                try:
                    with self.env.cr.savepoint():
                        instances |= self.create(vals)
                except IntegrityError:
                    _logger.info("Workflow instance already started: %s", vals)
        for instance in instances:
            instance = instance.with_context(lang=instance._lang())
            instance._log(
                instance.step_id,
                instance.env._(
                    "Started for the date %(anchor)s (start moment %(start)s).",
                    anchor=instance._format_date(instance.date_anchor),
                    start=instance._format_date(instance.date_start),
                ),
            )
            instance._run()
        return instances

    @api.model
    def _prepare_instance_values(self, definition, res_id, anchor):
        record = self.env[definition.model].browse(res_id)
        partner = definition.partner_path and record.mapped(definition.partner_path)[:1]
        company = record.company_id if "company_id" in record._fields else definition.company_id
        steps = definition.step_ids.sorted(lambda s: (s.sequence, s.id))
        return {
            "definition_id": definition.id,
            "version_id": definition.id,
            "res_id": res_id,
            "date_anchor": anchor,
            "date_start": definition._start_moment(anchor),
            "company_id": company.id or False,
            "partner_id": partner.id if partner else False,
            "step_id": steps[:1].id,
        }

    def _run(self):
        """Execute steps until the instance waits (task, question), ends or pauses."""
        self.ensure_one()
        if self.state == "running" and not self._record(check=True):
            self.state = "cancelled"
            self._log(self.step_id, self.env._("The record no longer exists."), post=False)
            return
        instance = self.with_context(lang=self._lang())
        for _iteration in range(MAX_STEPS_PER_RUN):
            if instance.state != "running":
                return
            step = instance.step_id
            if not step:
                instance._finish()
                return
            instance._check_anchor_moved()
            next_step = getattr(instance, f"_run_{step.kind}")(step)
            if next_step is not None:
                instance.step_id = next_step
                if not next_step:
                    instance._finish()
                    return
        instance._pause(instance.env._("Stopped after %(n)s steps in one go: check the jumps.",
                                       n=MAX_STEPS_PER_RUN))

    def _run_email(self, step):
        template = step.mail_template_id
        mail_id = template.send_mail(self.res_id, force_send=False)
        mail = self.env["mail.mail"].browse(mail_id)
        self._log(step, self.env._(
            "E-mail “%(subject)s” queued for %(to)s.",
            subject=mail.subject, to=mail.recipient_ids.mapped("email") and ", ".join(
                mail.recipient_ids.mapped("email")) or mail.email_to or "-",
        ))
        return step._next_in_sequence()

    def _run_note(self, step):
        record = self._record()
        body = step.with_context(lang=self._lang()).note or escape(step.name)
        note = Markup("<p><b>%s</b></p>%s") % (self.definition_id.name, body)
        if hasattr(record, "message_post"):
            record.message_post(body=note, subtype_xmlid="mail.mt_note")
        if step.note_on_customer and self.partner_id:
            self.partner_id.message_post(body=note, subtype_xmlid="mail.mt_note")
        self._log(step, self.env._("Note written: %(note)s", note=step.name))
        return step._next_in_sequence()

    def _run_goto(self, step):
        if not step.goto_step_id:
            self._pause(step._settings_error())
            return None
        counts = dict(self.goto_counts or {})
        done = counts.get(step.code, 0)
        if done < step.goto_max:
            counts[step.code] = done + 1
            self.goto_counts = counts
            self._log(step, self.env._(
                "Back to “%(target)s” (%(n)s of at most %(max)s).",
                target=step.goto_step_id.name, n=done + 1, max=step.goto_max,
            ))
            return step.goto_step_id
        self._log(step, self.env._(
            "Already went back %(max)s times: carrying on.", max=step.goto_max
        ))
        return step._next_in_sequence()

    def _run_end(self, step):
        return self.step_id.browse()

    def _run_task(self, step):
        error = step._settings_error()
        if error:
            self._pause(error)
            return None
        activity = self._plan_activity(step)
        self.state = "question" if step.kind in ("choice", "yes_no") else "task"
        self._log(step, self.env._(
            "Planned for %(user)s, due %(date)s.",
            user=activity.user_id.name, date=self._format_date(activity.date_deadline),
        ))
        return None

    _run_choice = _run_task
    _run_yes_no = _run_task

    def _finish(self):
        self.state = "done"
        self.step_id = False
        self._log(self.step_id, self.env._("Workflow ended."))

    def _pause(self, reason):
        self._close_activity()
        self.state = "paused"
        self._log(self.step_id, reason)

    def _plan_activity(self, step):
        record = self._record()
        user = self._assignee(step)
        base = self.date_anchor if step.due_from == "anchor" else fields.Date.context_today(self)
        due = shift_date(base, step.due_amount, step.due_unit, step.due_direction)
        due = max(due, fields.Date.context_today(self))
        step_lang = step.with_context(lang=user.lang or self._lang())
        activity = self.env["mail.activity"].sudo().with_context(
            mail_activity_quick_update=True
        ).create({
            "res_model_id": self.env["ir.model"]._get_id(record._name),
            "res_id": record.id,
            "activity_type_id": step.activity_type_id.id,
            "summary": step_lang.name,
            "note": step_lang.note,
            "user_id": user.id,
            "date_deadline": due,
            "workflow_instance_id": self.id,
            "workflow_step_id": step.id,
        })
        self.activity_id = activity
        return activity

    def _assignee(self, step):
        """The user of a task: the record's responsible user, a fixed user or the first user
        of a group; the instance company's first claims manager when none is found."""
        user = self.env["res.users"]
        if step.assign_to == "user":
            user = step.user_id
        elif step.assign_to == "group":
            user = step.group_id.user_ids.filtered(
                lambda u: u.active and (not self.company_id or self.company_id in u.company_ids)
            ).sorted("id")[:1]
        elif self.version_id.user_path:
            user = self._record().mapped(self.version_id.user_path)[:1]
        if not user:
            managers = self.env.ref("claims_base.group_claims_manager").user_ids.filtered(
                lambda u: u.active and u.id != 1
                and (not self.company_id or self.company_id in u.company_ids)
            )
            user = managers.sorted("id")[:1] or self.env.ref("base.user_admin")
        return user

    def _close_activity(self):
        """Remove the activity the instance waits for; detached first, its removal does not
        pause the instance."""
        activity = self.activity_id
        self.activity_id = False
        if activity.exists() and activity.active:
            activity.sudo().unlink()

    def _on_activity_done(self, activity, user):
        """The task ``activity`` this instance waited for (detached by ``_action_done``) was
        marked done: log it and go on with the next step."""
        self.ensure_one()
        instance = self.with_context(lang=self._lang())
        if instance.state != "task" or instance.activity_id:
            return
        step = instance.step_id
        instance._log(step, instance.env._("Done."), user=user)
        instance.state = "running"
        instance.step_id = step._next_in_sequence()
        if not instance.step_id:
            instance._finish()
            return
        instance._run()

    def _on_activity_removed(self, activity, user):
        """A task or question was cancelled or deleted: pause and say so."""
        if self.activity_id == activity and self.state in ("task", "question"):
            self.activity_id = False
            self.with_context(lang=self._lang())._pause(self.with_context(
                lang=self._lang()
            ).env._(
                "Paused: the activity “%(activity)s” was cancelled by %(user)s. "
                "Resume the workflow from its form to plan it again.",
                activity=activity.summary or activity.activity_type_id.name, user=user.name,
            ))

    def _answer(self, option):
        """Answer the waiting question with ``option`` as the current user: they read the
        instance and may change its record."""
        self.ensure_one()
        self.check_access("read")
        user = self.env.user
        option = option.sudo()
        if self.state != "question" or option.step_id != self.step_id:
            raise UserError(self.env._("This question has already been answered."))
        record = self._record()
        if not record or not record.with_env(self.env).has_access("write"):
            raise UserError(self.env._("You cannot change %(record)s.", record=self.res_name))
        instance = self.sudo().with_context(lang=self._lang())
        activity = instance.activity_id
        instance.activity_id = False
        if activity.exists() and activity.active:
            # detached above: closed as answered, not refused as an unanswered question
            activity.with_user(user).sudo()._action_done(
                feedback=option.with_context(lang=instance.env.lang).name
            )
        answer = option.with_context(lang=instance.env.lang).name
        instance._log(instance.step_id, instance.env._("Answer: %(answer)s", answer=answer),
                      user=user, option=option)
        instance.state = "running"
        instance.step_id = option.next_step_id or instance.step_id._next_in_sequence()
        if not instance.step_id:
            instance._finish()
            return
        instance._run()

    def _check_anchor_moved(self):
        """When the record's date is no longer the anchor, keep the dates and say so."""
        for instance in self:
            if instance.anchor_moved or instance.version_id.repeat:
                continue
            record = instance._record(check=True)
            if not record:
                continue
            value = record[instance.version_id.date_field]
            current = value.date() if hasattr(value, "date") else value
            if current != instance.date_anchor:
                instance.anchor_moved = True
                instance.with_context(lang=instance._lang())._log(
                    instance.step_id, instance.with_context(lang=instance._lang()).env._(
                        "The date moved from %(old)s to %(new)s: this workflow keeps its "
                        "dates; a new one starts for the new date.",
                        old=instance._format_date(instance.date_anchor),
                        new=instance._format_date(current) if current else "-",
                    ),
                )

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
        """A date as the language of the instance writes it (31-12-2027 in Dutch)."""
        return format_date(self.env, value) if value else ""

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
