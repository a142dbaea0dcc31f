# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
from collections import defaultdict
from datetime import timedelta

from markupsafe import Markup
from psycopg2.errors import LockNotAvailable

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, format_amount

from odoo.addons.claims_connector.connector.exceptions import ConnectorError

from .. import mapping
from .claims_reserve_line import FROM_POLICYPORT, NO_EXPORT_KEY

MANAGER_GROUP = "claims_base.group_claims_manager"


class ClaimsPolicyportDrift(models.AbstractModel):
    """A claim's financials here against PolicyPort's: compare, overwrite, daily check.

    The overwrite (claims managers) runs in one transaction under a lock on the claim that the
    export jobs also take, so it waits for none of them and refuses while one runs: what
    PolicyPort does not know is voided (reserve changes not sent, payment requests), the
    reserve ledger gets correcting lines (never edits),
    payments PolicyPort has and we lack are added as they are there, and payments PolicyPort
    does not know are listed for a decision, not deleted. It is logged as an exchange and on
    the claim's chatter.
    """

    _name = "claims.policyport.drift"
    _description = "PolicyPort financials drift"

    # ------------------------------------------------------------------ compare

    def _cause_labels(self):
        return {
            mapping.CAUSE_REOPENED: self.env._("Closed here, reopened in PolicyPort."),
            mapping.CAUSE_OPEN_THERE: self.env._(
                "Closed here, open in PolicyPort: the closing was not sent."),
            mapping.CAUSE_RESERVES: self.env._("Reserves were changed in PolicyPort."),
            mapping.CAUSE_PAYMENTS: self.env._(
                "Payments were added, issued or voided in PolicyPort."),
            mapping.CAUSE_RIGHTS: self.env._(
                "The PolicyPort user of the backend lacks the right to payments and reserves."),
            "unsent": self.env._("Changes made here are not sent yet or were refused."),
        }

    @api.model
    def _ours(self, claim):
        reserves = defaultdict(float)
        for coverage in claim.coverage_ids:
            key = coverage._get_policyport_coverage()
            if key:
                reserves[key] += coverage.amount_reserve
        payments = [{
            "payment_id": payment.tiva_payment_id or False, "name": payment.display_name,
            "amount": payment.amount, "check_number": payment.check_number or None,
            "state": payment.state, "id": payment.id,
        } for payment in claim.payment_ids if not payment.tiva_never_sent and (
            payment.tiva_payment_id or payment.state in ("approved", "sent", "paid"))]
        return {"is_closed": claim.file_status == "closed", "reserves": dict(reserves),
                "payments": payments}

    @api.model
    def _compare(self, claim, backend=None):
        """{differences, causes, theirs, raw, error} of one claim (causes as labels)."""
        backend = backend or self.env["claims.policyport.financials"]._backends_by_claim(
            claim).get(claim.id)
        if not backend:
            raise UserError(self.env._("Claim %s is not a PolicyPort claim.", claim.name))
        labels = self._cause_labels()
        claim.invalidate_recordset(["reserve_line_ids", "payment_ids"])
        try:
            raw, theirs = backend._get_client().get_financials(claim.tiva_claim_id)
        except ConnectorError as err:
            causes = [labels[mapping.CAUSE_RIGHTS]] if err.kind == "http_403" else []
            return {"differences": [], "causes": causes, "theirs": None, "raw": None,
                    "error": str(err)}
        differences, causes = mapping.compare_financials(self._ours(claim), theirs)
        unsent = self.env["claims.exchange"].sudo().search_count(self._exchanges_domain(claim) + [
            ("state", "in", ("pending", "error"))], limit=1)
        causes = [labels[cause] for cause in causes]
        if differences and unsent:
            causes.append(labels["unsent"])
        return {"differences": differences, "causes": causes, "theirs": theirs, "raw": raw,
                "error": False}

    # ------------------------------------------------------------------ overwrite

    @api.model
    def _overwrite(self, claim):
        """Make this claim's financials PolicyPort's (see the class docstring).

        :returns: (summary lines, payments PolicyPort does not know)
        """
        claim.ensure_one()
        if not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(self.env._("Only a claims manager may overwrite from PolicyPort."))
        claim.check_access("write")
        self._lock(claim)
        result = self._compare(claim)
        if result["error"]:
            raise UserError(result["error"])
        theirs, reason = result["theirs"], self.env._("Overwrite from PolicyPort")
        # 1. what PolicyPort does not know is voided: reserve changes and payment requests
        done = self._void_unknown_to_policyport(claim, reason)
        # 2. correcting reserve lines to PolicyPort's totals
        coverages = {c._get_policyport_coverage(): c for c in claim.coverage_ids}
        coverages.pop(None, None)
        for key in sorted(set(coverages) | set(theirs["reserves"])):
            coverage = coverages.get(key)
            total = theirs["reserves"].get(key, 0.0)
            if not coverage:
                done.append(self.env._("Reserve %(code)s (%(category)s) of %(total).2f: no such "
                                       "coverage here", code=key[0], category=key[1],
                                       total=total))
                continue
            # PolicyPort's figures, not a decision of the manager: posted as superuser (the
            # manager and the claim's write right are checked above), so no authority limit
            # of the manager applies; the lines still carry the manager's name
            lines = coverage.sudo().with_context(
                **{NO_EXPORT_KEY: FROM_POLICYPORT})._set_reserve(total, reason).sudo(False)
            if lines:
                done.append(self.env._("Reserve %(coverage)s: %(change)+.2f to %(total).2f",
                                       coverage=coverage.display_name,
                                       change=lines.amount_change, total=total))
        # 3. payments as they are in PolicyPort
        done += self._align_payments(claim, theirs, coverages)
        known = {p["payment_id"] for p in theirs["payments"]}
        unknown = claim.payment_ids.filtered(
            lambda p: p.state in ("sent", "paid") and not p.tiva_never_sent
            and p.tiva_payment_id not in known)
        if unknown:
            done.append(self.env._("Unknown to PolicyPort, to decide: %s",
                                   ", ".join(unknown.mapped("display_name"))))
        self._log_overwrite(claim, result, done)
        claim.sudo().write({"tiva_has_drift": False, "tiva_drift_summary": False})
        return done, unknown

    def _void_unknown_to_policyport(self, claim, reason):
        """Void every outstanding transaction of ours PolicyPort does not know: the exports of
        reserve changes not sent (pending or failed), and payment requests not sent; the
        correcting lines that follow bring the reserves to PolicyPort's. Lines of the summary."""
        financials = self.env["claims.policyport.financials"]
        unsent = financials._cancel_pending(claim.reserve_line_ids, reason, ("pending", "error"))
        lines = self.env["claims.reserve.line"].browse(unsent.mapped("res_id"))
        financials._cancel_pending(claim.payment_ids, reason, ("pending", "error"))
        requests = claim.payment_ids.filtered(lambda p: p.state in ("requested", "approved")
                                              and not p.tiva_payment_id
                                              and not p.tiva_never_sent)
        requests._transition("voided", date_voided=fields.Date.context_today(self))
        return [self.env._(
            "Reserve change not in PolicyPort voided: %(coverage)s %(change)+.2f (%(reason)s)",
            coverage=line.coverage_id.display_name, change=line.amount_change,
            reason=line.reason or "-") for line in lines.sorted("id")] + [self.env._(
                "Payment request not in PolicyPort voided: %(name)s of %(amount)s",
                name=payment.display_name,
                amount=format_amount(self.env, payment.amount, payment.currency_id))
            for payment in requests.sorted("id")]

    def _exchanges_domain(self, claim):
        """Outbound exchanges of a claim's reserve lines and payments (read from the database,
        not from the claim's caches)."""
        lines = self.env["claims.reserve.line"].sudo().search([("claim_id", "=", claim.id)])
        payments = self.env["claims.payment"].sudo().search([("claim_id", "=", claim.id)])
        return [
            "|", "&", ("res_model", "=", "claims.reserve.line"), ("res_id", "in", lines.ids),
            "&", ("res_model", "=", "claims.payment"), ("res_id", "in", payments.ids),
            ("direction", "=", "out"),
        ]

    def _lock(self, claim):
        """Lock the claim against its export jobs; refuse while one of them runs."""
        running = self.env["queue.job"].sudo().search_count([
            ("uuid", "in", self.env["claims.exchange"].sudo().search(
                self._exchanges_domain(claim) + [("state", "=", "pending"),
                                                 ("job_uuid", "!=", False)],
            ).mapped("job_uuid")),
            ("state", "in", ("enqueued", "started")),
        ], limit=1)
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(SQL(
                    "SELECT id FROM claims_claim WHERE id = %s FOR UPDATE NOWAIT", claim.id),
                    log_exceptions=False)
        except LockNotAvailable:
            running = True
        if running:
            raise UserError(self.env._(
                "An export to PolicyPort is running for claim %s: overwrite again once it is "
                "done.", claim.name))

    def _align_payments(self, claim, theirs, coverages):
        done = []
        ours = {p.tiva_payment_id: p for p in claim.payment_ids if p.tiva_payment_id}
        today = fields.Date.context_today(self)
        # as PolicyPort has them: state and Tiva ids are written as superuser (manager checked)
        Payment = self.env["claims.payment"].sudo()
        for values in theirs["payments"]:
            state = mapping.PAYMENT_STATUSES[values["status"]]
            payment = ours.get(values["payment_id"])
            if payment:
                if state == "paid" and payment.state in ("approved", "sent"):
                    payment._policyport_mark_paid(values["check_number"], values["date_check"])
                elif state == "voided" and payment.state != "voided":
                    payment._transition("voided", date_voided=today)
                else:
                    continue
                done.append(self.env._("Payment %(id)s: now %(state)s", id=values["payment_id"],
                                       state=state))
                continue
            coverage = coverages.get((values["code"], values["category"]))
            if state == "voided" or not coverage:
                continue
            payment = Payment.create({
                "claim_id": claim.id, "coverage_id": coverage.id,
                "partner_id": self._payee(claim, values).id, "amount": values["amount"],
                "remarks": values["remarks"], "state": state,
                "tiva_payment_id": values["payment_id"], "tiva_payable_to": values["payable_to"],
                "check_number": values["check_number"], "date_check": values["date_check"],
                "date_paid": values["date_check"] if state == "paid" else False,
            })
            done.append(self.env._("Payment %(id)s of %(amount)s to %(name)s added",
                                   id=values["payment_id"], name=values["payable_to"],
                                   amount=format_amount(self.env, payment.amount,
                                                        payment.currency_id)))
        return done

    def _payee(self, claim, values):
        """Our partner for a Tiva id: on the claim, else known by id, else a claim contact."""
        tiva_id = values["payee_tiva_id"]
        participant = claim.participant_ids.filtered(lambda p: p.reference == tiva_id)[:1]
        backend = self.env["claims.policyport.financials"]._backends_by_claim(claim)[claim.id]
        Vendor = self.env["claims.policyport.vendor"]
        partner = participant.partner_id or Vendor._partners_by_payee_id(
            backend, [tiva_id]).get(tiva_id)
        if not partner:
            partner = self.env["res.partner"].sudo().create({
                "name": values["payable_to"], "is_claim_contact": True,
                "claims_contact_type": "vendor",
            }).sudo(False)
            Vendor._bind(backend, [(partner, tiva_id)])
        return partner

    def _log_overwrite(self, claim, result, done):
        backend = self.env["claims.policyport.financials"]._backends_by_claim(claim)[claim.id]
        exchange = self.env["claims.exchange"]._create_for(backend, [{
            "direction": "in", "kind": "overwrite", "external_id": claim.tiva_claim_id,
            "res_model": claim._name, "res_id": claim.id, "state": "done",
            "date_done": fields.Datetime.now(),
            "summary": self.env._("Overwrite from PolicyPort by %(user)s: %(count)s changes",
                                  user=self.env.user.name, count=len(done)),
        }])
        exchange._set_payload(result["raw"], f"financials-{claim.tiva_claim_id}.xml")
        body = Markup("<p>%s</p><ul>%s</ul>") % (
            self.env._("Financials overwritten from PolicyPort by %s.", self.env.user.name),
            Markup().join(Markup("<li>%s</li>") % line for line in done or [
                self.env._("Nothing differed.")]),
        )
        claim.message_post(body=body, message_type="comment", subtype_xmlid="mail.mt_note")

    # ------------------------------------------------------------------ daily check

    @api.model
    def _check_backend(self, backend):
        """Flag the claims of a backend whose financials differ; tell the backend's chatter."""
        claim_ids = self.env["claims.binding"].sudo().search([
            ("backend_model", "=", backend._name), ("backend_id", "=", backend.id),
            ("res_model", "=", "claims.claim"), ("res_id", "!=", False),
        ]).mapped("res_id")
        # open claims, and those closed within the backend's window: not every claim forever
        closed_since = fields.Date.context_today(self) - timedelta(days=backend.drift_days)
        claims = self.env["claims.claim"].sudo().search([
            ("id", "in", claim_ids), "|", ("file_status", "!=", "closed"),
            ("date_closed", ">=", closed_since)])
        drifting = []
        for claim in claims:
            result = self._compare(claim, backend)
            summary = "\n".join(
                [f"{d['label']}: {d['ours']} here, {d['theirs']} in PolicyPort"
                 for d in result["differences"]] + result["causes"]
                + ([result["error"]] if result["error"] else []))
            differs = bool(result["differences"] or result["error"])
            if differs or claim.tiva_has_drift:
                claim.write({"tiva_has_drift": differs, "tiva_drift_summary": summary or False})
            if differs:
                drifting.append(claim)
        if drifting:
            backend.sudo().message_post(
                body=Markup("<p>%s</p><ul>%s</ul>") % (
                    self.env._("Daily check: %s claims differ from PolicyPort.", len(drifting)),
                    Markup().join(Markup("<li>%s: %s</li>") % (
                        c.name, c.tiva_drift_summary or "") for c in drifting)),
                subtype_xmlid="mail.mt_comment", partner_ids=self._managers(backend).ids)
        return json.dumps({"checked": len(claims), "differ": [c.name for c in drifting]})

    def _managers(self, backend):
        group = self.env.ref(MANAGER_GROUP)
        return group.sudo().all_user_ids.filtered(
            lambda u: backend.company_id in u.company_ids).partner_id
