# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import ast
import logging
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL

from odoo.addons.claims_base.tools.window_actions import records_of

_logger = logging.getLogger(__name__)

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
# Technical models stay out even when the system parameter names them, and no condition or
# field path of a workflow reaches into them.
FORBIDDEN_MODEL_PREFIXES = ("ir.", "res.users", "res.groups", "base.", "bus.", "mail.", "queue.")
START_BATCH_SIZE = 200


def shift_date(date, amount, unit, direction="after"):
    """Return ``date`` moved by ``amount`` ``unit``s forward (after) or backward (before)."""
    sign = -1 if direction == "before" else 1
    return date + relativedelta(**{f"{unit}s": sign * (amount or 0)})


def check_field_path(model, path, comodel=None):
    """Return an error text when ``path`` (``a.b.c``) is not a chain of stored or related
    fields of ``model`` ending on ``comodel``, else ``None``."""
    if not path:
        return None
    for name in path.split("."):
        field = model._fields.get(name)
        if field is None:
            return model.env._("%(model)s has no field %(field)s", model=model._name, field=name)
        if field.groups:
            return model.env._("Field %(field)s is restricted", field=name)
        if field.type in ("many2one",):
            model = model.env[field.comodel_name]
        else:
            return model.env._("Field %(field)s is not a link", field=name)
    if comodel and model._name != comodel:
        return model.env._(
            "%(path)s leads to %(found)s, not to %(expected)s",
            path=path, found=model._name, expected=comodel,
        )
    return None


class ClaimsWorkflowDefinition(models.Model):
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
        return records_of(self, "claims_broker_workflows.claims_workflow_instance_action", "definition_id")

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
        _ = self.env._
        model_name = self.model_id.model
        if not model_name or model_name not in self.env:
            return _("Unknown model %(model)s.", model=model_name)
        error = self._model_error(model_name)
        if error:
            return error
        Model = self.env[model_name]
        if self.company_id and "company_id" not in Model._fields:
            return _(
                "%(model)s has no company: only a workflow for every company runs on it.",
                model=model_name,
            )
        field = Model._fields.get(self.date_field_id.name or "")
        if not field or field.type not in ("date", "datetime") or not field.store:
            return _(
                "%(field)s is not a stored date field of %(model)s.",
                field=self.date_field_id.name, model=model_name,
            )
        error = domain_error(Model, self.domain)
        if error:
            return error
        error = check_field_path(Model, self.partner_path, "res.partner")
        if error:
            return _("Customer: %(error)s", error=error)
        error = check_field_path(Model, self.user_path, "res.users")
        if error:
            return _("Responsible user: %(error)s", error=error)
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

    # ------------------------------------------------------------
    # Scan
    # ------------------------------------------------------------

    @api.model
    def _cron_start_instances(self, commit=True):
        """The scheduled scan: start the due instances of every definition, committing
        the progress between batches when ``commit``."""
        definitions = self.sudo().search([("version_of_id", "=", False)])
        return definitions._start_instances(commit=commit)

    def _start_instances(self, commit=False):
        """Find the records whose start moment has come for these definitions (one query)
        and start their instances in batches; ``commit`` commits the progress between
        batches (the scheduled scan), a click waits for the end of its request."""
        rows = self._scan_rows()
        self._notice_moved_anchors()
        Instance = self.env["claims.workflow.instance"].sudo()
        started = Instance
        for index in range(0, len(rows), START_BATCH_SIZE):
            batch = rows[index:index + START_BATCH_SIZE]
            started |= Instance._start_batch(batch)
            if commit:
                self.env["ir.cron"]._commit_progress(
                    len(batch), remaining=max(len(rows) - index - len(batch), 0)
                )
        return started

    def _scan_rows(self, today=None):
        """Return ``[(definition_id, res_id, anchor_date)]`` for these definitions (the
        active ones that are not frozen versions) and the records whose start moment has
        come and which have no instance for that anchor yet.

        One SQL statement: a UNION ALL of one select per definition, each built from the
        definition's condition through the ORM (``_search``) and anti-joined on the
        instances' unique key."""
        query = self._scan_query(today)
        if query is None:
            return []
        return self.env.execute_query(query)

    def _scan_query(self, today=None):
        today = today or fields.Date.context_today(self)
        parts = []
        for definition in self.sudo().filtered(lambda d: d.active and not d.version_of_id):
            if definition._setup_error():
                _logger.warning("Workflow %s skipped: %s", definition.id, definition._setup_error())
                continue
            parts.append(definition._scan_part(today))
        if not parts:
            return None
        return SQL(" UNION ALL ").join(parts)

    def _scan_part(self, today):
        """The select of one definition: (definition id, record id, anchor date)."""
        self.ensure_one()
        Model = self.env[self.model].sudo().with_context(active_test=True)
        # anchor + signed offset <= today  <=>  anchor <= today - signed offset
        highest = shift_date(
            today, self.start_amount, self.start_unit,
            "after" if self.start_direction == "before" else "before",
        )
        lowest = min(today, highest) - timedelta(days=max(self.grace_days, 0))
        domain = Domain(ast.literal_eval(self.domain or "[]"))
        if self.company_id and "company_id" in Model._fields:
            domain &= Domain("company_id", "in", [self.company_id.id, False])
        if not self.repeat:
            domain &= Domain(self.date_field, "<=", highest) & Domain(self.date_field, ">=", lowest)
        else:
            domain &= Domain(self.date_field, "!=", False)
        query = Model._search(domain)
        date_sql = Model._field_to_sql(query.table, self.date_field, query)
        anchor = SQL("(%s)::date", date_sql)
        if self.repeat:
            # The first occurrence (date + k * N years) on or after the lowest date.
            years = self.repeat_years
            first = SQL(
                "(%(d)s + make_interval(years => (%(n)s * GREATEST(0, CEIL("
                "EXTRACT(YEAR FROM age(%(low)s::date, %(d)s)) / %(n)s)))::int))::date",
                d=anchor, n=years, low=lowest,
            )
            anchor = SQL(
                "(CASE WHEN %(f)s < %(low)s::date THEN (%(f)s + make_interval(years => %(n)s))"
                "::date ELSE %(f)s END)",
                f=first, low=lowest, n=years,
            )
        inner = query.select(SQL("%s AS res_id", SQL.identifier(query.table, "id")),
                             SQL("%s AS anchor", anchor))
        return SQL(
            """(SELECT %(definition)s AS definition_id, c.res_id, c.anchor FROM (%(inner)s) c
            WHERE c.anchor BETWEEN %(low)s AND %(high)s
            AND NOT EXISTS (SELECT 1 FROM claims_workflow_instance i
                WHERE i.definition_id = %(definition)s AND i.res_id = c.res_id
                AND i.date_anchor = c.anchor))""",
            definition=self.id, inner=inner, low=lowest, high=highest,
        )

    def _notice_moved_anchors(self):
        """Note on each running instance of these definitions whose record's date moved that
        it keeps its dates."""
        Instance = self.env["claims.workflow.instance"].sudo()
        parts = []
        for definition in self.sudo().filtered(lambda d: not d.version_of_id and not d.repeat):
            if definition._setup_error():
                continue
            Model = self.env[definition.model]
            parts.append(SQL(
                """SELECT i.id FROM claims_workflow_instance i
                JOIN %(table)s r ON r.id = i.res_id
                WHERE i.definition_id = %(definition)s AND NOT COALESCE(i.anchor_moved, FALSE)
                AND i.state NOT IN ('done', 'cancelled')
                AND (r.%(column)s)::date IS DISTINCT FROM i.date_anchor""",
                table=SQL.identifier(Model._table), definition=definition.id,
                column=SQL.identifier(definition.date_field),
            ))
        if parts:
            ids = [row[0] for row in self.env.execute_query(SQL(" UNION ALL ").join(parts))]
            Instance.browse(ids)._check_anchor_moved()

    def _start_moment(self, anchor):
        self.ensure_one()
        return shift_date(anchor, self.start_amount, self.start_unit, self.start_direction)


