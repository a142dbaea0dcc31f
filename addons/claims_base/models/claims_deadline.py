# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models

DEADLINE_STATES = [
    ("running", "Running"),
    ("soon", "Breaching soon"),
    ("breached", "Breached"),
    ("met", "Met"),
    ("missed", "Met late"),
    ("cancelled", "Cancelled"),
]
OPEN_DEADLINE_STATES = ("running", "soon", "breached")


class ClaimsDeadline(models.Model):
    """One rule's clock on one claim. Kept by the claim (see claims.claim._sync_deadlines)
    and by a daily cron that moves states with the calendar and schedules the activities."""

    _name = "claims.deadline"
    _description = "Claim deadline"
    _order = "date_deadline, id"

    claim_id = fields.Many2one("claims.claim", required=True, ondelete="cascade", index=True)
    rule_id = fields.Many2one("claims.deadline.rule", required=True, ondelete="cascade")
    name = fields.Char(related="rule_id.name")
    company_id = fields.Many2one(related="claim_id.company_id", store=True, index=True)
    user_id = fields.Many2one(related="claim_id.user_id", string="Handler", store=True, index=True)
    date_start = fields.Date(string="Started", required=True)
    date_deadline = fields.Date(string="Deadline", compute="_compute_dates", store=True)
    date_warn = fields.Date(string="Warn from", compute="_compute_dates", store=True)
    date_done = fields.Date(string="Done")
    state = fields.Selection(DEADLINE_STATES, default="running", required=True, index=True)
    activity_id = fields.Many2one("mail.activity", ondelete="set null", readonly=True)

    _claim_rule_unique = models.Constraint(
        "UNIQUE (claim_id, rule_id)", "A claim has one deadline per rule."
    )

    @api.depends("date_start", "rule_id.days", "rule_id.warn_days", "company_id")
    def _compute_dates(self):
        for deadline in self:
            if not (deadline.date_start and deadline.rule_id):
                deadline.date_deadline = deadline.date_warn = False
                continue
            calendar = deadline.company_id.resource_calendar_id
            days = self._working_dates(calendar, deadline.date_start, deadline.rule_id.days)
            deadline.date_deadline = days[deadline.rule_id.days - 1]
            # warn N working days before the deadline (the start day counts as day 0)
            days = [deadline.date_start, *days]
            deadline.date_warn = days[max(deadline.rule_id.days - deadline.rule_id.warn_days, 0)]

    # ------------------------------------------------------------------ business

    def _refresh(self, today=None):
        """Move each deadline to the state of today and schedule or settle its activity."""
        today = today or fields.Date.context_today(self)
        for deadline in self:
            claim = deadline.claim_id
            if deadline.date_done:
                state = "met" if deadline.date_done <= deadline.date_deadline else "missed"
            elif claim.file_status == "closed" or claim.is_marked_off:
                state = "cancelled"
            elif today > deadline.date_deadline:
                state = "breached"
            elif today >= deadline.date_warn:
                state = "soon"
            else:
                state = "running"
            if deadline.state != state:
                deadline.state = state
            deadline._sync_activity()

    def _sync_activity(self):
        """A handler gets one activity when the deadline is near; it is done with the event."""
        self.ensure_one()
        activity = self.activity_id
        if self.state in ("soon", "breached"):
            if activity and self.user_id and activity.user_id != self.user_id:
                activity.user_id = self.user_id
            elif not activity and self.user_id:
                self.activity_id = self.claim_id.activity_schedule(
                    activity_type_id=self.rule_id.activity_type_id.id,
                    date_deadline=self.date_deadline,
                    summary=self.rule_id.name,
                    user_id=self.user_id.id,
                )
        elif activity:
            self.activity_id = False
            if self.state in ("met", "missed"):
                activity.action_feedback(feedback=self.env._("Done on %s", self.date_done))
            else:
                activity.unlink()

    @api.model
    def _cron_refresh(self):
        self.search([("state", "in", OPEN_DEADLINE_STATES)])._refresh()

    @api.model
    def _working_dates(self, calendar, date_start, count):
        """The first ``count`` working days after ``date_start`` in ``calendar``.

        Without a calendar, Monday to Friday. Leaves of the calendar (public holidays) are
        not working days.
        """
        found = []
        day = date_start
        chunk = max(count * 2, 14)
        # a calendar without working days gives up after ten years
        while len(found) < count and day < date_start + timedelta(days=3660):
            first, last = day + timedelta(days=1), day + timedelta(days=chunk)
            found += self._working_dates_between(calendar, first, last)
            day = last
        while len(found) < count:
            found.append((found[-1] if found else date_start) + timedelta(days=1))
        return found[:count]

    @api.model
    def _working_dates_between(self, calendar, first, last):
        if not calendar:
            return [first + timedelta(days=n) for n in range((last - first).days + 1)
                    if (first + timedelta(days=n)).weekday() < 5]
        tz = pytz.timezone(calendar.tz or "UTC")
        start = tz.localize(datetime.combine(first, time.min))
        stop = tz.localize(datetime.combine(last, time.max))
        intervals = calendar._work_intervals_batch(start, stop, tz=tz)[False]
        return sorted({begin.astimezone(tz).date() for begin, _end, _meta in intervals})
