# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The trade's steps on a Sinapps claim, in /my/claims/<id>: appointment, quote, works date,
invoice.

A trade is an active participant of the claim with the repairer role; every route checks it
(the claim read as the portal user, then the participant) before writing as superuser what
the trade sent. The claim's Sinapps fields are the desk's: the page gets a projection.
"""

import base64
import re
from datetime import date, datetime

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.claims_base.controllers.portal import ClaimsPortal

from .. import mapping

MAX_PDF_BYTES = 20 * 1024 * 1024
TRADE_ROLE = "repairer"
TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
OPEN_QUOTE_STATES = ("submitted", "depositing", "pending", "validated")


class SinappsTradePortal(ClaimsPortal):
    def _prepare_claim_page_values(self, claim, **kw):
        values = super()._prepare_claim_page_values(claim, **kw)
        if self._sinapps_is_trade(claim):
            values["sinapps"] = self._sinapps_page_values(claim, kw)
        return values

    def _sinapps_is_trade(self, claim):
        claim_sudo = claim.sudo()
        return bool(claim_sudo.sinapps_mission_id) and bool(claim_sudo.participant_ids.filtered(
            lambda p: p.active and p.role_id.code == TRADE_ROLE
            and p.partner_id == request.env.user.partner_id))

    def _sinapps_page_values(self, claim, kw):
        claim_sudo = claim.sudo()
        # the trade's own quotes and invoices, as the portal user: the record rules filter
        deposits = request.env["claims.sinapps.deposit"].search([("claim_id", "=", claim.id)])
        quotes = deposits.filtered(lambda d: d.kind == "quote")
        validated = quotes.filtered(lambda d: d.state == "validated")
        invoices = deposits.filtered(lambda d: d.kind == "invoice" and d.state != "error")
        return {
            "deposits": deposits,
            "risk": ", ".join(filter(None, (
                claim_sudo.sinapps_risk_street, claim_sudo.sinapps_risk_street2,
                claim_sudo.sinapps_risk_zip, claim_sudo.sinapps_risk_city))),
            "damages": claim_sudo.sinapps_damages_declared,
            "mission_number": claim_sudo.sinapps_mission_number,
            "appointment": claim_sudo.sinapps_appointment,
            "date_intervention": claim_sudo.sinapps_date_intervention,
            "can_appoint": not claim_sudo.sinapps_date_intervention,
            "can_quote": not quotes.filtered(lambda d: d.state in OPEN_QUOTE_STATES),
            "can_plan": bool(validated) and not invoices,
            "can_invoice": bool(claim_sudo.sinapps_date_intervention) and not invoices,
            "vat_rates": [(rate, f"{rate:g} %") for rate in mapping.VAT_RATES],
            "error": kw.get("sinapps_error"),
            "done": kw.get("sinapps_done"),
            "today": date.today().isoformat(),
        }

    def _sinapps_trade_claim(self, claim_id):
        """The claim, if the portal user is its trade (AccessError otherwise)."""
        claim = self._claims_get_claim(claim_id)
        if not self._sinapps_is_trade(claim):
            raise AccessError(request.env._("You are not the trade of this claim."))
        return claim

    def _sinapps_back(self, claim_id, error=None, done=None):
        query = f"sinapps_error={error}" if error else f"sinapps_done={done}"
        return request.redirect(f"/my/claims/{claim_id}?{query}#sinapps")

    # ------------------------------------------------------------------ routes

    @http.route("/my/claims/<int:claim_id>/sinapps/appointment", type="http", auth="user",
                methods=["POST"], website=True)
    def portal_sinapps_appointment(self, claim_id, day=None, start=None, end=None, **kw):
        try:
            claim = self._sinapps_trade_claim(claim_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._sinapps_page_values(claim, {})
        try:
            moment = datetime.fromisoformat(f"{day}T{start}") if TIME.match(start or "") \
                else None
        except ValueError:
            moment = None
        if not moment or (end and not TIME.match(end)) or not values["can_appoint"]:
            return self._sinapps_back(claim.id, error="appointment")
        until = end and datetime.fromisoformat(f"{day}T{end}")
        request.env["claims.sinapps.outbound"].sudo()._set_appointment(
            claim.sudo(), moment, until)
        self._sinapps_log(claim, request.env._("%(trade)s set the appointment: %(day)s %(start)s",
                                               trade=request.env.user.partner_id.name, day=day,
                                               start=start))
        return self._sinapps_back(claim.id, done="appointment")

    @http.route("/my/claims/<int:claim_id>/sinapps/works", type="http", auth="user",
                methods=["POST"], website=True)
    def portal_sinapps_works(self, claim_id, day=None, **kw):
        try:
            claim = self._sinapps_trade_claim(claim_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        try:
            when = date.fromisoformat(day or "")
        except ValueError:
            return self._sinapps_back(claim.id, error="works")
        if not self._sinapps_page_values(claim, {})["can_plan"]:
            return self._sinapps_back(claim.id, error="works")
        request.env["claims.sinapps.outbound"].sudo()._set_intervention(claim.sudo(), when)
        self._sinapps_log(claim, request.env._("%(trade)s set the works date: %(day)s",
                                               trade=request.env.user.partner_id.name, day=day))
        return self._sinapps_back(claim.id, done="works")

    @http.route(["/my/claims/<int:claim_id>/sinapps/quote",
                 "/my/claims/<int:claim_id>/sinapps/invoice"], type="http", auth="user",
                methods=["POST"], website=True)
    def portal_sinapps_deposit(self, claim_id, reference=None, pdf=None, **kw):
        kind = "invoice" if request.httprequest.path.endswith("/invoice") else "quote"
        try:
            claim = self._sinapps_trade_claim(claim_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._sinapps_page_values(claim, {})
        if not values["can_quote" if kind == "quote" else "can_invoice"]:
            return self._sinapps_back(claim.id, error=kind)
        content = pdf.read(MAX_PDF_BYTES + 1) if pdf and pdf.filename else b""
        if not content.startswith(b"%PDF") or len(content) > MAX_PDF_BYTES:
            return self._sinapps_back(claim.id, error="pdf")
        lines = self._sinapps_lines()
        if not lines or not (reference or "").strip():
            return self._sinapps_back(claim.id, error="lines")
        try:
            with request.env.cr.savepoint():
                # sudo: the trade was checked above; the deposit is theirs, on this claim
                request.env["claims.sinapps.deposit"].sudo().create({
                    "claim_id": claim.id, "partner_id": request.env.user.partner_id.id,
                    "kind": kind, "reference": reference.strip()[:64],
                    "pdf": base64.b64encode(content),
                    "pdf_name": mapping.safe_filename(pdf.filename), "source": "portal",
                    "line_ids": [(0, 0, line) for line in lines]})
        except (ValidationError, UserError):
            return self._sinapps_back(claim.id, error="lines")
        label = dict(request.env["claims.sinapps.deposit"]._fields["kind"]._description_selection(
            request.env))[kind].lower()
        self._sinapps_log(claim, request.env._("%(trade)s sent %(kind)s %(ref)s.",
                                               trade=request.env.user.partner_id.name,
                                               kind=label, ref=reference))
        return self._sinapps_back(claim.id, done=kind)

    # ------------------------------------------------------------------ helpers

    def _sinapps_lines(self):
        """The amount lines of the form: [{name, quantity, uom, price_unit, vat_rate}]."""
        form = request.httprequest.form
        lines = []
        for name, quantity, uom, price, vat in zip(
                form.getlist("line_name"), form.getlist("line_quantity"),
                form.getlist("line_uom"), form.getlist("line_price"), form.getlist("line_vat"),
                strict=False):
            if not name.strip():
                continue
            try:
                values = {"name": name.strip()[:200], "quantity": float(quantity or 1),
                          "uom": uom.strip()[:20], "price_unit": float(price),
                          "vat_rate": float(vat)}
            except ValueError:
                return []
            if values["vat_rate"] not in mapping.VAT_RATES or values["quantity"] <= 0:
                return []
            lines.append(values)
        return lines[:50]

    def _sinapps_log(self, claim, body):
        claim.sudo().message_post(body=body, author_id=request.env.user.partner_id.id,
                                  subtype_xmlid="mail.mt_note")