def domain_error(Model, text):
    """Return why ``text`` is not a safe domain on ``Model``, or ``None``.

    Literal values only (parsed with ``ast.literal_eval``: no names, calls or attributes), each
    field path made of fields the model has and that no group restricts, no path through
    users, groups or technical models."""
    _ = Model.env._
    try:
        value = ast.literal_eval(text or "[]")
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return _("The condition %(domain)s is not a literal domain.", domain=text)
    if not isinstance(value, (list, tuple)):
        return _("The condition must be a list, not %(domain)s.", domain=text)
    try:
        domain = Domain(value)
    except (ValueError, TypeError) as error:
        return _("The condition %(domain)s is not a domain: %(error)s", domain=text, error=error)
    for condition in domain.iter_conditions():
        model = Model
        for name in condition.field_expr.split("."):
            field = model._fields.get(name)
            if field is None:
                return _("The condition uses %(field)s, which %(model)s does not have.",
                         field=condition.field_expr, model=model._name)
            if field.groups or name in ("password", "api_key_ids"):
                return _("The condition uses the restricted field %(field)s.",
                         field=condition.field_expr)
            if field.relational:
                model = Model.env[field.comodel_name]
                if model._name.startswith(FORBIDDEN_MODEL_PREFIXES):
                    return _("The condition reaches into %(model)s, which is not allowed.",
                             model=model._name)
    try:
        domain.validate(Model)
    except (ValueError, TypeError, KeyError) as error:
        return _("The condition %(domain)s is not valid: %(error)s", domain=text, error=error)
    return None
