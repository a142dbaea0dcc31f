# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from markupsafe import Markup, escape
from psycopg2 import IntegrityError

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import shift_date

_logger = logging.getLogger(__name__)

MAX_STEPS_PER_RUN = 200


class ClaimsWorkflowInstance(models.Model):
    """The step engine: an instance starts, runs its steps one after the other and waits
    for a task to be done or a question to be answered, then goes on.

    Kept apart from claims_workflow_instance.py, which holds the fields, the buttons and the
    helpers the engine writes with.
    """

    _inherit = "claims.workflow.instance"

    # ------------------------------------------------------------
    # Start
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

    # ------------------------------------------------------------
    # Steps
    # ------------------------------------------------------------

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
        if self.partner_id and not self.partner_id.email:
            self._reach_without_email(step)
            return step._next_in_sequence()
        mail_id = template.send_mail(self.res_id, force_send=False)
        mail = self.env["mail.mail"].browse(mail_id)
        self._log(step, self.env._(
            "E-mail “%(subject)s” queued for %(to)s.",
            subject=mail.subject, to=mail.recipient_ids.mapped("email") and ", ".join(
                mail.recipient_ids.mapped("email")) or mail.email_to or "-",
        ))
        return step._next_in_sequence()

    def _reach_without_email(self, step):
        """The e-mail of ``step`` for a customer without an address: as a letter (the mail in
        the customer's language as a PDF on the record, with a task to post it) or as a task
        to phone them, as the definition says."""
        record = self._record()
        template = step.mail_template_id
        subject = template._render_field("subject", [self.res_id], compute_lang=True)[self.res_id]
        body = template._render_field("body_html", [self.res_id], compute_lang=True)[self.res_id]
        user = self._assignee(step)
        Activity = self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True)
        values = {
            "res_model_id": self.env["ir.model"]._get_id(record._name),
            "res_id": record.id,
            "user_id": user.id,
            "date_deadline": fields.Date.context_today(self),
        }
        customer = self.partner_id
        if self.definition_id.no_email == "phone":
            Activity.create({**values,
                             "activity_type_id": self.env.ref("mail.mail_activity_data_call").id,
                             "summary": self.env._("Call %(customer)s: %(subject)s",
                                                   customer=customer.name, subject=subject),
                             "note": body})
            self._log(step, self.env._(
                "%(customer)s has no e-mail address: phone task for %(user)s instead of "
                "“%(subject)s”.", customer=customer.name, user=user.name, subject=subject))
            return
        letter = Markup(
            "<html><head><meta charset='utf-8'/></head><body style='font-family: sans-serif; "
            "font-size: 12pt; margin: 2cm'><p>%s</p><p>%s</p><h3>%s</h3>%s</body></html>"
        ) % (Markup("<br/>").join(customer._display_address().splitlines()) if customer.street
             else customer.name, self.with_context(lang=customer.lang or self._lang())
             ._format_date(fields.Date.context_today(self)), subject,
             body)
        pdf = self.env["ir.actions.report"]._run_wkhtmltopdf([str(letter)])
        attachment = self.env["ir.attachment"].sudo().create({
            "name": f"{subject} - {customer.name}.pdf".replace("/", "-"),
            "raw": pdf, "mimetype": "application/pdf",
            "res_model": record._name, "res_id": record.id,
        })
        Activity.create({**values,
                         "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
                         "summary": self.env._("Print and post the letter “%(subject)s”",
                                               subject=subject),
                         "note": Markup("<p>%s</p>") % self.env._(
                             "%(customer)s has no e-mail address: the letter is attached to "
                             "the record (%(file)s).", customer=customer.name,
                             file=attachment.name)})
        self._log(step, self.env._(
            "%(customer)s has no e-mail address: letter “%(file)s” to post, task for %(user)s.",
            customer=customer.name, file=attachment.name, user=user.name))

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

    # ------------------------------------------------------------
    # Activities and answers
    # ------------------------------------------------------------

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

    # ------------------------------------------------------------
    # Anchor date
    # ------------------------------------------------------------

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
