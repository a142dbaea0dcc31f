# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The answers of claims.incident: what the reporter answered to the questions of the
incident form that fill no incident field, kept with the labels they were asked with."""

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError

from .claims_incident_form_question import TARGET_FIELDS

# What the reporter answered is kept as it was sent: only the phone form (as superuser) writes it.
PROTECTED_FIELDS = ("incident_form_id", "form_answers", "form_health_answers")


class ClaimsIncident(models.Model):
    _inherit = "claims.incident"

    incident_form_id = fields.Many2one(
        "claims.incident.form", string="Reported with", readonly=True, copy=False,
        index="btree_not_null",
    )
    form_answers = fields.Json(
        string="Answers", readonly=True, copy=False, groups="claims_base.group_claims_user",
    )
    # Health answers are kept apart: only the injury and health group reads them.
    form_health_answers = fields.Json(
        string="Health answers", readonly=True, copy=False,
        groups="claims_base.group_claims_health",
    )
    form_answers_html = fields.Html(
        string="Answers of the form", compute="_compute_form_answers_html", sanitize=False,
        groups="claims_base.group_claims_user",
    )

    @api.depends("form_answers", "form_health_answers")
    @api.depends_context("uid")
    def _compute_form_answers_html(self):
        fields_shown = [
            self._fields[name] for name in ("form_answers", "form_health_answers")
            if self._has_field_access(self._fields[name], "read")
        ]
        yes_no = {True: self.env._("Yes"), False: self.env._("No")}
        for incident in self:
            answers = []
            for field in fields_shown:
                answers += incident[field.name] or []
            html = Markup()
            for section in dict.fromkeys(answer.get("section") or "" for answer in answers):
                rows = Markup().join(
                    Markup("<dt>%s</dt><dd>%s</dd>") % (
                        answer.get("label") or answer.get("code"),
                        yes_no.get(answer.get("value"), answer.get("display") or ""),
                    )
                    for answer in answers if (answer.get("section") or "") == section
                )
                html += Markup('<h5 class="mt-2">%s</h5><dl class="o_claims_answers">%s</dl>') % (
                    escape(section), rows)
            incident.form_answers_html = html or False

    # ------------------------------------------------------------------ CRUD

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_answers_untouched(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_answers_untouched(vals)
        return super().write(vals)

    def _check_answers_untouched(self, vals):
        if not self.env.su and any(name in vals for name in PROTECTED_FIELDS):
            raise AccessError(self.env._("The answers of a report cannot be changed."))

    # ------------------------------------------------------------------ business

    def _get_form_answer(self, code):
        """The answer (key, text, number, True/False) to question ``code``, or None;
        health answers are not read here."""
        self.ensure_one()
        for answer in self.sudo().form_answers or []:
            if answer.get("code") == code:
                return answer.get("value")
        return None

    @api.model
    def _intake_check_answers(self, incident_form, form):
        """Check the answers to the questions of ``incident_form`` posted in ``form``.

        Only the form's own questions are read; any other posted name is ignored.

        :returns: ``(targets, answers, health_answers, errors)``: the values of the
            whitelisted incident fields, the answers to keep, the health answers to keep
            apart, and the errors by input name
        """
        targets, answers, health, errors = {}, [], [], {}
        for question in incident_form.question_ids.sorted(
            lambda q: (q.section_id.sequence, q.section_id.id, q.sequence, q.id)
        ):
            name = question._get_input_name()
            value, display, error = question._parse_answer(form.get(name))
            if error:
                errors[name] = error
                continue
            if question.target in TARGET_FIELDS:
                if value is not None or question.kind == "yes_no":
                    targets[question.target] = bool(value) if question.kind == "yes_no" else value
                continue
            if value is None:
                continue
            (health if question.is_health else answers).append({
                "code": question.code,
                "section": question.section_id.name,
                "label": question.label,
                "kind": question.kind,
                "value": value,
                "display": display,
            })
        return targets, answers, health, errors
