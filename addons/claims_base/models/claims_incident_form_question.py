# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math
import re
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import ValidationError

QUESTION_KINDS = [
    ("text", "Short text"),
    ("long_text", "Long text"),
    ("yes_no", "Yes or no"),
    ("choice", "Choice"),
    ("date", "Date"),
    ("number", "Number"),
    ("amount", "Amount"),
]
# The incident fields an answer may fill, and the kinds of question that fit each. Nothing
# else of the incident is ever written from a form: any other answer is stored as an answer.
TARGET_FIELDS = {
    "description": ("long_text", "text"),
    "police_report_number": ("text",),
    "has_injuries": ("yes_no",),
    "has_cargo": ("yes_no",),
}
TARGETS = [
    ("description", "What happened (description)"),
    ("police_report_number", "Police report number"),
    ("has_injuries", "Injuries"),
    ("has_cargo", "Cargo involved"),
]
TEXT_LIMITS = {"text": 250, "long_text": 5000}
CODE_RE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


class ClaimsIncidentFormQuestion(models.Model):
    """One question of an incident form: what the reporter is asked and how the answer is
    checked; the answer fills a known incident field (``target``) or is kept as an answer."""

    _name = "claims.incident.form.question"
    _description = "Incident form question"
    _order = "section_id, sequence, id"

    section_id = fields.Many2one(
        "claims.incident.form.section", required=True, ondelete="cascade", index=True
    )
    form_id = fields.Many2one(related="section_id.form_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    code = fields.Char(
        required=True,
        help="Short name of the question in this form (lower case, digits, _): the incident "
        "rules and exports refer to the answer by it.",
    )
    label = fields.Char(required=True, translate=True)
    help = fields.Char(string="Hint", translate=True)
    placeholder = fields.Char(translate=True)
    kind = fields.Selection(QUESTION_KINDS, required=True, default="text")
    required = fields.Boolean()
    choices = fields.Text(
        translate=True,
        help="One choice a line, as 'key: Label' (the key is what the rules compare).",
    )
    target = fields.Selection(
        TARGETS,
        string="Fills",
        help="The incident field the answer fills; empty: kept as an answer of the form.",
    )
    is_health = fields.Boolean(
        string="Health data",
        help="The answer is kept apart with the other health answers, readable by fewer users.",
    )

    _code_unique = models.Constraint(
        "UNIQUE (form_id, code)", "A question code is used once per form."
    )
    _target_unique = models.UniqueIndex(
        "(form_id, target) WHERE target IS NOT NULL", "Two questions cannot fill the same field."
    )

    @api.constrains("code")
    def _check_code(self):
        """A code is short and plain: it names the answer in URLs, rules and exports."""
        for question in self:
            if not CODE_RE.match(question.code or ""):
                raise ValidationError(self.env._(
                    "The code %(code)s is not valid: lower case letters, digits and _ only, "
                    "starting with a letter.", code=question.code))

    @api.constrains("target", "kind", "is_health")
    def _check_target(self):
        """An answer fills only a field of its kind, and health answers fill no field."""
        for question in self.filtered("target"):
            if question.kind not in TARGET_FIELDS[question.target] or question.is_health:
                raise ValidationError(self.env._(
                    "The question %(label)s cannot fill that field: pick another kind of "
                    "question, or keep it as an answer.", label=question.label))

    @api.constrains("kind", "choices")
    def _check_choices(self):
        """A choice question lists its choices, each key once."""
        for question in self.filtered(lambda q: q.kind == "choice"):
            keys = [key for key, _label in question._get_choices()]
            if not keys or len(keys) != len(set(keys)):
                raise ValidationError(self.env._(
                    "The question %(label)s needs its choices, one a line, each key once.",
                    label=question.label))

    # ------------------------------------------------------------------ business

    def _get_choices(self):
        """[(key, label)] of a choice question, in the user's language."""
        self.ensure_one()
        choices = []
        for line in (self.choices or "").splitlines():
            key, _sep, label = line.partition(":")
            key = key.strip()
            if key:
                choices.append((key, label.strip() or key))
        return choices

    def _get_input_name(self):
        """The name of the question's input on the page (the target field's, if any)."""
        self.ensure_one()
        return self.target or f"q_{self.code}"

    def _parse_answer(self, raw):
        """Check one posted answer; return ``(value, display, error)``.

        ``value`` is None when the question was left empty.
        """
        self.ensure_one()
        text = (raw if isinstance(raw, str) else "").strip()
        if not text:
            return None, "", self._get_required_error() if self.required else None
        kind = self.kind
        if kind in TEXT_LIMITS:
            text = text[: TEXT_LIMITS[kind]]
            if self.target == "description" and len(text) < 3:
                return None, "", self._get_required_error()
            return text, text, None
        if kind == "yes_no":
            if text not in ("yes", "no"):
                return None, "", self._get_required_error()
            return text == "yes", "", None
        if kind == "choice":
            labels = dict(self._get_choices())
            if text not in labels:
                return None, "", self.env._("Choose one of the answers in the list.")
            return text, labels[text], None
        if kind == "date":
            try:
                day = date.fromisoformat(text)
            except ValueError:
                return None, "", self.env._("Give a date (day, month and year).")
            if not 1900 <= day.year <= date.today().year + 1:
                return None, "", self.env._("This date is not plausible.")
            return text, text, None
        try:
            number = float(text.replace(",", ".").replace(" ", ""))
        except ValueError:
            number = math.nan
        if not math.isfinite(number) or abs(number) >= 1e12:
            return None, "", self.env._("Give a number.")
        if kind == "amount":
            if number < 0:
                return None, "", self.env._("An amount cannot be negative.")
            number = round(number, 2)
        return number, f"{number:g}" if kind == "number" else f"{number:.2f}", None

    def _get_required_error(self):
        messages = {
            "description": self.env._("Tell us in a few words what happened."),
            "has_injuries": self.env._("Tell us whether anyone is injured."),
            "has_cargo": self.env._("Tell us whether the vehicle carried cargo."),
        }
        return messages.get(self.target) or self.env._("Please answer this question.")
