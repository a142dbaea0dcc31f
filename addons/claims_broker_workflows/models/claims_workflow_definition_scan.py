# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import ast
import logging
from datetime import timedelta

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL

from ..tools import shift_date

_logger = logging.getLogger(__name__)

START_BATCH_SIZE = 200


class ClaimsWorkflowDefinition(models.Model):
    """The scan of the workflow definitions: which records are due for a workflow (one SQL
    statement for all definitions) and the start of their instances in batches.

    Kept apart from claims_workflow_definition.py, which holds the setup and its checks.
    """

    _inherit = "claims.workflow.definition"

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
