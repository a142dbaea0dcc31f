# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .. import mapping

KINDS = [("quote", "Quote"), ("invoice", "Invoice")]
# What the platform's decisions and Sinapps' answers set: written as superuser by our code.
PROTECTED = frozenset({"state", "sinapps_id", "validation", "source", "decided_by",
                       "decision_reason", "reason", "quote_id"})
STATES = [
    ("submitted", "To review"),
    ("redo", "New one asked"),
    ("depositing", "Being deposited"),
    ("pending", "Waiting for validation"),
    ("validated", "Validated"),
    ("refused", "Refused"),
    ("deposited", "Deposited"),
    ("error", "Failed"),
]
VALIDATIONS = [
    ("insurer", "By the insurer"),
    ("expert", "By the expert"),
    ("platform", "By the platform"),
    ("automatic", "Automatic"),
]


class ClaimsSinappsDeposit(models.Model):
    """A trade's quote or invoice (PDF and amount lines) on a Sinapps claim.

    A quote comes from the trade (portal) or is entered by a platform user (a trade working by
    e-mail); a platform user accepts it, choosing who validates it in Sinapps, and it is
    deposited by an exchange's job; or asks for a new one, and the trade is told why. An
    invoice is deposited as soon as it is sent. Rights: claims users read and decide; a portal
    trade reads their own (``ir_rule.xml``) and sends them through the portal's controller.
    """

    _name = "claims.sinapps.deposit"
    _description = "Sinapps quote or invoice"
    _inherit = ["mail.thread"]
    _order = "create_date desc, id desc"
    _rec_name = "reference"
    _check_company_auto = True

    claim_id = fields.Many2one("claims.claim", required=True, ondelete="cascade", index=True,
                               check_company=True)
    company_id = fields.Many2one(related="claim_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one("res.partner", string="Trade", required=True, index=True)
    kind = fields.Selection(KINDS, required=True, default="quote")
    reference = fields.Char(required=True, help="The quote's reference or the invoice's number.")
    date = fields.Date(required=True, default=fields.Date.context_today)
    line_ids = fields.One2many("claims.sinapps.deposit.line", "deposit_id", string="Lines")
    amount_untaxed = fields.Monetary(string="Excl. VAT", compute="_compute_amounts", store=True)
    amount_tax = fields.Monetary(string="VAT", compute="_compute_amounts", store=True)
    amount_total = fields.Monetary(string="Incl. VAT", compute="_compute_amounts", store=True)
    pdf = fields.Binary(string="PDF file", attachment=True, required=True)
    pdf_name = fields.Char(string="PDF name")
    state = fields.Selection(STATES, default="submitted", required=True, readonly=True,
                             tracking=True)
    validation = fields.Selection(VALIDATIONS, readonly=True, tracking=True,
                                  help="Who validates the quote in Sinapps.")
    reason = fields.Text(string="Why a new one", readonly=True)
    decided_by = fields.Char(readonly=True)
    decision_reason = fields.Text(string="Decision", readonly=True)
    quote_id = fields.Many2one("claims.sinapps.deposit", string="Quote followed", readonly=True,
                               help="The validated quote an invoice follows.")
    source = fields.Selection([("portal", "Portal"), ("desk", "Entered by the platform")],
                              default="desk", readonly=True)
    sinapps_id = fields.Char(string="Sinapps id", readonly=True, copy=False)

    @api.depends("line_ids.amount_untaxed", "line_ids.amount_tax")
    def _compute_amounts(self):
        for deposit in self:
            deposit.amount_untaxed = round(sum(deposit.line_ids.mapped("amount_untaxed")), 2)
            deposit.amount_tax = round(sum(deposit.line_ids.mapped("amount_tax")), 2)
            deposit.amount_total = deposit.amount_untaxed + deposit.amount_tax

    # ------------------------------------------------------------------ CRUD

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                for protected in PROTECTED:
                    vals.pop(protected, None)
        deposits = super().create(vals_list)
        deposits.filtered(lambda d: d.kind == "invoice")._deposit()
        return deposits

    def write(self, vals):
        if not self.env.su and PROTECTED & set(vals):
            raise AccessError(self.env._(
                "The state of a quote or an invoice changes through its buttons only."))
        if not self.env.su and {"line_ids", "pdf", "reference", "kind", "claim_id"} & set(vals):
            if self.filtered(lambda d: d.state != "submitted"):
                raise UserError(self.env._("A quote or an invoice sent to Sinapps is not "
                                           "changed: ask the trade for a new one."))
        return super().write(vals)

    # ------------------------------------------------------------------ actions

    def action_accept(self):
        """Open the choice of who validates the quote in Sinapps."""
        self._check_state("quote", ("submitted", "error"))
        return self._open_decision("accept")

    def action_ask_new(self):
        """Open the reason to give the trade for a new quote."""
        self._check_state("quote", ("submitted",))
        return self._open_decision("redo")

    def action_platform_validate(self):
        """Validate a quote that waits for the platform's validation in Sinapps."""
        self._check_state("quote", ("pending",), validation="platform")
        return self._open_decision("validate")

    def action_platform_refuse(self):
        self._check_state("quote", ("pending",), validation="platform")
        return self._open_decision("refuse")

    def action_retry_deposit(self):
        self._check_state(self.kind, ("error",))
        self._deposit()
        return True

    # ------------------------------------------------------------------ business

    def _check_state(self, kind, states, validation=None):
        self.ensure_one()
        self.check_access("write")
        if self.kind != kind or self.state not in states or (
                validation and self.validation != validation):
            raise UserError(self.env._("This is not possible at this stage of the %s.",
                                       dict(self._fields["kind"]._description_selection(
                                           self.env))[self.kind].lower()))

    def _open_decision(self, decision):
        return {"type": "ir.actions.act_window", "name": self.env._("Decide on the quote"),
                "res_model": "claims.sinapps.deposit.decide",
                "view_mode": "form", "target": "new",
                "context": {"default_deposit_id": self.id, "default_decision": decision}}

    def _deposit(self, validation=None):
        """Send to Sinapps through an exchange's job (after the caller's checks)."""
        for deposit in self:
            values = {"state": "depositing"}
            if validation:
                values["validation"] = validation
            if deposit.kind == "invoice" and not deposit.quote_id:
                values["quote_id"] = deposit.claim_id.sinapps_deposit_ids.filtered(
                    lambda d: d.kind == "quote" and d.state == "validated")[:1].id
            deposit.sudo().write(values)
            self.env["claims.sinapps.outbound"]._send(deposit.claim_id, deposit.kind, deposit)

    def _tell_trade(self, body):
        """A message to the trade, by mail and in the portal (the deposit's chatter)."""
        self.ensure_one()
        self.sudo().message_post(body=body, partner_ids=self.partner_id.ids,
                                 subtype_xmlid="mail.mt_comment", message_type="comment")

    def _pdf_file(self):
        self.ensure_one()
        return (self.pdf_name or f"{self.reference}.pdf", base64.b64decode(self.sudo().pdf))

    @api.model
    def _receive_decisions(self, claim, resources):
        """The insurer's or the expert's decisions on the claim's quotes (from the events)."""
        decided = []
        by_id = {d.sinapps_id: d for d in claim.sudo().sinapps_deposit_ids if d.sinapps_id}
        for resource in resources:
            values = mapping.quote_values(resource.data)
            deposit = by_id.get(values["sinapps_id"])
            if not deposit or values["state"] not in ("validated", "refused") or (
                    deposit.state == values["state"]):
                continue
            deposit._set_decision(values["state"], values["decided_by"],
                                  values["decision_reason"])
            decided.append(deposit.reference)
        return self.env._("quotes decided: %s", ", ".join(decided) or "-")

    def _set_decision(self, state, decided_by, reason):
        self.sudo().write({"state": state, "decided_by": decided_by, "decision_reason": reason})
        if state == "validated":
            self._tell_trade(self.env._(
                "Your quote %s is validated: set the date of the works.", self.reference))
        else:
            self._tell_trade(self.env._("Your quote %(ref)s is refused: %(reason)s",
                                        ref=self.reference, reason=reason or "-"))
