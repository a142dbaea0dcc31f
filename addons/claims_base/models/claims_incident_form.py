# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .claims_incident_form_question import CODE_RE


class ClaimsIncidentForm(models.Model):
    """What the phone form asks for some kinds of incident: its sections and questions.

    A page offers the forms of its company (shared ones and the company's own); the kind of
    incident the reporter picks chooses among them (the first form, by sequence, that lists
    it). An incident link, or ``?form=<code>`` in the address, keeps the page to one form.
    Adding a form is data entry: the page, its checks and the answers follow the records.
    """

    _name = "claims.incident.form"
    _inherit = ["claims.shared.config.mixin"]
    _description = "Incident form"

    code = fields.Char(
        required=True,
        copy=False,
        help="Opens this form from a link's address: /claims/report/<token>?form=<code>.",
    )
    type_ids = fields.One2many(
        "claims.incident.form.type", "form_id", string="Kinds of incident", copy=True
    )
    section_ids = fields.One2many(
        "claims.incident.form.section", "form_id", string="Sections", copy=True
    )
    question_ids = fields.One2many(
        "claims.incident.form.question", "form_id", string="Questions"
    )
    done_message = fields.Char(
        string="Message when sent",
        translate=True,
        help="Shown when the report is in; empty: the fleet manager has been told.",
    )

    _code_unique = models.Constraint("UNIQUE (code)", "An incident form code is unique.")

    @api.constrains("code")
    def _check_code(self):
        """A code is short and plain: it appears in addresses."""
        for form in self:
            if not CODE_RE.match(form.code or ""):
                raise ValidationError(self.env._(
                    "The code %(code)s is not valid: lower case letters, digits and _ only, "
                    "starting with a letter.", code=form.code))

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        for form, vals in zip(self, vals_list, strict=True):
            vals.setdefault("code", f"{form.code}_copy")
        return vals_list

    # ------------------------------------------------------------------ actions

    def action_preview(self):
        """Open the phone form as a reporter sees it (nothing is filed from a preview)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/claims/report/preview/{self.id}",
            "target": "new",
        }

    # ------------------------------------------------------------------ business

    @api.model
    def _get_available(self, company):
        """The active forms a page of ``company`` may show, first the default (sudo)."""
        return self.sudo().search(self._check_company_domain(company))

    @api.model
    def _pick(self, company, link=None, code=None, incident_type=None, current=None):
        """The form a page shows, and the forms it may switch to (sudo).

        :param link: the incident link of the page, whose form (if any) is the only one
        :param code: a form asked for by the address (``?form=``): then the only one
        :param incident_type: the kind of incident chosen: the first form listing it
        :param current: the code of the form the page showed (when posted)
        :returns: ``(form, forms)``; both empty when the company has no form
        """
        forms = self._get_available(company)
        pinned = link.form_id.sudo().filtered("active") if link else forms.browse()
        if not pinned and code:
            pinned = forms.filtered(lambda form: form.code == code)[:1]
        if pinned:
            forms = pinned
        form = forms.filtered(lambda f: incident_type in f.type_ids.mapped("incident_type"))[:1]
        if not form and current:
            form = forms.filtered(lambda f: f.code == current)[:1]
        return form or forms[:1], forms

    def _get_incident_types(self):
        """The kinds of incident this form asks about, as keys."""
        self.ensure_one()
        return self.type_ids.mapped("incident_type")

    def _get_blocks(self):
        """The kinds of the blocks this form shows (place, photos...)."""
        self.ensure_one()
        return set(self.section_ids.mapped("kind")) - {"questions"}
