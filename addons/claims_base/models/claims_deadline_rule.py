# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Claim date fields that start a clock, and those that stop it.
START_FIELDS = [("date_reported", "Reported date"), ("date_assigned", "Date assigned")]
STOP_FIELDS = [
    ("date_first_contact", "First contact"),
    ("date_site_visit", "Site visit"),
    ("date_estimate_sent", "Estimate sent"),
]


class ClaimsDeadlineRule(models.Model):
    """A service level: N working days from a claim event until another event."""

    _name = "claims.deadline.rule"
    _inherit = ["claims.shared.config.mixin"]
    _description = "Deadline rule"

    claim_type_ids = fields.Many2many(
        "claims.claim.type", string="Claim types", help="Empty: every claim type."
    )
    start_field = fields.Selection(
        START_FIELDS, string="Clock starts on", required=True, default="date_assigned"
    )
    stop_field = fields.Selection(
        STOP_FIELDS, string="Clock stops when", required=True, default="date_first_contact"
    )
    days = fields.Integer(
        string="Working days", required=True, default=2,
        help="Counted in working days of the account's working schedule, leaves excluded.",
    )
    warn_days = fields.Integer(
        string="Warn days before", default=1,
        help="The handler gets an activity this many working days before the deadline.",
    )
    activity_type_id = fields.Many2one(
        "mail.activity.type",
        default=lambda self: self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False),
        domain="['|', ('res_model', '=', False), ('res_model', '=', 'claims.claim')]",
    )

    @api.constrains("days", "warn_days")
    def _check_days(self):
        """A deadline is at least one working day away; the warning comes before it."""
        for rule in self:
            if rule.days < 1 or rule.warn_days < 0 or rule.warn_days >= rule.days:
                raise ValidationError(self.env._(
                    "Rule %(rule)s: give at least one working day, and warn fewer days before "
                    "than the deadline is long.", rule=rule.name))

    def _applies_to(self, claim):
        self.ensure_one()
        return not self.claim_type_ids or claim.claim_type_id in self.claim_type_ids
