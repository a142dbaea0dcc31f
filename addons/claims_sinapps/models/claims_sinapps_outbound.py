# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_amount

from odoo.addons.claims_connector.connector.exceptions import PermanentError

KINDS = ("sollicitation", "sollicitation_answer", "appointment", "quote", "quote_decision",
         "planning", "invoice")


class ClaimsSinappsOutbound(models.AbstractModel):
    """What the platform sends to Sinapps: one exchange and one job per message.

    ``_send`` makes the exchange (its payload: what is sent, as JSON) after the caller's
    checks; ``_process`` (the job) speaks to Sinapps through the client, which tests each
    command before submitting it, and writes the result on the record. A refusal of Sinapps
    (its rules, a command the mission's step does not offer) fails the exchange for good, and
    says so on the claim and on the record.
    """

    _name = "claims.sinapps.outbound"
    _description = "Sinapps outbound messages"

    @api.model
    def _send(self, claim, kind, record, payload=None):
        backend = claim.sinapps_backend_id
        if not backend or not claim.sinapps_mission_href:
            raise UserError(self.env._("This claim did not come from a Sinapps mission."))
        exchange = self.env["claims.exchange"]._create_for(backend, [{
            "direction": "out", "kind": kind, "external_id": claim.sinapps_mission_id,
            "res_model": record._name, "res_id": record.id}])
        exchange._set_payload(json.dumps(payload or {}, default=str), f"{kind}.json")
        exchange._enqueue()
        return exchange

    @api.model
    def _process(self, backend, exchange):
        exchange_sudo = exchange.sudo()
        record = exchange_sudo.record_ref
        if not record:
            exchange._set_skipped(self.env._("The record to send was deleted."))
            return None
        record = record.sudo()
        claim = record if record._name == "claims.claim" else record.claim_id
        payload = json.loads(exchange_sudo.payload_attachment_id.raw or b"{}")
        client = backend._get_client()
        mission = client.mission(claim.sinapps_mission_href)
        try:
            summary = getattr(self, f"_out_{exchange.kind}")(client, mission, record, payload)
        except PermanentError as err:
            # kept, unlike a raise that rolls the job's work back: the record shows the failure
            exchange._set_error(str(err), err.kind)
            self._on_refused(record, err)
            return record
        exchange._set_done(record, summary=summary)
        return record

    def _on_refused(self, record, err):
        if "state" in record._fields and record._name != "claims.claim":
            record.write({"state": "error"})
        if record._name == "claims.sinapps.deposit" and record.source == "portal":
            record._tell_trade(self.env._(
                "Sinapps refused %(ref)s: %(error)s. The platform will come back to you.",
                ref=record.reference, error=str(err)))

    # ------------------------------------------------------------------ messages

    def _out_sollicitation(self, client, mission, record, payload):
        files = [(a.name, a.raw, a.mimetype) for a in record.attachment_ids]
        result = client.send_sollicitation(mission, record.recipient, record.kind, record.text,
                                           record.date_due or None, files)
        created = result.get("created")
        record.write({"state": "sent", "sinapps_id": created and created.properties.get("id"),
                      "sinapps_href": created and created.href})
        return self.env._("sollicitation sent")

    def _out_sollicitation_answer(self, client, mission, record, payload):
        files = [(a.name, a.raw, a.mimetype) for a in record.attachment_ids]
        client.answer_sollicitation(record.sinapps_href, record.answer, files)
        record.write({"state": "answered", "date_answer": fields.Datetime.now()})
        return self.env._("answer sent")

    def _out_appointment(self, client, mission, record, payload):
        trade = record.sinapps_trade_id
        client.take_appointment(mission, payload["day"], payload["start"], {
            "name": trade.name or "", "phone": trade.phone or "",
            "reference": trade.ref or ""}, end=payload.get("end"), kind=payload.get(
                "kind", "site"), notes=payload.get("notes"))
        return self.env._("appointment on %(day)s at %(start)s", **payload)

    def _out_planning(self, client, mission, record, payload):
        client.plan_intervention(mission, payload["day"], comment=payload.get("comment"))
        return self.env._("works on %s", payload["day"])

    def _out_quote(self, client, mission, record, payload):
        trade = record.partner_id
        result = client.deposit_quote(
            mission, record.reference, record.date, record.line_ids._sinapps_values(),
            record.validation, record._pdf_file(), trade={"name": trade.name,
                                                          "phone": trade.phone or ""})
        created = result.get("created")
        automatic = record.validation == "automatic"
        record.write({"sinapps_id": created and created.properties.get("id"),
                      "state": "validated" if automatic else "pending",
                      "decided_by": "automatic" if automatic else False})
        record.claim_id.message_post(body=Markup("<p>%s</p>") % self.env._(
            "Quote %(ref)s (%(amount)s incl. VAT) deposited to Sinapps, validation: %(who)s.",
            ref=record.reference,
            amount=format_amount(self.env, record.amount_total, record.currency_id), who=dict(
                record._fields["validation"]._description_selection(self.env))[
                record.validation]), subtype_xmlid="mail.mt_note")
        if automatic:
            record._tell_trade(self.env._(
                "Your quote %s is validated: set the date of the works.", record.reference))
        return self.env._("quote %s deposited", record.reference)

    def _out_quote_decision(self, client, mission, record, payload):
        quote = next((q for q in client.items(mission, "devis")
                      if q.properties.get("id") == record.sinapps_id), None)
        if not quote:
            raise PermanentError(self.env._("Sinapps has no quote %s on this mission.",
                                            record.reference), kind="unknown_quote")
        client.decide_quote(quote, payload["accept"], payload.get("reason"))
        record._set_decision("validated" if payload["accept"] else "refused", "platform",
                             payload.get("reason"))
        return self.env._("quote %s decided", record.reference)

    def _out_invoice(self, client, mission, record, payload):
        result = client.deposit_invoice(
            mission, record.reference, record.date, record.line_ids._sinapps_values(),
            record._pdf_file(), kind="works", quote_id=record.quote_id.sinapps_id or None)
        created = result.get("created")
        record.write({"state": "deposited",
                      "sinapps_id": created and created.properties.get("id")})
        record.claim_id.message_post(body=Markup("<p>%s</p>") % self.env._(
            "Invoice %(ref)s of %(trade)s (%(amount)s incl. VAT) deposited to Sinapps.",
            ref=record.reference, trade=record.partner_id.name,
            amount=format_amount(self.env, record.amount_total, record.currency_id)),
            subtype_xmlid="mail.mt_note")
        return self.env._("invoice %s deposited", record.reference)

    # ------------------------------------------------------------------ the trade's dates

    @api.model
    def _set_appointment(self, claim, start, end=None, notes=None):
        """Record the trade's appointment on the claim and transcribe it to Sinapps.

        :param start: the visit, a naive datetime in the user's time zone (or the arrival
            window's start when ``end`` is given)
        """
        values = {"sinapps_appointment": self._to_utc(start),
                  "sinapps_appointment_end": end and self._to_utc(end)}
        claim.sudo().write(values)
        if claim.sinapps_trade_id:
            claim.sudo().date_site_visit = start.date()
        payload = {"day": start.date().isoformat(), "start": start.strftime("%H:%M"),
                   "end": end and end.strftime("%H:%M"), "notes": notes}
        return self._send(claim, "appointment", claim, payload)

    @api.model
    def _set_intervention(self, claim, day, comment=None):
        if not claim.sinapps_deposit_ids.filtered(
                lambda d: d.kind == "quote" and d.state == "validated"):
            raise UserError(self.env._("The works are planned once a quote is validated."))
        claim.sudo().sinapps_date_intervention = day
        return self._send(claim, "planning", claim, {"day": day.isoformat(),
                                                     "comment": comment})

    def _to_utc(self, moment):
        local = fields.Datetime.context_timestamp(self, fields.Datetime.now())
        return moment - (local.utcoffset() or timedelta())
