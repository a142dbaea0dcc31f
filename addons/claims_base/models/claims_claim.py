# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_amount

from ..tools.money import MONEY_FIELDS, check_no_money_written
from ..tools.sequence import name_from_sequence
from ..tools.window_actions import records_of
from .claims_incident import HEALTH

FILE_STATUSES = [
    ("open_unassigned", "Open – not assigned"),
    ("open", "Open"),
    ("closed", "Closed"),
    ("reopened", "Reopened"),
]
MARK_OFF_REASONS = [("duplicate", "Duplicate"), ("erroneous", "Erroneous")]
OPEN_STATUSES = ("open_unassigned", "open", "reopened")
# Fields only the claims desk reads (not portal participants).
DESK = "claims_base.group_claims_user"
# Only Close, Reopen and assignment change these, through _write_file_status.
FILE_STATUS_FIELDS = {"file_status", "date_closed"}
# The portal's view of a claim: what a participant reads of it (besides the chatter's own
# fields), and the links its pages search by. The rest (description, handler, mark-off,
# connector fields...) is for the desk.
PORTAL_FIELDS = {
    "id", "display_name", "name", "active", "insurer_claim_number", "company_id", "currency_id",
    "stage_id", "file_status", "date_loss", "date_reported", "date_closed", "incident_id",
    "participant_ids",
}


