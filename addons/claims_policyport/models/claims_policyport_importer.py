# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup
from psycopg2.errors import UniqueViolation

from odoo import Command, api, fields, models, tools
from odoo.tools import html_escape
from odoo.tools.mail import generate_tracking_message_id

from odoo.addons.claims_connector.connector.exceptions import PermanentError, RetryableError

from .. import mapping
from .claims_reserve_line import FROM_POLICYPORT, NO_EXPORT_KEY

CLIENT_SYSTEM = "policyport_client"
# The people and the policy of an imported claim are created quietly: no "created" message,
# no integration user following each of them (the claim's EDI note tells where they came from).
QUIET_CREATE = {"tracking_disable": True}


class ClaimsPolicyportImporter(models.AbstractModel):
    """Turns one PolicyPort claim into our records (the work of one import job).

    Lookups that every claim needs (coverage types, roles, categories, US states) are read
    once per process; what a claim creates is created in a few batched calls, so the
    number of queries per claim does not grow with the batch.
    """

    _name = "claims.policyport.importer"
    _description = "PolicyPort claim importer"

    @api.model
    def _import_claim(self, backend, exchange):
        client = backend._get_client()
        raw, root = client.get_claim(exchange.external_id)
        payload_name = f"{exchange.external_id}.xml"
        data = mapping.parse_claim(root)
        if not data["claim"]["date_assigned"]:
            exchange._set_payload(raw, payload_name)
            exchange._set_skipped(self.env._("Date Assigned is empty in PolicyPort."))
            return None
        Binding = self.env["claims.binding"]
        binding = Binding._reserve(backend, "claims.claim", data["tiva_claim_id"],
                                   data["external_key"], exchange)
        if not binding:
            exchange._set_payload(raw, payload_name)
            return self._skip_duplicate(backend, exchange, data)
        documents = [
            dict(document, content=client.get_document(
                data["tiva_claim_id"], document["id"], document["name"]))
            for document in data["documents"]
        ]
        claim = self._create_claim(backend, data, raw, documents, exchange)
        binding._bind_record(claim)
        return claim

    def _skip_duplicate(self, backend, exchange, data):
        existing = self.env["claims.binding"]._find(
            backend, "claims.claim", [data["tiva_claim_id"]], [data["external_key"]])[:1]
        claim = self.env["claims.claim"].with_context(active_test=False).browse(
            existing.res_id).exists()
        if existing.external_id == data["tiva_claim_id"]:
            reason = self.env._("Already imported: same Tiva claim id %s.", data["tiva_claim_id"])
        elif existing:
            reason = self.env._(
                "Already imported: same Client # %(number)s and Client %(client)s.",
                number=data["client_claim_number"], client=data["client"])
        else:
            reason = self.env._("Imported at the same time by another job.")
        exchange._set_skipped(reason, record=claim or None)
        return claim

    # ------------------------------------------------------------------ lookups

    def _lookups(self, company):
        """Ids every claim needs, by code (read-only: shared by all jobs of the process)."""
        return self._lookups_of_company(company.id)

    @tools.ormcache("company_id")
    def _lookups_of_company(self, company_id):
        # Each job has its own transaction: a cache per transaction read them again for every
        # claim. The registry's cache is cleared when a coverage type, role or document
        # category is created, changed or deleted (claims.policyport.lookup.mixin).
        env = self.sudo().env
        coverage_types = env["claims.coverage.type"].search(
            [("code", "=like", "PP\\_%"), ("company_id", "in", (False, company_id))])
        us = env.ref("base.us")
        return {
            "coverage_types": {c.code: c.id for c in coverage_types},
            "roles": {r.code: r.id for r in env["claims.participant.role"].search([])},
            "categories": {c.code: c.id for c in env["claims.document.category"].search([])},
            "states": {s.code: s.id for s in env["res.country.state"].search(
                [("country_id", "=", us.id)])},
            "country": us.id,
            "subtype": env.ref("claims_policyport.mail_message_subtype_edi").id,
        }

    def _coverage_type_id(self, lookups, coverage):
        for code in coverage["targets"]:
            if code in lookups["coverage_types"]:
                return lookups["coverage_types"][code]
        raise PermanentError(
            self.env._("No coverage type is configured for PolicyPort coverage %(code)s "
                       "(%(category)s): expected one of %(targets)s.",
                       code=coverage["code"], category=coverage["category"],
                       targets=", ".join(coverage["targets"])),
            kind="unknown_coverage",
        )

    def _partner_values(self, lookups, values, **extra):
        result = mapping.partner_values(values)
        state = values.get("tiva_state")
        if state:
            result["state_id"] = lookups["states"].get(state, False)
            result["country_id"] = lookups["country"]
        return dict(result, **extra)

    def _find_partners(self, backend, data):
        """(insurer, {vendor Payee ID: partner}) known by their references: the insurer by its
        client code, the vendors by their Tiva Payee IDs in this backend."""
        vendor_ids = [party["tiva_id"] for party in data["parties"] if party["is_vendor"]]
        known = self.env["claims.policyport.vendor"]._partners_by_payee_id(backend, vendor_ids)
        Partner = self.env["res.partner"]
        vendors = {tiva_id: known.get(tiva_id, Partner) for tiva_id in vendor_ids}
        return self._get_insurer(data), vendors

    def _get_insurer(self, data, insurer=None):
        Partner = self.env["res.partner"]
        if insurer is None:
            insurer = Partner._find_by_claims_ref(CLIENT_SYSTEM, data["client"])
        if not insurer:
            insurer = self._create_shared(Partner.sudo(), {
                "name": data["client_name"], "is_company": True,
                "claims_ref_ids": [Command.create({"system": CLIENT_SYSTEM,
                                                   "ref": data["client"]})],
            }).sudo(False)
        return insurer

    def _create_shared(self, model, values):
        """Create a record that several claims share (their insurer, their policy).

        Two imports at once may both create it: PostgreSQL refuses the second (unique
        index), whose job is retried a few seconds later and finds the first one's record.
        """
        try:
            with self.env.cr.savepoint():
                return model.with_context(**QUIET_CREATE).create(values)
        except UniqueViolation as err:
            raise RetryableError(
                self.env._("%s was being created by another import at the same time.",
                           model._description),
                kind="concurrent_import", retry_after=5,
            ) from err

    # ------------------------------------------------------------------ creation

    def _create_claim(self, backend, data, raw, documents, exchange):
        company = backend.company_id
        lookups = self._lookups(company)
        coverage_type_ids = [self._coverage_type_id(lookups, c) for c in data["coverages"]]
        insurer, vendors = self._find_partners(backend, data)
        # Partners: one create for all of this claim's people. The Claimant party is the
        # insured: its mailing address and phones complete the insured.
        claimant = next((p for p in data["parties"] if p["type"] == "Claimant"), None)
        to_create = []
        if data["insured"]["name"]:
            insured_values = self._partner_values(lookups, data["insured"])
            if claimant:
                insured_values.update(self._partner_values(lookups, {
                    key: value for key, value in claimant["partner"].items()
                    if key in mapping.CLAIMANT_COMPLETES_INSURED and value
                }))
                insured_values["claims_contact_type"] = "claimant"
            to_create.append(("insured", claimant and claimant["tiva_id"], insured_values))
        if data["agent"]:
            to_create.append(("agent", None, self._partner_values(lookups, data["agent"])))
        if data["mortgagee"]:
            to_create.append(("mortgagee", None,
                              self._partner_values(lookups, data["mortgagee"])))
        for party in data["parties"]:
            if party["type"] == "Claimant":
                continue  # the insured: its address and phones complete the insured above
            if party["is_vendor"] and vendors.get(party["tiva_id"]):
                continue
            # a vendor no vendor here matched is a "Vendor" contact of this claim, not global
            to_create.append((party["role"], party["tiva_id"], self._partner_values(
                lookups, party["partner"], is_claim_contact=True,
                claims_contact_type=mapping.party_contact_type(party["type"]))))
        partners = self.env["res.partner"].with_context(**QUIET_CREATE).create(
            [values for _r, _t, values in to_create])
        self.env["claims.policyport.vendor"]._bind(backend, [
            (partner, tiva_id) for (role, tiva_id, _v), partner in zip(to_create, partners,
                                                                        strict=True)
            if role == "vendor" and tiva_id])
        insured = partners[:1] if data["insured"]["name"] else partners.browse()
        participants = [
            Command.create({"partner_id": partner.id, "role_id": lookups["roles"][role],
                            "reference": tiva_id or False})
            for (role, tiva_id, _values), partner in zip(to_create, partners, strict=True)
        ]
        for tiva_id, vendor in vendors.items():
            if vendor:
                participants.append(Command.create({
                    "partner_id": vendor.id, "role_id": lookups["roles"]["vendor"],
                    "reference": tiva_id}))
        default_vendor = backend.default_vendor_id
        if default_vendor and default_vendor not in vendors.values():
            participants.append(Command.create({
                "partner_id": default_vendor.id, "role_id": lookups["roles"]["vendor"]}))
        policy = self._get_policy(company, data, insurer, insured, coverage_type_ids)
        reserve_reason = self.env._("Initial reserve from PolicyPort (batch %s)",
                                    exchange.batch or "-")
        # The EDI note below is the claim's creation message: no second "Claim created" log.
        # The integration user does not follow the claims it imports; the initial reserves come
        # from PolicyPort and are not sent back.
        claim = self.env["claims.claim"].with_context(
            mail_create_nolog=True, mail_create_nosubscribe=True,
            **{NO_EXPORT_KEY: FROM_POLICYPORT},
        ).create({
            **data["claim"],
            "company_id": company.id,
            "policy_id": policy.id,
            "insurer_id": insurer.id,
            "claimant_id": insured.id,
            "claim_type_id": backend.claim_type_id.id,
            "coverage_ids": [
                Command.create({
                    "sequence": index,
                    "coverage_type_id": type_id,
                    **self._other_coverage_values(coverage),
                    "amount_limit": coverage["limit"],
                    "deductible_amount": coverage["deductible"],
                    # the initial reserve is the first line of the coverage's ledger
                    "reserve_line_ids": [Command.create({
                        "amount_change": coverage["reserve"], "reason": reserve_reason,
                    })] if coverage["reserve"] else [],
                })
                for index, (coverage, type_id) in enumerate(
                    zip(data["coverages"], coverage_type_ids, strict=True))
            ],
            "participant_ids": participants,
        })
        if data["is_closed"]:
            self._close_imported(claim, data)
        self._attach_documents(claim, data, raw, documents, lookups, exchange)
        self._post_notes(backend, claim, data, exchange, lookups)
        self._warn_other_coverages(backend, claim)
        return claim

    def _close_imported(self, claim, data):
        """Import closed a claim PolicyPort sends closed, as claims_base closes one: file
        status, closing stage and closed date together, through ``_write_file_status`` (the
        write right checked, then written as superuser). Close's checks of reserves and payments
        do not apply: PolicyPort closed the claim. Without a closed date from PolicyPort, the
        claim is closed on the day of its import (and the note says the date was missing)."""
        values = {"file_status": "closed",
                  "date_closed": data["date_closed"] or fields.Date.context_today(self)}
        stage = claim._get_closing_stage()
        if stage:
            values["stage_id"] = stage.id
        # the EDI note tells the claim's origin: no tracking message for its first state
        claim.with_context(**QUIET_CREATE)._write_file_status(values)

    def _other_coverage_values(self, coverage):
        """The PolicyPort code an "Other" coverage line keeps (mapping.OTHER_COVERAGE)."""
        if not coverage["is_other"]:
            return {}
        return {
            "tiva_coverage_code": coverage["code"],
            "tiva_coverage_category": coverage["category"],
            "tiva_description": self.env._(
                "PolicyPort coverage %s", ", ".join(
                    f"{code} ({category})" for code, category in coverage["other_codes"])),
        }

    def _warn_other_coverages(self, backend, claim):
        """A warning activity for the handler (or the backend's user) when coverages landed on
        the "Other" line: someone decides where their amounts belong."""
        others = claim.coverage_ids.filtered("tiva_description")
        if not others:
            return
        claim.activity_schedule(
            "mail.mail_activity_data_warning",
            summary=self.env._("PolicyPort coverages without a coverage type"),
            note=Markup("<p>%s</p><ul>%s</ul>") % (
                self.env._('PolicyPort coverages without a coverage type here landed on the '
                           '"Other" coverage line: check where their amounts belong.'),
                Markup().join(Markup("<li>%s</li>") % line.tiva_description for line in others),
            ),
            user_id=(claim.user_id or backend.user_id or self.env.user).id,
        )

    def _missing_value_labels(self):
        """Words for the keys of ``mapping.MISSING_VALUES``."""
        return {
            "insured_name": self.env._("the insured's name (no insured on the claim)"),
            "date_loss": self.env._("the date of loss"),
            "date_reported": self.env._("the date reported"),
            "policy_date_start": self.env._("the policy's start date"),
            "policy_date_end": self.env._("the policy's end date"),
            "date_closed": self.env._("the closed date (closed on the day of the import)"),
        }

    def _get_policy(self, company, data, insurer, insured, coverage_type_ids):
        Policy = self.env["claims.policy"]
        values = data["policy"]
        policy = Policy.search([("name", "=", values["name"]), ("company_id", "=", company.id),
                                ("insurer_id", "=", insurer.id)], limit=1)
        if policy:
            return policy
        lines, seen = [], set()
        for coverage, type_id in zip(data["coverages"], coverage_type_ids, strict=True):
            if type_id in seen:
                continue
            seen.add(type_id)
            lines.append(Command.create({
                "coverage_type_id": type_id, "amount_limit": coverage["amount"],
                "deductible_amount": coverage["deductible"]}))
        return self._create_shared(Policy, {
            **values,
            "company_id": company.id,
            "insurer_id": insurer.id,
            "policyholder_id": insured.id,
            "line_of_business": "homeowners",
            "coverage_ids": lines,
        })

    def _attach_documents(self, claim, data, raw, documents, lookups, exchange):
        text_name, text_content = mapping.text_document(data, raw)
        files = [(d["name"], d["content"], d["category"]) for d in documents]
        files.append((text_name, text_content, mapping.DOCUMENT_CATEGORIES["TEXT"]))
        # the exchange's payload (the claim XML as received) in the same batch
        *attachments, payload = self.env["ir.attachment"].sudo().create([
            {"name": name, "raw": content, "res_model": "claims.document", "res_id": 0}
            for name, content, _category in files
        ] + [exchange._payload_values(raw, f"{exchange.external_id}.xml")])
        exchange.sudo().payload_attachment_id = payload
        documents_model = self.env["claims.document"]
        created = documents_model.create([{
            "name": name, "category_id": lookups["categories"][category],
            "claim_id": claim.id, "attachment_id": attachment.id,
        } for (name, _content, category), attachment in zip(files, attachments, strict=True)])
        for document, attachment in zip(created, attachments, strict=True):
            attachment.res_id = document.id
        return created

    def _post_notes(self, backend, claim, data, exchange, lookups):
        now = fields.Datetime.context_timestamp(self, fields.Datetime.now())
        body = Markup("<p>%s</p>") % self.env._(
            "Created by the PolicyPort importer on %(date)s, batch %(batch)s (Tiva claim id "
            "%(tiva)s).", date=now.strftime("%Y-%m-%d %H:%M:%S"), batch=exchange.batch or "-",
            tiva=data["tiva_claim_id"])
        if data["is_closed"]:
            body += Markup("<p>%s</p>") % self.env._("Closed in PolicyPort: imported closed.")
        if data["missing"]:
            labels = self._missing_value_labels()
            body += Markup("<p>%s</p>") % self.env._(
                "PolicyPort did not send: %s.",
                ", ".join(labels[key] for key in data["missing"]))
        # Logged as the claim's creation message, with the EDI subtype. An internal note on a
        # claim whose only internal follower is its creator (the author) notifies nobody:
        # message_post would spend its recipient queries for nothing.
        author_id, email_from = claim._message_compute_author()
        claim._message_create([{
            "author_id": author_id,
            "email_from": email_from,
            "model": claim._name,
            "res_id": claim.id,
            "body": body,
            "message_type": "comment",
            "is_internal": True,
            "subtype_id": lookups["subtype"],
            "email_add_signature": False,
            "message_id": generate_tracking_message_id("message-notify"),
            "reply_to": claim._notify_get_reply_to(
                default=email_from, author_id=author_id)[claim.id],
        }])
        if backend.import_journals:
            for journal in data["journals"]:
                claim.message_post(
                    body=Markup("<p><b>%s</b> %s</p><p>%s</p>") % (
                        journal["date"], html_escape(journal["author"]), journal["text"]),
                    subtype_xmlid="mail.mt_note", message_type="comment",
                )
