# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date


class ClaimsInspectionReport(models.Model):
    """An inspection report on an insured object, such as the Scope 10 report on the electrical
    installation of a building. Its end date drives the follow-up workflows."""

    _name = "claims.inspection.report"
    _description = "Inspection report"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_end, id"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", compute="_compute_name", store=True, readonly=False
    )
    insured_object_id = fields.Many2one(
        "claims.insured.object", required=True, ondelete="cascade", index=True, tracking=True,
        check_company=True,
    )
    policy_id = fields.Many2one(related="insured_object_id.policy_id", store=True, index=True)
    company_id = fields.Many2one(related="insured_object_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(
        related="policy_id.policyholder_id", string="Customer", store=True
    )
    user_id = fields.Many2one(related="policy_id.user_id", string="Account manager", store=True)
    scope = fields.Selection(
        [("scope_10", "Scope 10"), ("scope_12", "Scope 12"), ("other", "Other")],
        required=True,
        default="scope_10",
        tracking=True,
    )
    date_inspection = fields.Date(string="Inspection date", tracking=True)
    date_end = fields.Date(string="End date", tracking=True, index=True)
    date_end_text = fields.Char(
        string="End date in words", compute="_compute_date_end_text",
        help="The end date as the reader's language writes it (31 december 2027 in Dutch), "
        "for the texts of mails and tasks.",
    )
    document = fields.Binary(attachment=True)
    document_name = fields.Char()
    workflow_count = fields.Integer(compute="_compute_workflow_count")

    @api.model_create_multi
    def create(self, vals_list):
        reports = super().create(vals_list)
        reports._end_workflows_of_replaced_reports()
        return reports

    def _end_workflows_of_replaced_reports(self):
        """A new report of an object replaces its earlier reports of that scope: the
        workflows still running for those end, with a note that says why."""
        Instance = self.env["claims.workflow.instance"].sudo()
        for report in self:
            replaced = self.sudo().search([
                ("insured_object_id", "=", report.insured_object_id.id),
                ("scope", "=", report.scope),
                ("id", "!=", report.id),
                ("id", "not in", self.ids),
            ])
            if not replaced:
                continue
            Instance.search([
                ("res_model", "=", self._name),
                ("res_id", "in", replaced.ids),
                ("state", "not in", ("done", "cancelled")),
            ])._end_replaced(report)

    @api.depends("date_end")
    @api.depends_context("lang")
    def _compute_date_end_text(self):
        for report in self:
            report.date_end_text = (
                format_date(self.env, report.date_end, date_format="long") if report.date_end
                else ""
            )

    @api.constrains("date_inspection", "date_end")
    def _check_dates(self):
        """A report ends after its inspection."""
        for report in self:
            if (report.date_inspection and report.date_end
                    and report.date_end < report.date_inspection):
                raise ValidationError(self.env._(
                    "Report %(report)s ends before its inspection.", report=report.name
                ))

    @api.depends("insured_object_id", "scope")
    def _compute_name(self):
        labels = dict(self._fields["scope"]._description_selection(self.env))
        for report in self:
            report.name = " ".join(filter(None, [
                labels.get(report.scope), report.insured_object_id.name
            ])) or report.name

    def _compute_workflow_count(self):
        counts = dict(self.env["claims.workflow.instance"]._read_group(
            [("res_model", "=", self._name), ("res_id", "in", self.ids)], ["res_id"], ["__count"]
        ))
        for report in self:
            report.workflow_count = counts.get(report.id, 0)

    def action_view_workflows(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "claims_broker_workflows.claims_workflow_instance_action"
        )
        action["domain"] = [("res_model", "=", self._name), ("res_id", "=", self.id)]
        action["context"] = {}
        return action

    # ------------------------------------------------------------
    # Mail
    # ------------------------------------------------------------

    def mail_allowed_qweb_expressions(self):
        """Placeholders the workflow templates use, allowed to template users who are not
        template editors and to imported packages."""
        return super().mail_allowed_qweb_expressions() + (
            "object.partner_id.id",
            "object.partner_id.lang",
            "object.insured_object_id.name",
            "object.date_end",
            "object.date_end_text",
            "object.date_inspection",
            "object.company_id.name",
            "object.company_id.email_formatted",
        )
