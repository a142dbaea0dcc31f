# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import format_datetime

TRIGGERS = [("scheduled", "Scheduled"), ("manual", "By a manager")]
# Claims on hold named in a log, at most (their count is always complete).
MAX_HELD_NAMES = 500


class ClaimsRetentionLog(models.Model):
    """What one run of the retention job (or one manager's Anonymise) did for one company.

    Rights: claims managers read the logs of their companies; nobody edits them; they are
    written by the job as superuser.
    """

    _name = "claims.retention.log"
    _description = "Retention log"
    _order = "date_start desc, id desc"
    _rec_name = "date_start"

    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    trigger = fields.Selection(TRIGGERS, required=True, readonly=True, default="scheduled")
    user_id = fields.Many2one("res.users", string="Run by", readonly=True)
    date_start = fields.Datetime(string="Started", required=True, readonly=True,
                                 default=fields.Datetime.now)
    date_end = fields.Datetime(string="Finished", readonly=True)
    claim_count = fields.Integer(string="Claims anonymised", readonly=True)
    incident_count = fields.Integer(string="Incidents anonymised", readonly=True)
    held_count = fields.Integer(string="Skipped on legal hold", readonly=True)
    error_count = fields.Integer(string="Errors", readonly=True)
    claim_names = fields.Text(string="Claims", readonly=True)
    incident_names = fields.Text(string="Incidents", readonly=True)
    held_names = fields.Text(string="Claims on legal hold", readonly=True)
    error_text = fields.Text(string="Errors and skipped records", readonly=True)

    # ------------------------------------------------------------------ computes

    @api.depends("company_id", "date_start")
    def _compute_display_name(self):
        for log in self:
            log.display_name = self.env._(
                "%(company)s, %(date)s",
                company=log.company_id.name, date=format_datetime(self.env, log.date_start))

    # ------------------------------------------------------------------ CRUD

    @api.model_create_multi
    @api.private
    def create(self, vals_list):
        return super().create(vals_list)

    # ------------------------------------------------------------------ business

    @api.model
    def _start(self, company, trigger, held=None):
        """A new log of ``company`` (sudo); ``held``: the due claims skipped on hold."""
        held = held or self.env["claims.claim"]
        return self.sudo().create({
            "company_id": company.id,
            "trigger": trigger,
            "user_id": self.env.uid,
            "held_count": len(held),
            "held_names": ", ".join(held[:MAX_HELD_NAMES].mapped("name")) or False,
        })

    def _add(self, claims=None, incidents=None, errors=()):
        """Count what a batch did."""
        self.ensure_one()
        values = {}
        for records, count_field, names_field in (
            (claims, "claim_count", "claim_names"),
            (incidents, "incident_count", "incident_names"),
        ):
            if records:
                values[count_field] = self[count_field] + len(records)
                values[names_field] = ", ".join(
                    filter(None, [self[names_field], *records.mapped("name")]))
        if errors:
            values["error_count"] = self.error_count + len(errors)
            values["error_text"] = "\n".join(filter(None, [self.error_text, *errors]))
        if values:
            self.sudo().write(values)

    def _finish(self):
        self.sudo().date_end = fields.Datetime.now()
        return self
