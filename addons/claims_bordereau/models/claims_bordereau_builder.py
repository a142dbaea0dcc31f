# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from odoo import api, models
from odoo.tools import SQL

from odoo.addons.claims_base.models.claims_claim_coverage import RECOVERY_TYPES

# Tracked fields of a claim read as they were at a moment (from the chatter's tracking).
REWOUND_FIELDS = (
    "insurer_id", "policy_id", "insurer_claim_number", "claim_type_id", "claimant_id",
    "user_id", "stage_id", "file_status", "is_marked_off", "date_loss", "date_reported",
    "date_closed",
)
LEDGER_STATES = ("approved", "sent", "paid", "voided", "stopped")
AMOUNTS = (
    "reserve", "paid", "recovered", "pending",
    "reserve_movement", "paid_movement", "recovered_movement", "pending_movement",
)


class ClaimsBordereauBuilder(models.AbstractModel):
    """The rows of a bordereau, from dated facts only.

    Money comes from the reserve ledger (lines dated up to a moment) and the payments (their
    paid, approval and void dates); the claim's own fields (stage, insurer reference, ...)
    are read back to what they were at the month's end from the chatter's tracking, which
    only administrators may read: every method here is private and reads as superuser, after
    the caller (``claims.bordereau.config._generate``) checked the user's rights.
    Changes made later, in whatever order, leave a past month's rows as they were.
    """

    _name = "claims.bordereau.builder"
    _description = "Bordereau builder"

    @api.model
    def _period(self, month_start, tz_name):
        """(date_from, date_to, moment_from, moment_to) of the month starting on
        ``month_start``; the moments are the UTC (naive) starts of the first day of the month
        and of the next month in the time zone ``tz_name``."""
        date_to = (month_start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        zone = ZoneInfo(tz_name or "UTC")

        def moment(day):
            local = datetime.combine(day, time.min).replace(tzinfo=zone)
            return local.astimezone(ZoneInfo("UTC")).replace(tzinfo=None)

        return month_start, date_to, moment(month_start), moment(date_to + timedelta(days=1))

    @api.model
    def _build_rows(self, config, month_start):
        """The rows of ``config``'s bordereau for the month starting on ``month_start``:
        dicts of as-at values (see ``columns.py``), ordered by claim number."""
        date_from, date_to, moment_from, moment_to = self._period(month_start, config.tz)
        Claim = self.env["claims.claim"].sudo().with_context(active_test=False)
        insurer = config.partner_id.id
        candidates = Claim.search([
            ("company_id", "child_of", config.company_id.id),
            "|", ("insurer_id", "=", insurer),
            ("id", "in", self._claims_once_with(Claim, "insurer_id", insurer)),
        ], order="name, id")
        at_end = self._values_at(candidates, REWOUND_FIELDS, moment_to)
        at_start = self._values_at(candidates, ("file_status",), moment_from)
        money = self._money(candidates, date_from, date_to, moment_from, moment_to)
        policies = set(config.policy_ids.ids)
        rows = []
        for claim in candidates:
            values, amounts = at_end[claim.id], money[claim.id]
            if values["insurer_id"][0] != insurer:
                continue
            if policies and values["policy_id"][0] not in policies:
                continue
            if not values["date_reported"] or values["date_reported"] > date_to:
                continue
            live = at_start[claim.id]["file_status"] != "closed" and not values["is_marked_off"]
            if not (live or amounts["moved"]):
                continue
            rows.append(self._row(claim, values, amounts))
        return rows

    @api.model
    def _row(self, claim, values, amounts):
        file_statuses = dict(claim._fields["file_status"]._description_selection(self.env))
        return {
            "claim_number": claim.name,
            "insurer_reference": values["insurer_claim_number"] or "",
            "policy": values["policy_id"][1],
            "date_loss": values["date_loss"],
            "date_reported": values["date_reported"],
            "cause": values["claim_type_id"][1],
            "claimant": values["claimant_id"][1],
            "handler": values["user_id"][1],
            "status": values["stage_id"][1],
            "file_status": file_statuses.get(values["file_status"], ""),
            "date_closed": values["date_closed"] if values["file_status"] == "closed" else None,
            **{name: amounts.get(name, 0.0) for name in AMOUNTS},
        }

    # ------------------------------------------------------------------ tracked fields

    @api.model
    def _claims_once_with(self, Claim, field_name, value_id):
        """Ids of the claims whose many2one ``field_name`` was ``value_id`` at some time."""
        rows = self.env.execute_query(SQL(
            """
            SELECT DISTINCT m.res_id
              FROM mail_tracking_value v
              JOIN mail_message m ON m.id = v.mail_message_id
              JOIN ir_model_fields f ON f.id = v.field_id
             WHERE m.model = %(model)s AND f.model = %(model)s AND f.name = %(field)s
               AND (v.old_value_integer = %(value)s OR v.new_value_integer = %(value)s)
            """, model=Claim._name, field=field_name, value=value_id))
        return [row[0] for row in rows]

    @api.model
    def _values_at(self, claims, field_names, moment):
        """{claim id: {field: value at ``moment``}}: the old value of the first tracked change
        after ``moment``, else the current value. Many2one values are ``(id, name)``,
        selections their key, dates ``date``."""
        self.env["mail.message"].flush_model()
        self.env["mail.tracking.value"].flush_model()
        first_after = {}
        if claims:
            rows = self.env.execute_query(SQL(
                """
                SELECT m.res_id, f.name, v.old_value_integer, v.old_value_char,
                       v.old_value_datetime
                  FROM mail_tracking_value v
                  JOIN mail_message m ON m.id = v.mail_message_id
                  JOIN ir_model_fields f ON f.id = v.field_id
                 WHERE m.model = %(model)s AND m.res_id IN %(ids)s AND f.model = %(model)s
                   AND f.name IN %(names)s AND m.date >= %(moment)s
              ORDER BY m.date DESC, v.id DESC
                """, model=claims._name, ids=tuple(claims.ids), names=tuple(field_names),
                moment=moment))
            for res_id, name, integer, char, stamp in rows:  # the last row wins: the first
                first_after[res_id, name] = (integer, char, stamp)
        result = {}
        for claim in claims:
            values = result[claim.id] = {}
            for name in field_names:
                field = claim._fields[name]
                if (claim.id, name) in first_after:
                    values[name] = self._tracked_old_value(
                        claim, field, *first_after[claim.id, name])
                elif field.type == "many2one":
                    values[name] = (claim[name].id, claim[name].display_name or "")
                else:
                    values[name] = claim[name] or (False if field.type == "boolean" else None)
        return result

    @api.model
    def _tracked_old_value(self, claim, field, integer, char, stamp):
        if field.type == "many2one":
            return (integer or False, char or "")
        if field.type == "boolean":
            return bool(integer)
        if field.type == "date":
            return stamp.date() if stamp else None
        if field.type == "selection":
            return claim._field_history_selection_key(field, char) if char else None
        return char or None

    # ------------------------------------------------------------------ money

    @api.model
    def _money(self, claims, date_from, date_to, moment_from, moment_to):
        """{claim id: amounts} at the month's end and their movements within the month, and
        ``moved``: whether any ledger fact is dated in the month."""
        money = defaultdict(lambda: defaultdict(float))
        if not claims:
            return money
        ids = tuple(claims.ids)
        self.env["claims.reserve.line"].flush_model()
        self.env["claims.payment"].flush_model()
        for claim_id, amount, date in self.env.execute_query(SQL(
                "SELECT claim_id, amount_change, date FROM claims_reserve_line"
                " WHERE claim_id IN %(ids)s AND date < %(end)s", ids=ids, end=moment_to)):
            money[claim_id]["reserve"] += amount
            if date >= moment_from:
                money[claim_id]["reserve_movement"] += amount
                money[claim_id]["moved"] = True
        day_before = date_from - timedelta(days=1)
        payments = self.env.execute_query(SQL(
            """
            SELECT claim_id, payment_type, amount, date_approved, date_paid, date_voided
              FROM claims_payment WHERE claim_id IN %(ids)s AND state IN %(states)s
            """, ids=ids, states=LEDGER_STATES))
        for claim_id, kind, amount, approved, paid, voided in payments:
            amounts = money[claim_id]
            for name, at_day, at_moment, sign in (
                    ("", date_to, moment_to, 1), ("_movement", day_before, moment_from, -1)):
                gone = bool(voided and voided <= at_day)
                paid_by_then = bool(paid and paid <= at_day)
                is_paid = paid_by_then and not gone
                is_pending = bool(approved and approved < at_moment) and not (
                    paid_by_then or gone)
                if kind in RECOVERY_TYPES:
                    amounts["recovered" + name] += sign * amount * is_paid
                else:
                    amounts["paid" + name] += sign * amount * is_paid
                    amounts["pending" + name] += sign * amount * is_pending
            if any(day and date_from <= day <= date_to for day in (paid, voided)) or (
                    approved and moment_from <= approved < moment_to):
                amounts["moved"] = True
        for amounts in money.values():
            for name in ("paid", "recovered", "pending"):
                # the movement so far holds minus the start's value: add the end's
                amounts[name + "_movement"] += amounts[name]
        return money
