# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.claims_base.tools.window_actions import records_of

from ..tools import FORBIDDEN_MODEL_PREFIXES, check_field_path, domain_error

OFFSET_UNITS = [("day", "Days"), ("week", "Weeks"), ("month", "Months"), ("year", "Years")]
OFFSET_DIRECTIONS = [("before", "Before"), ("after", "After")]
# Fields whose change alters what running instances would do: editing them on a definition
# that has running instances makes a new version.
VERSIONED_FIELDS = {
    "model_id", "date_field_id", "start_amount", "start_unit", "start_direction", "domain",
    "repeat", "repeat_years", "partner_path", "user_path", "step_ids", "grace_days",
}
# Fields only the engine writes (as superuser): a version's number and what it is a version of.
PROTECTED_FIELDS = {"version", "version_of_id"}
# The models a workflow may run on (an allow-list). Administrators add models in the system
# parameter below (model names separated by commas); addons extend _scannable_models().
SCANNABLE_MODELS = (
    "claims.claim",
    "claims.incident",
    "claims.inspection.report",
    "claims.insured.object",
    "claims.policy",
)
EXTRA_MODELS_PARAM = "claims_broker_workflows.extra_models"



NO_EMAIL_WAYS = [("letter", "A letter to post"), ("phone", "A phone call")]

