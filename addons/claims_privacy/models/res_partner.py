# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import AccessError, MissingError

from ..export import PrivacyExport

PARTNER_FIELDS = (
    "name", "is_company", "parent_id", "type", "function", "street", "street2", "zip", "city",
    "state_id", "country_id", "email", "phone", "mobile", "website", "vat", "ref", "lang", "tz",
    "comment", "company_id", "claims_role_ids", "create_date", "write_date",
)
PARTICIPATION_FIELDS = ("claim_id", "incident_id", "role_id", "active", "reference", "create_date")
CLAIM_FIELDS = (
    "name", "insurer_claim_number", "company_id", "incident_id", "claim_type_id", "policy_id",
    "stage_id", "file_status", "date_loss", "date_reported", "date_closed", "description",
)
INCIDENT_FIELDS = (
    "name", "company_id", "incident_type", "date_incident", "address", "latitude", "longitude",
    "description", "vehicle_id", "police_report_number", "state",
)
PAYMENT_FIELDS = (
    "name", "claim_id", "amount", "currency_id", "payment_type", "method", "remarks", "state",
    "check_number", "date_check", "date_requested", "date_paid", "date_voided",
)
MESSAGE_FIELDS = (
    "date", "model", "res_id", "record_name", "subject", "body", "message_type", "subtype_id",
    "author_id", "email_from",
)


