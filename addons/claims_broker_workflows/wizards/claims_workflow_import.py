# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import binascii

from odoo import Command, fields, models
from odoo.exceptions import AccessError, UserError

from ..models.claims_workflow_definition import NO_EMAIL_WAYS, OFFSET_DIRECTIONS, OFFSET_UNITS
from ..models.claims_workflow_step import STEP_KINDS
from ..package import KEY_RE, PackageError, read_package
from ..tools import check_field_path, domain_error

PACKAGE_MODULE = "claims_workflow_package"
SELECTIONS = {
    "kind": dict(STEP_KINDS),
    "assign_to": {"responsible": 1, "user": 1, "group": 1},
    "due_from": {"anchor": 1, "today": 1},
    "due_unit": dict(OFFSET_UNITS),
    "due_direction": dict(OFFSET_DIRECTIONS),
}


class ClaimsWorkflowImport(models.TransientModel):
    _name = "claims.workflow.import"
    _description = "Import a broker workflow package"

    package = fields.Binary(required=True)
    package_name = fields.Char()
    namespace = fields.Char(
        help="Prefix of what the import creates; empty: the package's own namespace.",
    )
    company_id = fields.Many2one(
        "res.company",
        default=lambda self: self.env.company,
        help="The company whose records the workflow runs on; empty: every company "
        "(administrators only).",
    )

    def action_import(self):
        """Check the package completely, then create its definition and templates (managers)."""
        self.ensure_one()
        definition = self._import_package(self._package_bytes(), self.namespace, self.company_id)
        return {
            "type": "ir.actions.act_window",
            "res_model": "claims.workflow.definition",
            "res_id": definition.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def _package_bytes(self):
        try:
            return base64.b64decode(self.package or b"", validate=True)
        except (binascii.Error, ValueError) as error:
            raise UserError(self.env._("The uploaded file cannot be read.")) from error

    def _import_package(self, data, namespace=None, company=None):
        """Create the definition of the package ``data`` as the importing user, so that
        their rights and Odoo's template-editor checks apply; raise ``UserError`` listing
        every problem and create nothing when there is one.

        :param company: the company of the definition; ``None``: the user's current company,
            an empty recordset: every company (administrators only)"""
        if not self.env.user.has_group("claims_base.group_claims_manager"):
            raise AccessError(self.env._("Only claims managers can import workflow packages."))
        try:
            workflow, templates = read_package(data)
        except PackageError as error:
            raise UserError(self._problems_text(error.problems)) from error
        namespace = namespace or workflow["namespace"]
        company = self.env.company if company is None else company
        problems = self._check_against_database(workflow, templates, namespace, company)
        if problems:
            raise UserError(self._problems_text(problems))
        return self._create_from_package(workflow, templates, namespace, company)

    def _problems_text(self, problems):
        return self.env._("This workflow package cannot be imported:\n%(problems)s",
                          problems="\n".join(f"- {problem}" for problem in problems))

    # C901: one flat check per value of the package, collecting every problem so that the
    # importer sees them all at once; split into helpers, the checks would only be scattered.
    def _check_against_database(self, workflow, templates, namespace, company):  # noqa: C901
        problems = []
        if not KEY_RE.match(namespace or ""):
            return [self.env._(
                "The namespace %(ns)s must be 1-64 characters a-z, 0-9 or _.", ns=namespace
            )]
        if not self.env.user.has_group("base.group_system") and (
                company not in self.env.user.company_ids):
            problems.append(self.env._(
                "Choose one of your companies: a workflow for every company is "
                "imported by an administrator."
            ))
        if self.env["ir.model.data"].sudo().search_count([
            ("module", "=", PACKAGE_MODULE), ("name", "=", f"{namespace}_definition")
        ]):
            problems.append(self.env._(
                "A package with the namespace %(ns)s is already imported; choose "
                "another namespace.", ns=namespace,
            ))
        head = workflow["definition"]
        model_name = head["model"]
        if model_name not in self.env or self.env[model_name]._transient or self.env[
                model_name]._abstract:
            return problems + [self.env._("Unknown model %(model)s.", model=model_name)]
        error = self.env["claims.workflow.definition"]._model_error(model_name)
        if error:
            return problems + [error]
        Model = self.env[model_name]
        field = Model._fields.get(head["date_field"])
        if not field or field.type not in ("date", "datetime") or not field.store:
            problems.append(self.env._("%(field)s is not a stored date field of %(model)s.",
                                       field=head["date_field"], model=model_name))
        error = domain_error(Model, head["domain"])
        if error:
            problems.append(error)
        for key, comodel in (("partner_path", "res.partner"), ("user_path", "res.users")):
            if head.get(key) is not None and not isinstance(head.get(key), str):
                problems.append(self.env._("definition.%(key)s must be text.", key=key))
            elif head.get(key):
                error = check_field_path(Model, head[key], comodel)
                if error:
                    problems.append(f"definition.{key}: {error}")
        for key, allowed in (("start_unit", dict(OFFSET_UNITS)),
                             ("start_direction", dict(OFFSET_DIRECTIONS)),
                             ("no_email", dict(NO_EMAIL_WAYS))):
            if head.get(key) is not None and head[key] not in allowed:
                problems.append(self.env._("definition.%(key)s: unknown value %(value)s.",
                                           key=key, value=head[key]))
        for key in ("start_amount", "grace_days", "repeat_years"):
            value = head.get(key, 0)
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 1200:
                problems.append(self.env._(
                    "definition.%(key)s must be a whole number from 0 to 1200.", key=key
                ))
        for key, template in templates.items():
            if template["model"] != model_name:
                problems.append(self.env._("Template %(key)s is for %(model)s, not %(expected)s.",
                                           key=key, model=template["model"], expected=model_name))
                continue
            problems += self._template_problems(key, template, model_name)
        for index, step in enumerate(workflow["steps"], start=1):
            problems += self._step_problems(index, step)
        return problems

    def _template_problems(self, key, template, model_name):
        """Every language of a template passes the checks of the default one: no code
        beyond the placeholders the model allows to users who are not template editors."""
        by_field = {fname: value for fname, value in template.items() if isinstance(value, dict)}
        langs = sorted({lang for value in by_field.values() for lang in value})
        problems = []
        for lang in langs:
            values = {
                fname: value.get(lang, value.get("en_US", next(iter(value.values()), "")))
                for fname, value in by_field.items()
            }
            probe = self.env["mail.template"].new({
                "model_id": self.env["ir.model"]._get_id(model_name), **values
            })
            if probe._has_unsafe_expression():
                problems.append(self.env._(
                    "Template %(key)s (%(lang)s) uses code beyond plain field placeholders.",
                    key=key, lang=lang,
                ))
        return problems

    def _step_problems(self, index, step):
        problems = []
        where = self.env._("Step %(n)s (%(code)s)", n=index, code=step.get("code"))
        for key, allowed in SELECTIONS.items():
            if step.get(key) is not None and step[key] not in allowed:
                problems.append(self.env._("%(where)s: unknown %(key)s %(value)s.",
                                           where=where, key=key, value=step[key]))
        for key in ("activity_type", "group"):
            if step.get(key):
                record = self.env.ref(step[key], raise_if_not_found=False) if isinstance(
                    step[key], str) and "." in step[key] else None
                expected = "mail.activity.type" if key == "activity_type" else "res.groups"
                if record is None or record._name != expected:
                    problems.append(self.env._("%(where)s: unknown %(key)s %(value)s.",
                                               where=where, key=key, value=step[key]))
        if step.get("user") and not self.env["res.users"].sudo().search_count(
                [("login", "=", str(step["user"]))]):
            problems.append(self.env._("%(where)s: unknown user %(login)s.", where=where,
                                       login=step["user"]))
        if step.get("kind") in ("task", "choice", "yes_no") and not step.get("activity_type"):
            problems.append(self.env._("%(where)s needs an activity type.", where=where))
        if step.get("kind") == "email" and not step.get("template"):
            problems.append(
                self.env._("%(where)s sends an e-mail without a template.", where=where)
            )
        for key in ("due_amount", "goto_max", "sequence"):
            value = step.get(key, 0)
            is_whole = isinstance(value, int) and not isinstance(value, bool)
            if not is_whole or not -10000 <= value <= 10000:
                problems.append(self.env._("%(where)s: %(key)s must be a whole number.",
                                           where=where, key=key))
        return problems

    def _create_from_package(self, workflow, templates, namespace, company):
        """Create templates, definition, steps and answers as the current user, each with an
        external id in the package's namespace."""
        prefix = f"[{namespace}] "
        model_name = workflow["definition"]["model"]
        model_id = self.env["ir.model"]._get_id(model_name)
        template_records = {}
        for key, values in templates.items():
            template = self.env["mail.template"].create({
                "model_id": model_id,
                **{fname: value.get("en_US", next(iter(value.values()), ""))
                   for fname, value in values.items() if isinstance(value, dict)},
            })
            template.name = prefix + template.name
            self._set_translations(
                template, {k: v for k, v in values.items() if isinstance(v, dict)},
                prefix={"name": prefix},
            )
            template_records[key] = template
            self._name_it(template, f"{namespace}_template_{key}")
        head = workflow["definition"]
        definition = self.env["claims.workflow.definition"].create({
            "name": prefix + head["name"].get("en_US", next(iter(head["name"].values()), "")),
            "model_id": model_id,
            "date_field_id": self.env["ir.model.fields"]._get(model_name, head["date_field"]).id,
            "domain": head["domain"],
            "start_amount": head.get("start_amount", 0),
            "start_unit": head.get("start_unit") or "month",
            "start_direction": head.get("start_direction") or "before",
            "grace_days": head.get("grace_days", 0),
            "repeat": bool(head.get("repeat")),
            "repeat_years": head.get("repeat_years") or 1,
            "no_email": head.get("no_email") or "letter",
            "partner_path": head.get("partner_path") or False,
            "user_path": head.get("user_path") or False,
            "company_id": company.id,
        })
        self._set_translations(definition, {"name": head["name"]}, prefix={"name": prefix})
        self._name_it(definition, f"{namespace}_definition")
        steps = {}
        for data in workflow["steps"]:
            step = self.env["claims.workflow.step"].create({
                "definition_id": definition.id,
                "code": data["code"],
                "sequence": data.get("sequence", 10),
                "kind": data["kind"],
                "name": data["name"].get("en_US", next(iter(data["name"].values()), "")),
                "note": (data.get("note") or {}).get("en_US") or False,
                "note_on_customer": data.get("note_on_customer", True),
                "mail_template_id": template_records[data["template"]].id
                if data.get("template") else False,
                "activity_type_id": self.env.ref(data["activity_type"]).id
                if data.get("activity_type") else False,
                "assign_to": data.get("assign_to") or "responsible",
                "user_id": self.env["res.users"].search([("login", "=", data["user"])]).id
                if data.get("user") else False,
                "group_id": self.env.ref(data["group"]).id if data.get("group") else False,
                "due_from": data.get("due_from") or "anchor",
                "due_amount": data.get("due_amount", 0),
                "due_unit": data.get("due_unit") or "day",
                "due_direction": data.get("due_direction") or "after",
                "goto_max": data.get("goto_max", 1),
                "option_ids": [Command.create({
                    "name": option["name"].get("en_US", next(iter(option["name"].values()), "")),
                    "sequence": option.get("sequence", 10),
                    "answer": option.get("answer") or False,
                }) for option in data.get("options") or []],
            })
            self._set_translations(step, {"name": data["name"], "note": data.get("note") or {}})
            for option, option_data in zip(step.option_ids, data.get("options") or [],
                                            strict=True):
                self._set_translations(option, {"name": option_data["name"]})
            steps[data["code"]] = (step, data)
        for step, data in steps.values():
            if data.get("goto"):
                step.goto_step_id = steps[data["goto"]][0]
            for option, option_data in zip(step.option_ids, data.get("options") or [],
                                            strict=True):
                if option_data.get("next"):
                    option.next_step_id = steps[
                        option_data["next"]][0]
        definition._check_setup()
        for step, _data in steps.values():
            error = step._settings_error()
            if error:
                raise UserError(self._problems_text([error]))
        return definition

    def _set_translations(self, record, values, prefix=None):
        """Write the other languages' texts of ``values`` (field -> {lang: text}) on
        ``record``; only translatable fields have a text per language."""
        installed = {code for code, _name in self.env["res.lang"].get_installed()}
        for fname, by_lang in values.items():
            if not record._fields[fname].translate:
                continue
            for lang, text in by_lang.items():
                if lang != "en_US" and lang in installed and text:
                    text = (prefix or {}).get(fname, "") + text
                    record.with_context(lang=lang)[fname] = text

    def _name_it(self, record, name):
        self.env["ir.model.data"].sudo().create({
            "module": PACKAGE_MODULE, "name": name, "model": record._name, "res_id": record.id,
            "noupdate": True,
        })
