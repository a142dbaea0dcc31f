# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from odoo.addons.claims_connector.connector.exceptions import PermanentError

from .. import client as pp_client
from .. import mapping

OUT_KINDS = ("reserve", "payment", "void")
# sent by the scheduled run with them: closing and reopening (claims_policyport_claim_status.py)
RUN_KINDS = (*OUT_KINDS, "claim_status")


class ClaimsPolicyportFinancials(models.AbstractModel):
    """Reserves, payments and voids out to PolicyPort; checks and voids in.

    Each message out is an exchange created with its body (the payload) and an idempotency
    key (``message_id``) in the user's transaction: every try of its job sends the same bytes
    with the same key, so PolicyPort records it once whatever times out. A body that must
    change (a payee's Tiva id corrected) is a new exchange with a new key.
    """

    _name = "claims.policyport.financials"
    _description = "PolicyPort financials"

    # ------------------------------------------------------------------ lookups

    @api.model
    def _backends_by_claim(self, claims):
        """{claim id: backend} of the claims bound to a PolicyPort backend (one query)."""
        if not claims:
            return {}
        bindings = self.env["claims.binding"].sudo().search_read([
            ("backend_model", "=", "claims.policyport.backend"),
            ("res_model", "=", "claims.claim"), ("res_id", "in", claims.ids),
        ], ["res_id", "backend_id"])
        Backend = self.env["claims.policyport.backend"].sudo()
        return {b["res_id"]: Backend.browse(b["backend_id"]) for b in bindings}

    @api.model
    def _tiva_id(self, partner, claim):
        """A partner's Tiva id on a claim: its participant reference, else its Tiva Payee ID in
        the claim's backend."""
        if not partner:
            return False
        participant = claim.participant_ids.filtered(
            lambda p: p.partner_id == partner and p.reference)[:1]
        if participant:
            return participant.reference
        backend = self._backends_by_claim(claim).get(claim.id)
        return self.env["claims.policyport.vendor"]._payee_ids(backend, partner).get(
            partner.id, False)

    # ------------------------------------------------------------------ out: queueing

    @api.model
    def _queue(self, backend, kind, records, bodies, external_id=None):
        """Exchanges out with their body and key; enqueued at once when the backend says so."""
        vals_list, payloads = [], []
        for record, body in zip(records, bodies, strict=True):
            values = {"direction": "out", "kind": kind, "res_model": record._name,
                      "res_id": record.id, "message_id": pp_client.new_idempotency_key(),
                      "external_id": external_id or record.claim_id.tiva_claim_id or False}
            if isinstance(body, PermanentError):
                values.update(state="error", error_text=str(body), error_kind=body.kind,
                              date_done=fields.Datetime.now())
            vals_list.append(values)
            payloads.append(body)
        exchanges = self.env["claims.exchange"]._create_for(backend, vals_list)
        attachments = self.env["ir.attachment"].sudo().create([
            exchange._payload_values(body, f"{kind}-{exchange.message_id}.xml")
            for exchange, body in zip(exchanges, payloads, strict=True)
            if not isinstance(body, PermanentError)
        ])
        pending = exchanges.filtered(lambda e: e.state == "pending")
        for exchange, attachment in zip(pending, attachments, strict=True):
            exchange.payload_attachment_id = attachment
        if backend.export_mode == "asap":
            pending._enqueue()
        return exchanges

    @api.model
    def _queue_reserve_changes(self, lines):
        """Queue the export of reserve lines on claims bound to PolicyPort."""
        backends = self._backends_by_claim(lines.claim_id)
        for backend in set(backends.values()):
            mine = lines.filtered(lambda line, b=backend: backends.get(line.claim_id.id) == b)
            for claim in mine.claim_id:
                if not self._tiva_id(claim.claimant_id, claim):
                    raise ValidationError(mapping.MESSAGE_CONTACT_TIVA_ID)
            self._queue(backend, "reserve", mine, [self._reserve_body(line) for line in mine])

    def _reserve_body(self, line):
        try:
            return pp_client.render_reserve_change(mapping.reserve_change_values(
                line.coverage_id.coverage_type_id.code, line.amount_change, line.reason))
        except PermanentError as err:
            return err

    @api.model
    def _check_payments(self, payments):
        """Raise PolicyPort's own message for a payment it would refuse."""
        backends = self._backends_by_claim(payments.claim_id)
        for payment in payments.filtered(lambda p: p.claim_id.id in backends):
            if payment.tiva_never_sent:
                continue
            problems = mapping.payment_problems(*self._payment_tiva_ids(payment))
            if problems:
                raise ValidationError("\n".join(problems))

    def _payment_tiva_ids(self, payment):
        claim = payment.claim_id
        return (
            self._tiva_id(payment.partner_id, claim),
            [(self._tiva_id(partner, claim), partner.name)
             for partner in payment.additional_payee_ids],
            self._tiva_id(claim.claimant_id, claim),
        )

    def _payment_body(self, payment):
        payee, additional, _claimant = self._payment_tiva_ids(payment)
        try:
            return pp_client.render_payment(mapping.payment_values(
                payment.coverage_id.coverage_type_id.code, payee, additional, payment.amount,
                payment.remarks))
        except PermanentError as err:
            return err

    @api.model
    def _queue_payments(self, payments):
        """Queue the export of approved payments on claims bound to PolicyPort."""
        backends = self._backends_by_claim(payments.claim_id)
        for payment in payments.filtered(
                lambda p: p.claim_id.id in backends and not p.tiva_never_sent):
            self._queue(backends[payment.claim_id.id], "payment", payment,
                        [self._payment_body(payment)])

    @api.model
    def _queue_voids(self, payments, reason):
        """Voids made here: sent when the payment had been sent; otherwise its export stops."""
        backends = self._backends_by_claim(payments.claim_id)
        for payment in payments.filtered(lambda p: p.claim_id.id in backends):
            if not payment.tiva_payment_id:
                self._cancel_pending(payment, self.env._("Voided before it was sent."))
                continue
            backend = backends[payment.claim_id.id]
            if backend.export_voids:
                self._queue(backend, "void", payment, [pp_client.render_void(reason)],
                            external_id=payment.tiva_payment_id)

    @api.model
    def _cancel_pending(self, records, reason, states=("pending",)):
        exchanges = self.env["claims.exchange"].sudo().search([
            ("res_model", "=", records._name), ("res_id", "in", records.ids),
            ("direction", "=", "out"), ("state", "in", states),
        ])
        exchanges._set_skipped(reason)
        return exchanges

    # ------------------------------------------------------------------ out: jobs

    @api.model
    def _process(self, backend, exchange):
        """The work of one outbound exchange: post its stored body with its key."""
        record = self.env[exchange.res_model].browse(exchange.res_id).exists()
        claim = record.claim_id
        if claim:
            # an overwrite from PolicyPort holds this lock while it runs: wait for it
            self.env.cr.execute(SQL("SELECT id FROM claims_claim WHERE id = %s FOR UPDATE",
                                    claim.id))
        body = exchange.sudo().payload_attachment_id.raw
        key = exchange.message_id
        client = backend._get_client()
        if exchange.kind == "reserve":
            ack = client.post_reserve(claim.tiva_claim_id, body, key)
            summary = self.env._("Reserve %(id)s: total %(total).2f in PolicyPort",
                                 id=ack["reserve_id"], total=ack["total"])
            exchange.sudo().external_id = ack["reserve_id"]
        elif exchange.kind == "payment":
            if record.state != "approved":
                exchange._set_skipped(self.env._("The payment is no longer approved."), record)
                return record
            ack = client.post_payment(claim.tiva_claim_id, body, key)
            record.sudo().write({
                "tiva_payment_id": ack["payment_id"], "tiva_payable_to": ack["payable_to"]})
            record._policyport_mark_sent()
            summary = self.env._("Payment %(id)s payable to %(name)s",
                                 id=ack["payment_id"], name=ack["payable_to"])
            exchange.sudo().external_id = ack["payment_id"]
        elif exchange.kind == "void":
            client.post_void(record.tiva_payment_id, body, key)
            summary = self.env._("Payment %s voided in PolicyPort", record.tiva_payment_id)
        else:
            raise PermanentError(f"Unknown PolicyPort exchange kind {exchange.kind}")
        exchange._set_done(record, summary=summary)
        return record

    # ------------------------------------------------------------------ scheduled run

    @api.model
    def _run(self, backend):
        """One scheduled run: send what waits, resend corrected payments, read checks/voids."""
        waiting = self.env["claims.exchange"].sudo().search([
            ("backend_model", "=", backend._name), ("backend_id", "=", backend.id),
            ("direction", "=", "out"), ("kind", "in", RUN_KINDS), ("state", "=", "pending"),
            ("job_uuid", "=", False),
        ])
        waiting._enqueue()
        resent = self._resend_corrected_payments(backend)
        since = (backend.financials_cursor or fields.Date.context_today(self)) - timedelta(days=1)
        client = backend._get_client()
        paid = self._apply_checks(backend, client.list_checks(self._checks_since(backend, since)))
        voided = self._apply_voids(backend, client.list_voids(since))
        backend.sudo().financials_cursor = fields.Date.context_today(self)
        return self.env._(
            "%(sent)s to send, %(resent)s payments sent again, %(paid)s paid, %(voided)s voided",
            sent=len(waiting), resent=len(resent), paid=len(paid), voided=len(voided))

    def _checks_since(self, backend, since):
        """The day from which checks are asked for: the day before the cursor, or earlier.

        PolicyPort may print a check days after the date it bears: a check dated before the
        cursor must still be found. So the window also reaches back to the day before the
        oldest payment of this backend that was sent and still waits for its check was
        approved (no check of it can bear an earlier date). Checks read twice are applied
        once: their message id is unique per backend.
        """
        waiting = self.env["claims.payment"].sudo().search([
            ("tiva_payment_id", "!=", False), ("state", "in", ("approved", "sent")),
        ], order="date_approved, id")
        backends = self._backends_by_claim(waiting.claim_id)
        oldest = waiting.filtered(lambda p: backends.get(p.claim_id.id) == backend)[:1]
        if oldest.date_approved:
            since = min(since, oldest.date_approved.date() - timedelta(days=1))
        return since

    def _resend_corrected_payments(self, backend):
        """Failed payments whose body changed since (a Tiva id corrected) go again."""
        failed = self.env["claims.exchange"].sudo().search([
            ("backend_model", "=", backend._name), ("backend_id", "=", backend.id),
            ("kind", "=", "payment"), ("direction", "=", "out"), ("state", "=", "error"),
            ("res_model", "=", "claims.payment"),
        ])
        payments = self.env["claims.payment"].browse(set(failed.mapped("res_id"))).exists()
        resent = self.env["claims.payment"]
        for payment in payments.filtered(lambda p: p.state == "approved"):
            latest = max(failed.filtered(lambda e, p=payment: e.res_id == p.id), key=lambda e: e.id)
            newer = self.env["claims.exchange"].sudo().search_count([
                ("res_model", "=", "claims.payment"), ("res_id", "=", payment.id),
                ("kind", "=", "payment"), ("id", ">", latest.id)], limit=1)
            body = self._payment_body(payment)
            unchanged = body == latest.payload_attachment_id.raw
            if newer or isinstance(body, PermanentError) or unchanged:
                continue
            self._queue(backend, "payment", payment, [body])._enqueue()
            resent |= payment
        return resent

    def _new_messages(self, backend, kind, messages):
        """The inbound messages not seen yet (message id unique per backend and kind)."""
        seen = set(self.env["claims.exchange"].sudo().search([
            ("backend_model", "=", backend._name), ("backend_id", "=", backend.id),
            ("kind", "=", kind), ("message_id", "in", [m["message_id"] for m in messages]),
        ]).mapped("message_id"))
        return [m for m in messages if m["message_id"] not in seen]

    def _payments_by_tiva_id(self, payment_ids):
        payments = self.env["claims.payment"].search([("tiva_payment_id", "in", payment_ids)])
        return {payment.tiva_payment_id: payment for payment in payments}

    def _log_in(self, backend, kind, message, record, state, summary):
        self.env["claims.exchange"]._create_for(backend, [{
            "direction": "in", "kind": kind, "message_id": message["message_id"],
            "external_id": message["payment_id"], "state": state, "summary": summary,
            "res_model": record._name if record else False, "res_id": record.id if record else 0,
            "date_done": fields.Datetime.now(),
        }])

    def _apply_checks(self, backend, checks):
        """Issued checks: number and date on the payment, which becomes paid."""
        for check in checks:
            check["message_id"] = f"{check['payment_id']}:{check['check_number']}"
        checks = self._new_messages(backend, "check", checks)
        payments = self._payments_by_tiva_id([c["payment_id"] for c in checks])
        paid = self.env["claims.payment"]
        for check in checks:
            payment = payments.get(check["payment_id"])
            if payment and payment.state in ("approved", "sent"):
                payment._policyport_mark_paid(check["check_number"], check["date_check"])
                paid |= payment
                self._log_in(backend, "check", check, payment, "done", self.env._(
                    "Check %s: paid", check["check_number"]))
            else:
                self._log_in(backend, "check", check, payment, "skipped", self.env._(
                    "Check %s: no approved or sent payment here", check["check_number"]))
        return paid

    def _apply_voids(self, backend, voids):
        """Voids made in PolicyPort: applied to payments exported and paid here only."""
        for void in voids:
            void["message_id"] = void["payment_id"]
        voids = self._new_messages(backend, "void", voids)
        payments = self._payments_by_tiva_id([v["payment_id"] for v in voids])
        voided = self.env["claims.payment"]
        for void in voids:
            payment = payments.get(void["payment_id"])
            if payment and payment.state == "paid":
                payment._transition("voided", date_voided=void["date_void"])
                payment.message_post(body=self.env._("Voided in PolicyPort on %s.",
                                                     void["date_void"]))
                voided |= payment
                self._log_in(backend, "void", void, payment, "done",
                             self.env._("Voided in PolicyPort"))
            else:
                self._log_in(backend, "void", void, payment, "skipped", self.env._(
                    "Voided in PolicyPort; not a paid payment here: left as it is"))
        return voided