class ResPartner(models.Model):
    _inherit = "res.partner"

    # ------------------------------------------------------------------ actions

    def action_claims_privacy_export(self):
        """Download everything the claims suite holds about this person, as a zip."""
        self.ensure_one()
        self._claims_privacy_check_access()
        return {
            "type": "ir.actions.act_url",
            "url": f"/claims_privacy/export/{self.id}",
            "target": "self",
        }

    # ------------------------------------------------------------------ export

    def _claims_privacy_export_zip(self):
        """The export of this partner: ``(file name, zip bytes)``; the export is noted on
        the partner.

        :raises AccessError: for a user who is not an administrator
        :raises MissingError: for a partner that does not exist
        """
        self.ensure_one()
        self._claims_privacy_check_access()
        # sudo: an administrator asked, checked above; the export reads what the record
        # rules and field groups would hide from them (injuries, other companies' claims)
        partner_sudo = self.sudo().with_context(active_test=False).exists()
        if not partner_sudo:
            raise MissingError(self.env._("This contact no longer exists."))
        export = PrivacyExport()
        partner_sudo._claims_privacy_export_collect(export)
        now = fields.Datetime.now()
        intro = self.env._(
            "Personal data held by the claims suite about %(name)s (contact %(id)s), exported "
            "on %(date)s UTC by %(user)s.\nEach .json file lists records as JSON objects; "
            "links to other records are given by name. Free texts (descriptions, messages) "
            "are included as written: read them before sending this file, as they may "
            "mention other people.",
            name=partner_sudo.display_name, id=partner_sudo.id,
            date=fields.Datetime.to_string(now), user=self.env.user.name,
        )
        data = export.to_zip(intro)
        partner_sudo.message_post(
            body=Markup("%s") % self.env._("Personal data exported by %s.", self.env.user.name),
            subtype_xmlid="mail.mt_note",
        )
        return f"personal_data_{partner_sudo.id}_{now:%Y%m%d}.zip", data

    def _claims_privacy_export_collect(self, export):
        """Add every source of this partner's data to ``export`` (sudo).

        Other addons add theirs by extending this method (``super()``, then their own
        ``_claims_privacy_export_<source>``), e.g. the exchanges of a connector.
        """
        self._claims_privacy_export_partner(export)
        self._claims_privacy_export_participations(export)
        self._claims_privacy_export_incidents(export)
        self._claims_privacy_export_claims(export)
        self._claims_privacy_export_payments(export)
        self._claims_privacy_export_messages(export)
        self._claims_privacy_export_documents(export)

    # ------------------------------------------------------------------ sources

    def _claims_privacy_export_partner(self, export):
        rows = self._claims_privacy_rows(self, PARTNER_FIELDS)
        rows[0]["user_logins"] = self.user_ids.mapped("login")
        export.add_table("partner", self.env._("The contact itself and its user logins."), rows)

    def _claims_privacy_export_participations(self, export):
        export.add_table(
            "participations",
            self.env._("The roles of the person on claims and incidents, active or revoked."),
            self._claims_privacy_rows(self._claims_privacy_participations(), PARTICIPATION_FIELDS),
        )

    def _claims_privacy_export_incidents(self, export):
        rows = []
        for incident in self._claims_privacy_incidents():
            row = self._claims_privacy_rows(incident, INCIDENT_FIELDS)[0]
            row["appears_as"] = self._claims_privacy_incident_roles(incident)
            if incident.reporter_id == self:
                # their own answer on the report; the injury details are left out, as the
                # injured may be someone else (the other driver)
                row["has_injuries"] = incident.has_injuries
            rows.append(row)
        export.add_table("incidents", self.env._(
            "Incidents the person reported or takes part in; on those they reported, whether "
            "anyone was injured (not the injury details, which may be someone else's)."), rows)

    def _claims_privacy_export_claims(self, export):
        rows = []
        for claim in self._claims_privacy_claims():
            row = self._claims_privacy_rows(claim, CLAIM_FIELDS)[0]
            row["appears_as"] = self._claims_privacy_claim_roles(claim)
            if claim.claimant_id == self:
                row["injury_details"] = claim.injury_details or None
            rows.append(row)
        export.add_table("claims", self.env._(
            "Claims where the person is claimant, insurer, broker, participant or payee; "
            "injury details on those where they are the claimant (the injured person's own "
            "claim)."), rows)

    def _claims_privacy_export_payments(self, export):
        rows = []
        for payment in self._claims_privacy_payments():
            row = self._claims_privacy_rows(payment, PAYMENT_FIELDS)[0]
            row["main_payee"] = payment.partner_id == self
            rows.append(row)
        export.add_table(
            "payments", self.env._("Payments to the person, as main or additional payee."), rows)

    def _claims_privacy_export_messages(self, export):
        rows = []
        for message in self._claims_privacy_messages():
            row = self._claims_privacy_rows(message, MESSAGE_FIELDS)[0]
            row["attachments"] = message.attachment_ids.mapped("name")
            rows.append(row)
        export.add_table("messages", self.env._(
            "Messages the person wrote, messages sent to them, and notes on their contact."),
            rows)

    def _claims_privacy_export_documents(self, export):
        rows = []
        for document in self._claims_privacy_documents():
            attachment = document.attachment_id
            rows.append({
                "id": document.id,
                "name": document.name,
                "category": document.category_id.name,
                "claim": document.claim_id.name or None,
                "incident": document.incident_id.name or None,
                "date": fields.Datetime.to_string(document.create_date),
                "file": attachment and export.add_file(
                    attachment.id, attachment.name or document.name, attachment.raw),
            })
        for attachment in self._claims_privacy_attachments():
            rows.append({
                "id": None,
                "name": attachment.name,
                "category": None,
                "attached_to": f"{attachment.res_model},{attachment.res_id}",
                "date": fields.Datetime.to_string(attachment.create_date),
                "file": export.add_file(attachment.id, attachment.name, attachment.raw),
            })
        export.add_table("documents", self.env._(
            "Documents the person added or that were filed on the incidents they reported, "
            "attachments of their messages and of their contact; the files are in files/."),
            rows)

    # ------------------------------------------------------------------ what concerns them

    def _claims_privacy_participations(self):
        return self.env["claims.participant"].with_context(active_test=False).search(
            [("partner_id", "=", self.id)])

    def _claims_privacy_incidents(self):
        Incident = self.env["claims.incident"].with_context(active_test=False)
        return Incident.search([("reporter_id", "=", self.id)]) | (
            self._claims_privacy_participations().incident_id)

    def _claims_privacy_payments(self):
        return self.env["claims.payment"].search([
            "|", ("partner_id", "=", self.id), ("additional_payee_ids", "in", self.ids)])

    def _claims_privacy_claims(self):
        Claim = self.env["claims.claim"].with_context(active_test=False)
        return Claim.search([
            "|", "|", ("claimant_id", "=", self.id), ("insurer_id", "=", self.id),
            ("broker_id", "=", self.id),
        ]) | self._claims_privacy_participations().claim_id | (
            self._claims_privacy_payments().claim_id)

    def _claims_privacy_messages(self):
        return self.env["mail.message"].search([
            "|", "|", "|", ("author_id", "=", self.id), ("partner_ids", "in", self.ids),
            ("notification_ids.res_partner_id", "=", self.id),
            "&", ("model", "=", "res.partner"), ("res_id", "=", self.id),
        ], order="date, id")

    def _claims_privacy_documents(self):
        users = self.with_context(active_test=False).user_ids
        reported = self.env["claims.incident"].search([("reporter_id", "=", self.id)])
        return self.env["claims.document"].search([
            "|", ("user_id", "in", users.ids), ("incident_id", "in", reported.ids)])

    def _claims_privacy_attachments(self):
        """Attachments of the person's messages and of the contact (not its pictures)."""
        documents = self._claims_privacy_documents().attachment_id
        return (self._claims_privacy_messages().attachment_ids | self.env["ir.attachment"].search(
            [("res_model", "=", "res.partner"), ("res_id", "=", self.id)])) - documents

    def _claims_privacy_claim_roles(self, claim):
        roles = [name for name, partner in (
            ("claimant", claim.claimant_id), ("insurer", claim.insurer_id),
            ("broker", claim.broker_id)) if partner == self]
        roles += [f"participant: {participant.role_id.name}" for participant in
                  claim.with_context(active_test=False).participant_ids
                  if participant.partner_id == self]
        if claim.payment_ids.filtered(
                lambda p: p.partner_id == self or self in p.additional_payee_ids):
            roles.append("payee")
        return roles

    def _claims_privacy_incident_roles(self, incident):
        roles = ["reporter"] if incident.reporter_id == self else []
        return roles + [f"participant: {participant.role_id.name}" for participant in
                        incident.with_context(active_test=False).participant_ids
                        if participant.partner_id == self]

    # ------------------------------------------------------------------ helpers

    def _claims_privacy_check_access(self):
        if not self.env.user.has_group("base.group_system"):
            raise AccessError(self.env._(
                "Only administrators export the personal data of a contact."))

    def _claims_privacy_rows(self, records, field_names):
        """``records`` as JSON-ready dicts: links by name, dates as text, labels of choices."""
        rows = []
        for record in records:
            row = {"id": record.id}
            for name in field_names:
                field = record._fields.get(name)
                if field is None:
                    continue
                value = record[name]
                if field.type == "many2one":
                    value = value.display_name or None
                elif field.type in ("one2many", "many2many"):
                    value = value.mapped("display_name")
                elif field.type == "selection":
                    value = dict(field._description_selection(self.env)).get(value)
                elif field.type in ("date", "datetime"):
                    value = field.to_string(value) or None
                elif value is False and field.type != "boolean":
                    value = None
                row[name] = value
            rows.append(row)
        return rows