class ClaimsWorkflowDefinition(models.Model):
    """A timed multi-step workflow: what it runs on, when it starts, its steps and versions.

    The scan that finds the records due for a workflow and starts their instances is in
    claims_workflow_definition_scan.py; the helpers that need no record are in tools.py.
    """

    _name = "claims.workflow.definition"
    _description = "Broker workflow definition"
    _order = "name, version desc"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        default=lambda self: self.env.company,
        help="Only records of this company; empty: every company (administrators only).",
    )
    # What it runs on
    model_id = fields.Many2one(
        "ir.model",
        string="Runs on",
        required=True,
        ondelete="cascade",
        domain=lambda self: [("model", "in", self._scannable_models())],
    )
    model = fields.Char(related="model_id.model", store=True, index=True)
    date_field_id = fields.Many2one(
        "ir.model.fields",
        string="Date",
        required=True,
        ondelete="cascade",
        domain="[('model_id', '=', model_id), ('ttype', 'in', ('date', 'datetime')), "
        "('store', '=', True)]",
        help="The anchor date: the workflow starts some time before or after it.",
    )
    date_field = fields.Char(related="date_field_id.name", store=True)
    domain = fields.Char(
        string="Condition",
        default="[]",
        required=True,
        help="Only records matching this domain, e.g. [('policy_id.line_of_business', '=', "
        "'building')].",
    )
    start_amount = fields.Integer(string="Start", default=0)
    start_unit = fields.Selection(OFFSET_UNITS, default="month", required=True)
    start_direction = fields.Selection(OFFSET_DIRECTIONS, default="before", required=True)
    grace_days = fields.Integer(
        string="Late start (days)",
        default=0,
        help="A record that qualifies late still starts while its date is at most this many "
        "days past.",
    )
    repeat = fields.Boolean(help="Start again every N years from the date.")
    repeat_years = fields.Integer(string="Every (years)", default=1)
    partner_path = fields.Char(
        string="Customer",
        help="Field path from the record to the customer, e.g. policy_id.policyholder_id.",
    )
    user_path = fields.Char(
        string="Responsible user",
        help="Field path from the record to its responsible user, e.g. policy_id.user_id.",
    )
    no_email = fields.Selection(
        NO_EMAIL_WAYS, string="Customer without e-mail", default="letter", required=True,
        help="How an e-mail step reaches a customer who has no e-mail address: a letter (the "
        "mail as a PDF to print, with a task to post it) or a phone call task.",
    )
    step_ids = fields.One2many("claims.workflow.step", "definition_id", string="Steps", copy=True)
    # Versions
    version = fields.Integer(default=1, readonly=True, copy=False)
    version_of_id = fields.Many2one(
        "claims.workflow.definition",
        string="Version of",
        readonly=True,
        copy=False,
        ondelete="cascade",
        index="btree_not_null",
    )
    version_ids = fields.One2many(
        "claims.workflow.definition", "version_of_id", string="Earlier versions",
        context={"active_test": False},
    )
    instance_ids = fields.One2many("claims.workflow.instance", "definition_id")
    instance_count = fields.Integer(compute="_compute_instance_count")

    _repeat_years_positive = models.Constraint(
        "CHECK (repeat_years > 0)", "A workflow repeats every one year or more."
    )

    @api.constrains("model_id", "date_field_id", "domain", "partner_path", "user_path",
                    "company_id")
    def _check_setup(self):
        """The model is allowed, the date belongs to it, the condition is a valid domain, the
        paths exist."""
        for definition in self:
            error = definition._setup_error()
            if error:
                raise ValidationError(error)

    def _compute_instance_count(self):
        counts = dict(self.env["claims.workflow.instance"]._read_group(
            [("definition_id", "in", self.ids)], ["definition_id"], ["__count"]
        ))
        for definition in self:
            definition.instance_count = counts.get(definition, 0)

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self._check_protected_fields({key for vals in vals_list for key in vals})
        definitions = super().create(vals_list)
        definitions._check_company_scope()
        return definitions

    def write(self, vals):
        self._check_protected_fields(vals)
        if VERSIONED_FIELDS & set(vals):
            self.check_access("write")
            self._freeze_running_version()
        result = super().write(vals)
        if "company_id" in vals:
            self._check_company_scope()
        return result

    def copy(self, default=None):
        copies = super().copy(default)
        for definition, duplicate in zip(self, copies, strict=True):
            definition._map_steps_to(duplicate)
        return copies

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def action_view_instances(self):
        return records_of(
            self, "claims_broker_workflows.claims_workflow_instance_action", "definition_id"
        )

    def action_export_package(self):
        """Download the definition and its mail templates as a zip package."""
        self.ensure_one()
        self.check_access("read")
        from ..package import build_package  # noqa: PLC0415

        data = build_package(self)
        attachment = self.env["ir.attachment"].create({
            "name": f"{self.name}.zip",
            "raw": data,
            "res_model": self._name,
            "res_id": self.id,
            "mimetype": "application/zip",
        })
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    def action_run_scan(self):
        """Start the instances of these definitions whose moment has come, now (managers,
        from the form). Other definitions wait for the scheduled scan."""
        if not self.env.user.has_group("claims_base.group_claims_manager"):
            raise UserError(self.env._("Only claims managers can start workflows by hand."))
        self.check_access("write")
        started = self.sudo()._start_instances(commit=False)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": self.env._("%(count)s workflows started.", count=len(started)),
                "type": "success",
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    # ------------------------------------------------------------
    # Versions
    # ------------------------------------------------------------

    def _freeze_running_version(self):
        """Move the running instances of each definition onto a frozen copy of its current
        steps, so that the edit that follows only affects instances started afterwards."""
        Instance = self.env["claims.workflow.instance"].sudo()
        for definition in self.sudo():
            running = Instance.search([
                ("version_id", "=", definition.id),
                ("state", "not in", ("done", "cancelled")),
            ])
            if not running:
                continue
            frozen = definition.copy({
                "active": False,
                "version_of_id": definition.id,
                "name": definition.name,
                "version": definition.version,
            })
            step_map = dict(zip(definition.step_ids, frozen.step_ids, strict=True))
            for instance in running:
                instance.write({
                    "version_id": frozen.id,
                    "step_id": step_map[instance.step_id].id if instance.step_id else False,
                })
            definition.version += 1

    def _map_steps_to(self, duplicate):
        """Point the jumps and answers of ``duplicate`` (a copy of this definition) at its
        own steps; return ``{step: copied step}``."""
        self.ensure_one()
        step_map = dict(zip(self.step_ids, duplicate.step_ids, strict=True))
        for step, new_step in step_map.items():
            if step.goto_step_id:
                new_step.goto_step_id = step_map[step.goto_step_id]
            for option, new_option in zip(step.option_ids, new_step.option_ids, strict=True):
                if option.next_step_id:
                    new_option.next_step_id = step_map[option.next_step_id]
        return step_map

    def _check_company_scope(self):
        """Only administrators share a workflow with every company; others keep workflows in
        companies they belong to. (Record rules check a record before a write, not after;
        constraints run as superuser: hence a check after create and write.)"""
        if self.env.su or self.env.user.has_group("base.group_system"):
            return
        for definition in self:
            if definition.company_id not in self.env.user.company_ids:
                raise ValidationError(self.env._(
                    "Workflow %(workflow)s needs one of your companies: a workflow for every "
                    "company is set up by an administrator.",
                    workflow=definition.name,
                ))

    def _check_protected_fields(self, fnames):
        """Refuse the engine's own fields to everyone but the engine (superuser)."""
        protected = PROTECTED_FIELDS & set(fnames)
        if protected and not self.env.su:
            raise AccessError(self.env._(
                "%(fields)s of a workflow are set by the workflow engine only.",
                fields=", ".join(sorted(protected)),
            ))

    # ------------------------------------------------------------
    # Validation
    # ------------------------------------------------------------

    def _setup_error(self):
        """Return what is wrong with this definition's setup, or ``None``."""
        self.ensure_one()
        model_name = self.model_id.model
        if not model_name or model_name not in self.env:
            return self.env._("Unknown model %(model)s.", model=model_name)
        error = self._model_error(model_name)
        if error:
            return error
        Model = self.env[model_name]
        if self.company_id and "company_id" not in Model._fields:
            return self.env._(
                "%(model)s has no company: only a workflow for every company runs on it.",
                model=model_name,
            )
        field = Model._fields.get(self.date_field_id.name or "")
        if not field or field.type not in ("date", "datetime") or not field.store:
            return self.env._(
                "%(field)s is not a stored date field of %(model)s.",
                field=self.date_field_id.name, model=model_name,
            )
        error = domain_error(Model, self.domain)
        if error:
            return error
        error = check_field_path(Model, self.partner_path, "res.partner")
        if error:
            return self.env._("Customer: %(error)s", error=error)
        error = check_field_path(Model, self.user_path, "res.users")
        if error:
            return self.env._("Responsible user: %(error)s", error=error)
        return None

    @api.model
    def _scannable_models(self):
        """The names of the models a workflow may run on: ``SCANNABLE_MODELS`` and those an
        administrator adds in the system parameter, except technical models."""
        extra = self.env["ir.config_parameter"].sudo().get_param(EXTRA_MODELS_PARAM) or ""
        names = set(SCANNABLE_MODELS) | {name.strip() for name in extra.split(",")}
        return sorted(
            name for name in names
            if name in self.env and not name.startswith(FORBIDDEN_MODEL_PREFIXES)
            and not self.env[name]._transient and not self.env[name]._abstract
        )

    @api.model
    def _model_error(self, model_name):
        """Return why a workflow may not run on ``model_name``, or ``None``."""
        if model_name not in self._scannable_models():
            return self.env._(
                "Workflows cannot run on %(model)s. Allowed: %(allowed)s; an administrator "
                "adds models in the system parameter %(param)s.",
                model=model_name, allowed=", ".join(self._scannable_models()),
                param=EXTRA_MODELS_PARAM,
            )
        return None