class ClaimsClaim(models.Model):
    """One claim against one insurer or party.

    Rights (record rules in security/ir_rule.xml, checks in Python where noted):

    ================  ====================  =====================================
    who               sees                  may
    ================  ====================  =====================================
    claims user       claims of allowed     create, edit, request payments,
                      companies             add reserve lines
    claims manager    same                  close with outstanding money, approve
                                            payments, override, delete
    void group        same                  void or stop payments (Python check)
    portal            claims where an       read (issue: portal sharing)
                      active participant
    ================  ====================  =====================================
    """

    _name = "claims.claim"
    _description = "Claim"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "claims.field.history.mixin",
    ]
    _order = "date_reported desc, id desc"
    _check_company_auto = True
    _field_history_lines = ("coverage_ids", "participant_ids")
    _mail_post_access = "read"  # portal participants read the claim and post on it

    def _default_stage_id(self):
        return self.env["claims.claim.stage"].search([], limit=1)

    # Identification
    name = fields.Char(
        string="Claim number", required=True, readonly=True, copy=False, default="/",
        index="trigram",
    )
    insurer_claim_number = fields.Char(tracking=True, index="btree_not_null", copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, tracking=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    active = fields.Boolean(default=True)
    # Origin and parties
    incident_id = fields.Many2one("claims.incident", check_company=True, index=True, tracking=True)
    incident_rule_id = fields.Many2one("claims.incident.rule", readonly=True, copy=False)
    policy_id = fields.Many2one("claims.policy", check_company=True, index=True, tracking=True)
    claimant_id = fields.Many2one("res.partner", tracking=True)
    insurer_id = fields.Many2one("res.partner", tracking=True, index=True)
    broker_id = fields.Many2one("res.partner", tracking=True)
    user_id = fields.Many2one("res.users", string="Handler", tracking=True, index=True)
    claim_type_id = fields.Many2one("claims.claim.type", check_company=True, tracking=True)
    description = fields.Text(tracking=True)
    injury_details = fields.Text(
        tracking=True,
        groups=HEALTH,
        copy=False,
        help="Injuries and medical follow-up of this claim. Only the injury and health group "
        "reads it.",
    )
    # Dates
    date_loss = fields.Date(string="Date of loss", tracking=True)
    date_reported = fields.Date(default=fields.Date.context_today, tracking=True)
    date_assigned = fields.Date(tracking=True)
    date_closed = fields.Date(readonly=True, copy=False, tracking=True)
    # Service-level events: they stop the deadline clocks (claims.deadline.rule)
    date_first_contact = fields.Date(string="First contact", tracking=True, copy=False)
    date_site_visit = fields.Date(string="Site visit", tracking=True, copy=False)
    date_estimate_sent = fields.Date(string="Estimate sent", tracking=True, copy=False)
    # Workflow
    stage_id = fields.Many2one(
        "claims.claim.stage",
        default=lambda self: self._default_stage_id(),
        group_expand="_read_group_stage_ids",
        tracking=True,
        index=True,
        copy=False,
    )
    file_status = fields.Selection(
        FILE_STATUSES, default="open_unassigned", required=True, tracking=True, copy=False,
        readonly=True,
    )
    is_marked_off = fields.Boolean(string="Marked off", tracking=True, copy=False)
    mark_off_reason = fields.Selection(MARK_OFF_REASONS, tracking=True, copy=False)
    # Lines
    coverage_ids = fields.One2many("claims.claim.coverage", "claim_id", string="Coverages")
    reserve_line_ids = fields.One2many("claims.reserve.line", "claim_id", string="Reserve history")
    payment_ids = fields.One2many("claims.payment", "claim_id", string="Payments")
    participant_ids = fields.One2many("claims.participant", "claim_id", string="Participants")
    document_ids = fields.One2many("claims.document", "claim_id", string="Documents")
    # Money, summed from the coverage lines; for the desk only: a participant reading the
    # claim through the portal (or its RPC) never sees reserves or payments.
    amount_reserve = fields.Monetary(
        string="Total reserve", compute="_compute_amounts", store=True, groups=DESK
    )
    amount_paid = fields.Monetary(
        string="Paid", compute="_compute_amounts", store=True, groups=DESK
    )
    amount_pending = fields.Monetary(
        string="Pending", compute="_compute_amounts", store=True, groups=DESK
    )
    amount_outstanding = fields.Monetary(
        string="Outstanding", compute="_compute_amounts", store=True, groups=DESK
    )
    amount_recovered = fields.Monetary(
        string="Recoveries", compute="_compute_amounts", store=True, groups=DESK
    )
    amount_incurred = fields.Monetary(
        string="Incurred", compute="_compute_amounts", store=True, groups=DESK
    )
    amount_net_incurred = fields.Monetary(
        string="Net incurred", compute="_compute_amounts", store=True, groups=DESK
    )
    # Counters
    payment_count = fields.Integer(compute="_compute_counts")
    document_count = fields.Integer(compute="_compute_counts")

    _incident_rule_unique = models.UniqueIndex(
        "(incident_id, incident_rule_id) WHERE incident_rule_id IS NOT NULL",
        "This incident already has a claim for this rule.",
    )

    # ------------------------------------------------------------------ computes

    @api.depends(*(f"coverage_ids.{name}" for name in MONEY_FIELDS))
    def _compute_amounts(self):
        for claim in self:
            coverages = claim.coverage_ids
            for name in MONEY_FIELDS:
                claim[name] = sum(coverages.mapped(name))

    def _compute_counts(self):
        payments = dict(self.env["claims.payment"]._read_group(
            [("claim_id", "in", self.ids)], ["claim_id"], ["__count"]))
        documents = dict(self.env["claims.document"]._read_group(
            [("claim_id", "in", self.ids)], ["claim_id"], ["__count"]))
        for claim in self:
            claim.payment_count = payments.get(claim, 0)
            claim.document_count = documents.get(claim, 0)

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        # group_expand: the kanban shows every stage, a small configuration table
        return stages.search([])  # pylint: disable=no-search-all

    # ------------------------------------------------------------------ CRUD

    @api.model_create_multi
    def create(self, vals_list):
        check_no_money_written(self.env, vals_list)
        if not self.env.su and any(
                vals.get("file_status") in ("closed", "reopened") for vals in vals_list):
            raise UserError(self.env._("A claim is closed or reopened with Close and Reopen."))
        name_from_sequence(self.env, vals_list, "claims.claim")
        for vals in vals_list:
            if vals.get("user_id"):
                vals.setdefault("file_status", "open")
                vals.setdefault("date_assigned", fields.Date.context_today(self))
        return super().create(vals_list)

    def write(self, vals):
        check_no_money_written(self.env, [vals])
        if FILE_STATUS_FIELDS & set(vals) and not self.env.su:
            raise UserError(self.env._(
                "The file status changes through Close and Reopen only."))
        to_close = self.env["claims.claim"]
        # a file status change (Close, Reopen) brings its own stage
        if vals.get("stage_id") and "file_status" not in vals:
            stage = self.env["claims.claim.stage"].browse(vals["stage_id"])
            if stage.is_closing:
                to_close = self.filtered(lambda c: c.file_status != "closed")
            elif any(claim.file_status == "closed" for claim in self):
                raise UserError(self.env._(
                    "A closed claim moves on once reopened: use Reopen and give a reason."))
        if vals.get("user_id"):
            unassigned = self.filtered(lambda c: c.file_status == "open_unassigned")
            if unassigned:
                unassigned._write_file_status(
                    {"file_status": "open", "date_assigned": vals.get(
                        "date_assigned", fields.Date.context_today(self))})
        result = super().write(vals)
        if to_close:
            # moving a card to a closing stage closes it, under the same rules as Close
            to_close.action_close()
        return result

    # ------------------------------------------------------------------ actions

    def action_close(self, reason=None):
        """Close the claims.

        Closing needs no outstanding reserve and no payment waiting to be paid; a claims
        manager may close anyway with a reason. Every close is logged on the claim.
        """
        closing_stage = self._get_closing_stage()
        is_manager = self.env.user.has_group("claims_base.group_claims_manager")
        for claim in self:
            if claim.file_status == "closed":
                raise UserError(self.env._("Claim %s is already closed.", claim.name))
            problems = claim._get_close_problems()
            if problems and not is_manager:
                raise UserError(self.env._(
                    "%s\nOnly a claims manager may close it anyway.", "\n".join(problems)))
            if problems and not (reason or "").strip():
                raise UserError(self.env._(
                    "%s\nA manager may close it anyway with a reason.", "\n".join(problems)))
            values = {"file_status": "closed", "date_closed": fields.Date.context_today(self)}
            if closing_stage:
                values["stage_id"] = closing_stage.id
            claim._write_file_status(values)
            if problems:
                body = self.env._(
                    "Claim closed by a manager despite: %(problems)s Reason: %(reason)s",
                    problems=" ".join(problems), reason=reason)
            elif reason:
                body = self.env._("Claim closed. Reason: %s", reason)
            else:
                body = self.env._("Claim closed.")
            claim.message_post(body=body)
        return True

    def action_reopen(self, reason=None):
        """Reopen closed claims; the reason is required and logged."""
        if not (reason or "").strip():
            raise UserError(self.env._("Reopening a claim needs a reason."))
        stage = self._get_reopen_stage()
        for claim in self:
            if claim.file_status != "closed":
                raise UserError(self.env._("Claim %s is not closed.", claim.name))
            values = {"file_status": "reopened", "date_closed": False}
            if stage:
                values["stage_id"] = stage.id
            claim._write_file_status(values)
            claim.message_post(body=self.env._("Claim reopened. Reason: %s", reason))
        return True

    def _has_field_access(self, field, operation):
        """Portal users (participants) read the portal's view of a claim only."""
        if self.env.user.share and not self.env.su and not (
                field.name in PORTAL_FIELDS
                or field.name in self.env["mail.thread"]._fields
                or field.name in self.env["mail.activity.mixin"]._fields):
            return False
        return super()._has_field_access(field, operation)

    def _write_file_status(self, values):
        """Write a file status change that Close, Reopen or an assignment has checked.

        The caller's write right on the claims is checked; the write itself is done as
        superuser, the only way past the guard of ``write`` (a context key would be the
        caller's to set).
        """
        self.check_access("write")
        self.sudo().write(values)

    def action_mark_off(self, reason, note=None):
        """Mark off as duplicate or erroneous: the claim stays but leaves the work lists."""
        if reason not in dict(MARK_OFF_REASONS):
            raise UserError(self.env._("Mark a claim off as a duplicate or as erroneous."))
        self.write({"is_marked_off": True, "mark_off_reason": reason})
        if note:
            for claim in self:
                claim.message_post(body=self.env._("Marked off: %s", note))
        return True

    def action_unmark_off(self):
        self.write({"is_marked_off": False, "mark_off_reason": False})
        return True

    def action_open_close_wizard(self):
        return self._open_wizard("claims.claim.close.wizard", self.env._("Close claim"))

    def action_open_reopen_wizard(self):
        return self._open_wizard("claims.claim.reopen.wizard", self.env._("Reopen claim"))

    def action_open_mark_off_wizard(self):
        return self._open_wizard("claims.claim.mark.off.wizard", self.env._("Mark off"))

    def action_open_reserve_wizard(self):
        return self._open_wizard("claims.reserve.wizard", self.env._("Add reserve"))

    def action_view_payments(self):
        return records_of(self, "claims_base.claims_payment_action", "claim_id")

    def action_view_documents(self):
        return records_of(self, "claims_base.claims_document_action", "claim_id")

    # ------------------------------------------------------------------ mail thread

    def _track_subtype(self, initial_values):
        """A stage change is one "Stage changed" message, whatever else changed with it."""
        self.ensure_one()
        if "stage_id" in initial_values:
            return self.env.ref("claims_base.mt_claim_stage")
        return super()._track_subtype(initial_values)

    # ------------------------------------------------------------------ business

    def _get_close_problems(self):
        """Texts of what stands against closing: outstanding reserve, pending payments."""
        self.ensure_one()
        problems = []
        if self.currency_id.compare_amounts(self.amount_outstanding, 0) != 0:
            problems.append(self.env._(
                "Claim %(claim)s still has an outstanding reserve of %(amount)s.",
                claim=self.name,
                amount=format_amount(self.env, self.amount_outstanding, self.currency_id)))
        pending = self.payment_ids.filtered(lambda p: p.state in ("requested", "approved", "sent"))
        if pending:
            problems.append(self.env._(
                "Claim %(claim)s has %(count)s payment(s) not yet paid.",
                claim=self.name, count=len(pending)))
        return problems

    # ------------------------------------------------------------------ helpers

    def _get_closing_stage(self):
        return self.env["claims.claim.stage"].search([("is_closing", "=", True)], limit=1)

    def _get_reopen_stage(self):
        """The last working stage before the closing ones: where a reopened claim resumes."""
        return self.env["claims.claim.stage"].search(
            [("is_closing", "=", False)], order="sequence desc, id desc", limit=1)

    def _open_wizard(self, model, title):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": title,
            "res_model": model,
            "view_mode": "form",
            "target": "new",
            "context": {"default_claim_id": self.id},
        }
