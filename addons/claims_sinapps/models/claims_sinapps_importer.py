# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup
from psycopg2.errors import UniqueViolation

from odoo import Command, api, fields, models, tools

from odoo.addons.claims_connector.connector.exceptions import RetryableError

from .. import mapping

# The people and the policy of a mission are created quietly: the claim's note says where
# they came from.
QUIET_CREATE = {"tracking_disable": True, "mail_create_nolog": True,
                "mail_create_nosubscribe": True}


class ClaimsSinappsImporter(models.AbstractModel):
    """Turns a Sinapps mission for the platform into a claim (the work of one event's job).

    The mission is bound (``claims.binding``, unique per backend) before its claim is made:
    two jobs at once make one claim. Codes our tables do not know land as text with a warning
    activity for the handler; the attachments Sinapps shared with the platform become
    documents in categories mapped from their Sinapps types; the mission's steps so far are
    its history on the claim.
    """

    _name = "claims.sinapps.importer"
    _description = "Sinapps mission importer"

    # ------------------------------------------------------------------ lookups

    @tools.ormcache("company_id")
    def _lookups_of_company(self, company_id):
        env = self.sudo().env
        return {
            "roles": {r.code: r.id for r in env["claims.participant.role"].search([])},
            "categories": {c.code: c.id for c in env["claims.document.category"].search([])},
            "countries": {c.code: c.id for c in env["res.country"].search([])},
        }

    def _lookups(self, backend):
        return self._lookups_of_company(backend.company_id.id)

    # ------------------------------------------------------------------ missions

    @api.model
    def _get_claim(self, backend, client, mission_id, get_href, exchange, event_id=0):
        """The claim of a mission, imported first if it is new to this backend (``get_href``
        gives the mission's href)."""
        Claim = self.env["claims.claim"].with_context(active_test=False)
        bindings = self.env["claims.binding"]._find(backend, "claims.claim", [mission_id])
        if bindings:
            return Claim.browse(bindings[:1].res_id).exists()
        binding = self.env["claims.binding"]._reserve(
            backend, "claims.claim", mission_id, None, exchange)
        if not binding:
            raise RetryableError(self.env._(
                "Mission %s is being imported by another job.", mission_id),
                kind="concurrent_import", retry_after=5)
        resource = client.mission(get_href())
        insurer = client.follow(resource, "assureur").data if resource.link("assureur") else None
        data = mapping.parse_mission(resource.data, insurer)
        claim = self._create_claim(backend, data, exchange)
        binding._bind_record(claim)
        history = mapping.history_values(client.mission_history(resource))
        self.env["claims.sinapps.step"]._record(claim, history, event_id, from_history=True)
        self._import_attachments(backend, client, claim, client.mission_attachments(resource))
        return claim

    def _create_claim(self, backend, data, exchange):
        lookups = self._lookups(backend)
        company = backend.company_id
        partners = self.env["res.partner"].with_context(**QUIET_CREATE)
        people = [p for p in data["participants"] if p["partner"] and p["role"] != "insurer"]
        created = partners.create([self._partner_values(lookups, p["partner"]) for p in people])
        insurer = self._get_insurer(lookups, next(
            p["partner"] for p in data["participants"] if p["role"] == "insurer"))
        insured = next((partner for p, partner in zip(people, created, strict=True)
                        if p["role"] == "insured"), partners.browse())
        participants = [
            Command.create({"partner_id": partner.id, "role_id": lookups["roles"].get(
                p["role"], lookups["roles"]["other"]), "reference": p["sinapps_type"]})
            for p, partner in zip(people, created, strict=True)]
        participants += [
            Command.create({"partner_id": insurer.id, "role_id": lookups["roles"]["insurer"]}),
            Command.create({"partner_id": company.partner_id.id,
                            "role_id": lookups["roles"][mapping.PLATFORM_ROLE]})]
        policy = self._get_policy(company, data, insurer, insured)
        claim = self.env["claims.claim"].with_context(**QUIET_CREATE).create({
            **data["claim"],
            "sinapps_backend_id": backend.id,
            "company_id": company.id,
            "policy_id": policy.id,
            "insurer_id": insurer.id,
            "claimant_id": insured.id,
            "claim_type_id": backend.claim_type_id.id,
            "user_id": backend.user_id.id,
            "participant_ids": participants,
        })
        self._post_arrival(backend, claim, data, exchange)
        return claim

    def _partner_values(self, lookups, values, **extra):
        values = dict(values, **extra)
        values.pop("sinapps_id", None)
        values.pop("sinapps_ref", None)
        mobile = values.pop("mobile", False)
        values["phone"] = values.get("phone") or mobile
        values["country_id"] = lookups["countries"].get(values.pop("country_code", False), False)
        return values

    def _get_insurer(self, lookups, values):
        Partner = self.env["res.partner"]
        insurer = values.get("sinapps_id") and Partner._find_by_claims_ref(
            mapping.SYSTEM, values["sinapps_id"])
        if insurer:
            return insurer
        extra = {"claims_ref_ids": [Command.create({
            "system": mapping.SYSTEM, "ref": values["sinapps_id"]})]} if values.get(
            "sinapps_id") else {}
        return self._create_shared(Partner.sudo(), self._partner_values(
            lookups, values, **extra)).sudo(False)

    def _get_policy(self, company, data, insurer, insured):
        values = data["policy"]
        if not values["name"]:
            return self.env["claims.policy"]
        Policy = self.env["claims.policy"]
        policy = Policy.search([("name", "=", values["name"]), ("company_id", "=", company.id),
                                ("insurer_id", "=", insurer.id)], limit=1)
        return policy or self._create_shared(Policy, {
            **values, "date_start": values["date_start"] or fields.Date.context_today(self),
            "company_id": company.id, "insurer_id": insurer.id,
            "policyholder_id": insured.id})

    def _create_shared(self, model, values):
        """Create a record several missions share; a twin created at the same time by another
        job makes this one retry later, and find it."""
        try:
            with self.env.cr.savepoint():
                return model.with_context(**QUIET_CREATE).create(values)
        except UniqueViolation as err:
            raise RetryableError(
                self.env._("%s was being created by another import at the same time.",
                           model._description), kind="concurrent_import", retry_after=5,
            ) from err

    def _post_arrival(self, backend, claim, data, exchange):
        body = Markup("<p>%s</p>") % self.env._(
            "Mission %(number)s received from Sinapps (%(backend)s, event %(event)s).",
            number=data["claim"]["sinapps_mission_number"] or data["mission_id"],
            backend=backend.display_name, event=exchange.message_id or "-")
        for comment in data["comments"]:
            body += Markup("<p><i>%s</i> %s</p>") % (comment["date"] or "", comment["text"])
        claim.message_post(body=body, subtype_xmlid="mail.mt_note", message_type="comment")
        if data["warnings"]:
            self._warn(backend, claim, data["warnings"])

    def _warn(self, backend, claim, warnings):
        """A warning activity for the handler: codes kept as text, to look at."""
        claim.activity_schedule(
            "mail.mail_activity_data_warning",
            summary=self.env._("Sinapps codes unknown here"),
            note=Markup("<p>%s</p><ul>%s</ul>") % (
                self.env._("Sinapps sent codes that are not in our tables; they are kept as "
                           "text on the claim:"),
                Markup().join(Markup("<li>%s</li>") % w for w in warnings)),
            user_id=(claim.user_id or backend.user_id or self.env.user).id,
        )

    # ------------------------------------------------------------------ attachments

    def _import_attachments(self, backend, client, claim, resources):
        """Documents of the attachments not imported yet, in their mapped categories."""
        known = set(self.env["claims.document"].sudo().search(
            [("claim_id", "=", claim.id), ("sinapps_attachment_id", "!=", False)]
        ).mapped("sinapps_attachment_id"))
        lookups, warnings, files = self._lookups(backend), [], []
        for resource in resources:
            values = mapping.attachment_values(resource.data)
            if values["sinapps_id"] in known:
                continue
            known.add(values["sinapps_id"])
            warnings += values["warnings"]
            files.append((values, client.download(resource)))
        if not files:
            return self.env["claims.document"]
        Attachment = self.env["ir.attachment"].sudo()
        attachments = Attachment.create([{
            "name": file["name"], "raw": file["content"], "mimetype": file["mimetype"],
            "res_model": "claims.document", "res_id": 0} for _values, file in files])
        documents = self.env["claims.document"].sudo().create([{
            "name": file["name"], "claim_id": claim.id, "attachment_id": attachment.id,
            "category_id": lookups["categories"].get(values["category"]) or lookups[
                "categories"]["other"],
            "sinapps_attachment_id": values["sinapps_id"], "sinapps_type": values["type"],
        } for (values, file), attachment in zip(files, attachments, strict=True)])
        for document, attachment in zip(documents, attachments, strict=True):
            attachment.res_id = document.id
        if warnings:
            self._warn(backend, claim, warnings)
        return documents
