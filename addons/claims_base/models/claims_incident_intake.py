# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The phone form's side of claims.incident: check what a driver sent, then file it.

Kept apart from claims_incident.py so the back-office model stays short. Everything here
runs as superuser on behalf of a portal driver or of a driver without an account (incident
link): callers pass the company, never a record the driver chose.
"""

import logging
import re
import uuid
from datetime import datetime, timedelta

import psycopg2
import pytz
from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import SQL, email_normalize

from .claims_incident_form_question import TARGET_FIELDS

_logger = logging.getLogger(__name__)

PHONE_RE = re.compile(r"^\+?[0-9 ()./-]{6,25}$")
INSURER_ROLE_XMLIDS = (
    "claims_base.claims_participant_role_insurer",
    "claims_base.claims_participant_role_counterparty_insurer",
)


class ClaimsIncident(models.Model):
    _inherit = "claims.incident"

    # ------------------------------------------------------------------ choices

    @api.model
    def _intake_driver_company(self, user):
        """The company ``user`` reports incidents for, or None when not a driver.

        A driver is a user whose contact has the Driver claims role; the company is the
        contact's company, else the user's.
        """
        if not user or user._is_public():
            return None
        partner_sudo = user.partner_id.sudo()
        driver_role = self.env.ref("claims_base.claims_participant_role_driver")
        if driver_role not in partner_sudo.claims_role_ids:
            return None
        return partner_sudo.company_id or user.company_id

    @api.model
    def _intake_vehicles(self, company):
        """The vehicles a driver of ``company`` may pick (sudo)."""
        return self.env["fleet.vehicle"].sudo().search(
            [("company_id", "=", company.id)], order="license_plate, id"
        )

    @api.model
    def _intake_insurers(self, company):
        """The insurers a driver may pick for the other party (sudo)."""
        roles = self.env["claims.participant.role"]
        for xmlid in INSURER_ROLE_XMLIDS:
            roles |= self.env.ref(xmlid, raise_if_not_found=False) or roles
        return self.env["res.partner"].sudo().search(
            [
                ("claims_role_ids", "in", roles.ids),
                ("is_company", "=", True),
                ("company_id", "in", [False, company.id]),
            ],
            order="name",
            limit=200,
        )

    @api.model
    def _intake_new_submission_uuid(self):
        return str(uuid.uuid4())

    @api.model
    def _intake_find_submission(self, submission_uuid, company):
        """The incident already filed under this submission id in ``company`` (sudo)."""
        if not self._intake_is_uuid(submission_uuid):
            return self.sudo().browse()
        return self.sudo().with_context(active_test=False).search(
            [("submission_uuid", "=", submission_uuid), ("company_id", "=", company.id)], limit=1
        )

    @api.model
    def _intake_is_uuid(self, value):
        try:
            return str(uuid.UUID(str(value))) == value
        except ValueError:
            return False

    # ------------------------------------------------------------------ checking

    # C901: one flat check per field, each adding its error, so that the form shows every
    # problem at once; split into helpers, the checks would only be scattered.
    @api.model
    def _intake_check(self, company, form, with_reporter=False, incident_form=None):  # noqa: C901
        """Check the phone form; return ``(values, errors)``.

        :param company: the driver's company (from the user or the incident link)
        :param form: the posted fields (strings)
        :param with_reporter: also check the driver's name, phone and e-mail (link form)
        :param incident_form: the form configuration the page showed (default: the
            company's first); only its blocks and questions are read
        :returns: ``values`` for ``_intake_file`` and ``errors`` {field name: message}
        """
        errors = {}
        values = {}
        get = lambda key: (form.get(key) or "").strip()  # noqa: E731
        incident_form = incident_form or self.env["claims.incident.form"]._pick(company)[0]
        if not incident_form:
            return values, {"form": self.env._("Reports cannot be sent here: call us.")}
        blocks = incident_form._get_blocks()
        values["incident_form_id"] = incident_form.id

        if not self._intake_is_uuid(get("submission_uuid")):
            errors["form"] = self.env._("This page has expired: reload it and try again.")
        values["submission_uuid"] = get("submission_uuid")

        incident_type = get("incident_type")
        types = incident_form._get_incident_types()
        if len(types) == 1:
            incident_type = types[0]
        if incident_type not in types:
            errors["incident_type"] = self.env._("Choose what kind of incident this is.")
        values["incident_type"] = incident_type

        tz_name = get("tz")
        if tz_name not in pytz.all_timezones_set:
            tz_name = self.env.user.tz or "UTC"
        values["tz"] = tz_name
        if "basics" in blocks:
            self._intake_check_date(get("date_incident"), tz_name, values, errors)
        else:
            values["date_incident"] = fields.Datetime.now()

        if "vehicle" in blocks:
            vehicles = self._intake_vehicles(company)
            vehicle_id = get("vehicle_id")
            vehicle = vehicles.filtered(lambda v: str(v.id) == vehicle_id)
            if vehicles and not vehicle:
                errors["vehicle_id"] = self.env._("Choose the vehicle.")
            values["vehicle_id"] = vehicle.id

        if "place" in blocks:
            self._intake_check_place(get, values, errors)

        if "parties" in blocks:
            self._intake_check_party(company, get, values, errors)

        targets, answers, health, answer_errors = self._intake_check_answers(incident_form, form)
        values.update(targets=targets, answers=answers, health_answers=health)
        errors.update(answer_errors)

        if with_reporter:
            reporter = {
                "name": get("reporter_name")[:120],
                "phone": get("reporter_phone")[:25],
                "email": get("reporter_email")[:120],
            }
            if not reporter["name"]:
                errors["reporter_name"] = self.env._("Give your name.")
            if reporter["phone"] and not PHONE_RE.match(reporter["phone"]):
                errors["reporter_phone"] = self.env._("This phone number is not valid.")
            if reporter["email"] and not email_normalize(reporter["email"]):
                errors["reporter_email"] = self.env._("This e-mail address is not valid.")
            if not (reporter["phone"] or reporter["email"]):
                errors["reporter_phone"] = self.env._(
                    "Give your phone number or your e-mail address."
                )
            values["reporter"] = reporter
        return values, errors

    @api.model
    def _intake_check_date(self, text, tz_name, values, errors):
        try:
            local = datetime.strptime(text[:16], "%Y-%m-%dT%H:%M")
        except ValueError:
            errors["date_incident"] = self.env._("Give the date and time of the incident.")
            return
        moment = pytz.timezone(tz_name).localize(local).astimezone(pytz.utc)
        moment = moment.replace(tzinfo=None)
        now = fields.Datetime.now()
        if moment > now + timedelta(minutes=15):
            errors["date_incident"] = self.env._("The incident cannot be in the future.")
        elif moment < now - timedelta(days=366):
            errors["date_incident"] = self.env._("The incident is more than a year old: call us.")
        values["date_incident"] = moment

    @api.model
    def _intake_check_place(self, get, values, errors):
        latitude, longitude = self._intake_float(get("latitude")), self._intake_float(
            get("longitude")
        )
        if latitude is not None and longitude is not None and (
            -90 <= latitude <= 90 and -180 <= longitude <= 180
        ):
            values.update(latitude=latitude, longitude=longitude)
        elif get("latitude") or get("longitude"):
            errors["place"] = self.env._(
                "The location is not valid: share it again or type the address."
            )
        values["address"] = get("address")[:250]
        if "latitude" not in values and not values["address"] and "place" not in errors:
            errors["place"] = self.env._("Share your location or type the address.")

    @api.model
    def _intake_check_party(self, company, get, values, errors):
        party = {
            "license_plate": get("party_plate")[:20].upper(),
            "name": get("party_name")[:120],
            "phone": get("party_phone")[:25],
        }
        insurer_id = get("party_insurer_id")
        if insurer_id:
            insurer = self._intake_insurers(company).filtered(lambda p: str(p.id) == insurer_id)
            if not insurer:
                errors["party_insurer_id"] = self.env._("Choose the insurer from the list.")
            party["insurer_id"] = insurer.id
        if party["phone"] and not PHONE_RE.match(party["phone"]):
            errors["party_phone"] = self.env._("This phone number is not valid.")
        values["party"] = party if any(party.values()) else {}

    @api.model
    def _intake_float(self, text):
        try:
            return float(text.replace(",", "."))
        except (AttributeError, ValueError):
            return None

    # ------------------------------------------------------------------ filing

    @api.model
    def _intake_new_reporter(self, company, reporter, lang=None, tz=None):
        """A new contact of ``company`` for the driver who reported through a link (sudo).

        Never an existing contact found by e-mail or phone: anyone can type someone else's
        number, and the report (its messages, its copy, the done page) would go to that
        person. The desk merges the new contact with a known one when it is the same driver.
        """
        return self.env["res.partner"].sudo().create({
            "name": reporter["name"],
            "email": email_normalize(reporter.get("email") or "") or False,
            "phone": reporter.get("phone") or False,
            "company_id": company.id,
            "lang": lang or False,
            "tz": tz or False,
        })

    @api.model
    def _intake_file(self, company, values, reporter, uploads, link=None):
        """File a checked report, all or nothing (sudo).

        :returns: the new incident, or the one already filed under this submission id
        """
        existing = self._intake_find_submission(values["submission_uuid"], company)
        if existing:
            return existing
        if self._intake_filed_meanwhile(values["submission_uuid"]):
            return self.sudo().browse()
        Incident = self.sudo().with_company(company).with_context(
            mail_create_nosubscribe=True, mail_create_nolog=True, mail_post_autofollow=False,
            tracking_disable=True,
        )
        party = values.get("party")
        vals = {
            "company_id": company.id,
            "submission_uuid": values["submission_uuid"],
            "incident_link_id": link.id if link else False,
            "incident_type": values["incident_type"],
            "date_incident": values["date_incident"],
            "vehicle_id": values.get("vehicle_id") or False,
            "latitude": values.get("latitude") or 0.0,
            "longitude": values.get("longitude") or 0.0,
            "address": values.get("address") or False,
            # the answers that fill incident fields: the whitelist only
            **{name: value for name, value in (values.get("targets") or {}).items()
               if name in TARGET_FIELDS},
            "incident_form_id": values.get("incident_form_id") or False,
            "form_answers": values.get("answers") or False,
            "form_health_answers": values.get("health_answers") or False,
            "reporter_id": reporter.id,
            "party_ids": [
                fields.Command.create({
                    **party,
                    "name": party.get("name") or party.get("license_plate") or self.env._(
                        "Unknown"
                    ),
                })
            ] if party else [],
            "participant_ids": [fields.Command.create({
                "partner_id": reporter.id,
                "role_id": self.env.ref("claims_base.claims_participant_role_driver").id,
            })],
        }
        try:
            with self.env.cr.savepoint():
                incident = Incident.create(vals)
                incident._intake_attach_uploads(uploads)
                incident._open_claims_on_report(log=False)
                incident._intake_notify()
        except psycopg2.errors.UniqueViolation:
            # last guard (the index): the other send filed it
            _logger.info("Incident report %s sent twice", values["submission_uuid"])
            return self.sudo().browse()
        return incident.with_context(tracking_disable=False)

    @api.model
    def _intake_filed_meanwhile(self, submission_uuid):
        """Whether another send of this report was filed since this transaction began.

        Two sends of one report at once: the second waits on a lock held until the first
        commits, then looks with a fresh snapshot (a new cursor), which this transaction's
        own snapshot would not show. The unique index stays the last guard.
        """
        self.env.cr.execute(SQL(
            "SELECT pg_advisory_xact_lock(hashtext(%s))", f"claims.incident:{submission_uuid}"
        ))
        with self.env.registry.cursor() as cr:
            cr.execute(SQL(
                "SELECT 1 FROM claims_incident WHERE submission_uuid = %s", submission_uuid
            ))
            return bool(cr.fetchone())

    def _intake_attach_uploads(self, uploads):
        """File the report's photos in Photos and its PDFs in the category of their kind."""
        self.ensure_one()
        uploads = uploads.filtered("attachment_id")
        if not uploads:
            return
        photo = self.env.ref("claims_base.claims_document_category_photo")
        Document = self.env["claims.document"].sudo()
        for category, filed in uploads.grouped(lambda upload: upload.category_id or photo).items():
            Document._create_from_attachments(filed.attachment_id, category, self, published=True)
        uploads.write({"incident_id": self.id})

    def _intake_notify(self):
        """Tell the company's claims managers and send the driver a copy.

        The copy goes to the address the driver typed (or the portal driver's own), once:
        this runs when the report is filed, and a report is filed once per submission id.
        Reports through a link are rate-limited per client address, copies with them. The
        copy holds no text the driver typed (see the template), so a stranger cannot use
        it to send words of their own to someone else's address.
        """
        self.ensure_one()
        managers = self._intake_get_managers()
        body = self.env._(
            "New incident reported from a phone by %(reporter)s: %(type)s.",
            reporter=self.reporter_id.name,
            type=dict(self._fields["incident_type"]._description_selection(self.env)).get(
                self.incident_type
            ),
        )
        if self.claim_ids:
            body = Markup("%s<br/>%s") % (body, self.env._(
                "Claims opened: %s", ", ".join(self.claim_ids.mapped("name"))))
        if managers:
            self.message_subscribe(partner_ids=managers.partner_id.ids)
        self.message_post(
            body=body,
            author_id=self.reporter_id.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=managers.partner_id.ids,
        )
        if self.reporter_id.email:
            template = self.env.ref("claims_base.mail_template_incident_received")
            template.sudo().send_mail(
                self.id,
                email_layout_xmlid="mail.mail_notification_light",
                email_values={"author_id": self.company_id.partner_id.id},
            )

    def _intake_get_managers(self):
        """Who hears of a phone report: the active claims managers of the company.

        A fleet manager is a back-office user of the fleet operator; making them claims
        managers of that company is how they get these reports.
        """
        self.ensure_one()
        return self.env["res.users"].sudo().search([
            ("all_group_ids", "in", self.env.ref("claims_base.group_claims_manager").id),
            ("share", "=", False),
            ("company_ids", "in", self.company_id.id),
        ])
