# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.tools import html_escape

from .. import mapping

SYSTEM = "opus"
# People and policies of an allocation are created quietly: the claim's note says where
# they came from.
QUIET = {"tracking_disable": True, "mail_create_nolog": True, "mail_create_nosubscribe": True}


class ClaimsOpusImporter(models.AbstractModel):
    """Turns an Opus allocation into a claim, and an Opus status change into a stage.

    Runs inside the exchange's savepoint: a step that fails leaves nothing written.
    """

    _name = "claims.opus.importer"
    _description = "Opus allocation importer"

    # ------------------------------------------------------------------ allocations

    @api.model
    def _import_allocation(self, backend, exchange, client):
        allocation_id = exchange.external_id
        raw = client.read_allocation(allocation_id)
        exchange._set_payload(json.dumps(raw, indent=1), f"{allocation_id}.json")
        data = mapping.parse_allocation(raw, backend._status_table())
        binding = self.env["claims.binding"]._reserve(
            backend, "claims.claim", allocation_id, exchange=exchange)
        if not binding:
            existing = self.env["claims.binding"]._find(backend, "claims.claim",
                                                        [allocation_id])[:1]
            claim = self.env["claims.claim"].with_context(active_test=False).browse(
                existing.res_id).exists()
            exchange._set_skipped(self.env._("Already imported: allocation %s.", allocation_id),
                                  record=claim or None)
            return claim
        # every file first: a download that fails leaves nothing behind
        documents = [dict(document, content=client.download_document(document["url"]))
                     for document in data["documents"]]
        claim = self._create_claim(backend, data)
        self._file_documents(claim, documents)
        binding._bind_record(claim)
        self._post_allocation_note(claim, data, exchange)
        if data["warnings"]:
            exchange.sudo().summary = " ".join(data["warnings"])[:250]
        if backend.contact_on_allocation:
            self._contact_policyholder(backend, claim)
        return claim

    def _create_claim(self, backend, data):
        company = backend.company_id
        policyholder = self._get_policyholder(data["policyholder"])
        policy = self._get_policy(company, data, policyholder)
        values = {
            **data["claim"],
            "company_id": company.id,
            "opus_backend_id": backend.id,
            "opus_incident_type": data["incident_type"],
            "opus_status_unmapped": data["stage"] is None,
            "claim_type_id": backend.claim_type_id.id,
            "claimant_id": policyholder.id,
            "policy_id": policy.id,
            "user_id": False,
        }
        stage = self.env["claims.claim.stage"].browse(data["stage"] or ())
        if stage and not stage.is_closing:
            values["stage_id"] = stage.id
        claim = self.env["claims.claim"].with_context(
            mail_create_nolog=True, mail_create_nosubscribe=True).create(values)
        if stage.is_closing:
            claim.stage_id = stage  # closes it, as a move to that stage does
        return claim

    def _get_policyholder(self, values):
        """The contact with the Opus id, else the one with exactly this e-mail, else a new
        one; a match by e-mail gets the Opus id."""
        Partner = self.env["res.partner"]
        partner = Partner.browse()
        if values["opus_id"]:
            partner = Partner._find_by_claims_ref(SYSTEM, values["opus_id"])
        if not partner and values["email"]:
            partner = Partner.search([("email", "=", values["email"])], limit=1)
            if partner and values["opus_id"] and not partner.claims_ref_ids.filtered(
                    lambda ref: ref.system == SYSTEM):
                partner.sudo().claims_ref_ids = [Command.create(
                    {"system": SYSTEM, "ref": values["opus_id"]})]
        if partner:
            return partner
        country = self.env.ref("base.au")
        state = self.env["res.country.state"].search(
            [("country_id", "=", country.id), ("code", "=", values["state_code"])], limit=1
        ) if values["state_code"] else self.env["res.country.state"]
        return Partner.with_context(**QUIET).create({
            "name": values["name"], "email": values["email"],
            # Odoo has one phone: the mobile, where the customer is called and texted
            "phone": values["mobile"] or values["phone"], "opus_phone_home": values["phone"],
            "street": values["street"], "city": values["city"],
            "zip": values["zip"], "state_id": state.id, "country_id": country.id,
            "claims_ref_ids": [Command.create({"system": SYSTEM, "ref": values["opus_id"]})]
            if values["opus_id"] else [],
        })

    def _get_policy(self, company, data, policyholder):
        values = data["policy"]
        if not values["name"]:
            return self.env["claims.policy"]
        policy = self.env["claims.policy"].search(
            [("name", "=", values["name"]), ("company_id", "=", company.id)], limit=1)
        if policy:
            policy.write({key: values[key] for key in ("date_inception", "amount_sum_insured")})
            return policy
        return self.env["claims.policy"].with_context(**QUIET).create({
            **values,
            # Opus gives the inception only: the policy starts then, or at the allocation
            "date_start": values["date_start"] or data["claim"]["date_assigned"]
            or fields.Date.context_today(self),
            "company_id": company.id,
            "policyholder_id": policyholder.id,
        })

    def _file_documents(self, claim, documents):
        """The allocation's documents in the claim's documents, with their Opus type as
        category (a category per type, made once)."""
        if not documents:
            return
        Category = self.env["claims.document.category"].sudo()
        wanted = {doc["category"]["code"]: doc["category"]["name"] for doc in documents}
        categories = {c.code: c for c in Category.search([("code", "in", list(wanted))])}
        for code in set(wanted) - set(categories):
            categories[code] = Category.create({"code": code, "name": wanted[code],
                                                "sequence": 90})
        Document = self.env["claims.document"]
        for doc in documents:
            document = Document.create({
                "name": doc["name"], "claim_id": claim.id,
                "category_id": categories[doc["category"]["code"]].id,
            })
            document.attachment_id = self.env["ir.attachment"].sudo().create({
                "name": doc["name"], "raw": doc["content"], "res_model": Document._name,
                "res_id": document.id,
            })

    def _post_allocation_note(self, claim, data, exchange):
        items = [self.env._("Allocation %(id)s from Opus (batch %(batch)s).",
                            id=data["allocation_id"], batch=exchange.batch or "-")]
        claim.message_post(body=Markup("<p>%s</p>") % items[0],
                           subtype_xmlid="mail.mt_note", message_type="notification")
        if data["warnings"]:
            note = Markup("<ul>%s</ul>") % Markup().join(
                Markup("<li>%s</li>") % html_escape(text) for text in data["warnings"])
            claim.activity_schedule(
                "mail.mail_activity_data_warning",
                summary=self.env._("Check what Opus sent"), note=note,
                user_id=(claim.user_id or self.env.user).id,
            )
            claim.message_post(body=note, subtype_xmlid="mail.mt_note",
                               message_type="notification")

    def _contact_policyholder(self, backend, claim):
        """The customer contact flow: the backend's mail (and SMS, with the SMS app)."""
        if backend.contact_template_id and claim.claimant_id.email:
            claim.message_post_with_source(
                backend.contact_template_id, subtype_xmlid="mail.mt_comment",
                partner_ids=claim.claimant_id.ids)
        if (backend.contact_sms and backend.contact_sms_text and claim.claimant_id.phone
                and hasattr(claim, "_message_sms")):
            claim._message_sms(backend.contact_sms_text, partner_ids=claim.claimant_id.ids)

    # ------------------------------------------------------------------ statuses

    @api.model
    def _apply_status(self, backend, exchange, client):
        """Opus's new status on the claim; its stage through the backend's mapping."""
        claim = self.env["claims.claim"].with_context(active_test=False).browse(
            exchange.res_id).exists()
        status = json.loads(exchange.sudo().payload_attachment_id.raw or b"{}").get("status")
        if not claim or not status:
            exchange._set_skipped(self.env._("Nothing to apply."))
            return claim
        if mapping.normalize_status(claim.opus_status) == mapping.normalize_status(status):
            exchange._set_skipped(self.env._("Already at %s.", status), record=claim)
            return claim
        stage_id = mapping.stage_for_status(status, backend._status_table())
        previous = claim.opus_status
        claim.sudo().write({"opus_status": status, "opus_status_unmapped": not stage_id})
        if not stage_id:
            message = self.env._(
                "Opus status %(status)s has no stage mapping: the claim stays at %(stage)s.",
                status=status, stage=claim.stage_id.display_name)
            claim.message_post(body=message, subtype_xmlid="mail.mt_note",
                               message_type="notification")
            exchange._set_done(claim, summary=message[:250])
            return claim
        stage = self.env["claims.claim.stage"].browse(stage_id)
        if claim.stage_id != stage:
            if claim.file_status == "closed":
                claim.action_reopen(self.env._("Opus status %s", status))
            claim.stage_id = stage
        exchange._set_done(claim, summary=self.env._(
            "%(old)s → %(new)s: stage %(stage)s", old=previous or "-", new=status,
            stage=stage.display_name))
        return claim
