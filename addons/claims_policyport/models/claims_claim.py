# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import AccessError

DEDUCTIBLE_KINDS = [("amount", "$"), ("percent", "%")]
# PolicyPort's guide: marking a claim off is for authorised users (this group) only.
MARK_OFF_FIELDS = {"is_marked_off", "mark_off_reason"}
MARK_OFF_GROUP = "claims_policyport.group_claims_mark_off"


class ClaimsClaim(models.Model):
    """What PolicyPort says of a claim that our domain has no field for (see mapping.py)."""

    _inherit = "claims.claim"

    tiva_claim_id = fields.Char(string="Tiva claim id", readonly=True, index="btree_not_null",
                                copy=False, tracking=True)
    tiva_client = fields.Char(string="Client", readonly=True, copy=False, tracking=True)
    tiva_client_file_status = fields.Char(string="Client file status", readonly=True, tracking=True)
    tiva_file_type = fields.Char(string="File type", tracking=True)
    tiva_event = fields.Char(string="Event", tracking=True)
    tiva_peril = fields.Char(string="Peril", tracking=True)
    tiva_loss_description = fields.Text(string="Loss description", tracking=True)
    tiva_reported_by = fields.Char(string="Reported by", tracking=True)
    tiva_severity_code = fields.Char(string="Severity code", tracking=True)
    tiva_agent_company = fields.Char(string="Agent company", tracking=True)
    # Loss location and the insured's phones
    tiva_loss_street = fields.Char(string="Loss address", tracking=True)
    tiva_loss_city = fields.Char(string="Loss city", tracking=True)
    tiva_loss_state = fields.Char(string="Loss state", tracking=True)
    tiva_loss_zip = fields.Char(string="Loss ZIP", tracking=True)
    tiva_phone_home = fields.Char(string="Home phone", tracking=True)
    tiva_phone_mobile = fields.Char(string="Mobile phone", tracking=True)
    tiva_phone_work = fields.Char(string="Work phone", tracking=True)
    tiva_phone_fax = fields.Char(string="Fax", tracking=True)
    tiva_phone_other = fields.Char(string="Other phone", tracking=True)
    # The policy as PolicyPort sent it, on the claim's Policy tab
    tiva_policy_type = fields.Char(related="policy_id.policy_type", string="Policy type")
    tiva_policy_date_start = fields.Date(related="policy_id.date_start", string="Policy start")
    tiva_policy_date_end = fields.Date(related="policy_id.date_end", string="Policy end")
    tiva_endorsement = fields.Char(related="policy_id.tiva_endorsement")
    tiva_exclude_wind = fields.Boolean(related="policy_id.tiva_exclude_wind")
    # Deductibles by peril, as a stated amount or a percentage
    tiva_deductible_aop_kind = fields.Selection(DEDUCTIBLE_KINDS, string="AOP deductible in",
                                                tracking=True)
    tiva_deductible_aop = fields.Float(string="AOP deductible", tracking=True)
    tiva_deductible_hurricane_kind = fields.Selection(
        DEDUCTIBLE_KINDS, string="Hurricane deductible in", tracking=True)
    tiva_deductible_hurricane = fields.Float(string="Hurricane deductible", tracking=True)
    tiva_deductible_sinkhole_kind = fields.Selection(
        DEDUCTIBLE_KINDS, string="Sinkhole deductible in", tracking=True)
    tiva_deductible_sinkhole = fields.Float(string="Sinkhole deductible", tracking=True)
    # Financials against PolicyPort (claims_policyport_drift.py)
    tiva_has_drift = fields.Boolean(
        string="Differs from PolicyPort", readonly=True, copy=False, index=True,
        help="Set by the daily check when the reserves or payments differ from PolicyPort's.",
        tracking=True,
    )
    tiva_drift_summary = fields.Text(string="Differences with PolicyPort", readonly=True,
                                     copy=False)

    # ------------------------------------------------------------------ CRUD

    def write(self, vals):
        if MARK_OFF_FIELDS & set(vals) and not self.env.su:
            self._check_mark_off_right()
        return super().write(vals)

    # ------------------------------------------------------------------ actions

    def action_mark_off(self, reason, note=None):
        """Mark off: on a PolicyPort claim, for the group "mark PolicyPort claims off" only."""
        self._check_mark_off_right()
        self.check_access("write")
        # checked above: written as superuser, past the guard of ``write``
        return super(ClaimsClaim, self.sudo()).action_mark_off(reason, note=note)

    def action_unmark_off(self):
        self._check_mark_off_right()
        self.check_access("write")
        return super(ClaimsClaim, self.sudo()).action_unmark_off()

    def action_close(self, reason=None):
        """Close; a PolicyPort claim is closed in PolicyPort too (the backend's option)."""
        result = super().action_close(reason=reason)
        self.env["claims.policyport.claim.status"]._queue(
            self, "Closed", reason or self.env._("Closed by %s", self.env.user.name))
        return result

    def action_reopen(self, reason=None):
        """Reopen; a PolicyPort claim is reopened in PolicyPort too (the backend's option)."""
        result = super().action_reopen(reason=reason)
        self.env["claims.policyport.claim.status"]._queue(self, "Reopened", reason)
        return result

    def action_policyport_compare(self):
        """Open the comparison of this claim's financials with PolicyPort's."""
        self.ensure_one()
        self.check_access("read")
        wizard = self.env["claims.policyport.compare"].create({"claim_id": self.id})
        wizard._refresh()
        return wizard._action_open()

    # ------------------------------------------------------------------ helpers

    def _check_mark_off_right(self):
        """Refuse to mark PolicyPort claims off (or back to work) without the right."""
        bound = self.env["claims.policyport.financials"]._backends_by_claim(self)
        if bound and not self.env.user.has_group(MARK_OFF_GROUP):
            raise AccessError(self.env._(
                "Marking a PolicyPort claim off, or putting it back to work, needs the group "
                "\"Claims: mark PolicyPort claims off\"."))
