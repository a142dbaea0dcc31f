# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import binascii

from odoo import api, fields, models
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError

from odoo.addons.claims_base.tools.files import safe_filename
from odoo.addons.claims_base.tools.money import MONEY_FIELDS

# Incident fields a partner system may set when it files an incident.
INCIDENT_FIELDS = {
    "incident_type": str,
    "date_incident": str,
    "description": str,
    "address": str,
    "latitude": (int, float),
    "longitude": (int, float),
    "vehicle_id": int,
    "trailer_id": int,
    "reporter_id": int,
    "police_report_number": str,
    "has_injuries": bool,
    "has_cargo": bool,
    "company_id": int,
}
MAX_FILE_BYTES = 15 * 1024 * 1024
MAX_PHOTOS = 30


class ClaimsApi(models.AbstractModel):
    """The business operations of the partner API (controllers/api.py).

    Every method is private: the HTTP routes are the only way in, and each runs as the user of
    the API key. A partner system's user (group "partner system (API)") may only read, over
    JSON-2, its account's claims, incidents and documents, its webhooks and their deliveries:
    what it writes, it writes through these operations. Each one finds its records as that
    user (record rules apply: a record the user may not see is reported as missing, so a key
    never learns which ids exist in another company), checks what it takes from the body,
    then writes as superuser what the operation makes, and that only.
    """

    _name = "claims.api"
    _description = "Partner API operations"

    # ------------------------------------------------------------------ operations

    @api.model
    def _file_incident(self, payload):
        """Create an incident and its photos in one transaction; return its summary."""
        self._check_api_user()
        values = self._parse_values(payload, INCIDENT_FIELDS, required=("incident_type",))
        types = dict(self.env["claims.incident"]._fields["incident_type"].selection)
        if values["incident_type"] not in types:
            raise ValidationError(self.env._(
                "incident_type is one of %s.", ", ".join(types)))
        if "date_incident" in values:
            values["date_incident"] = self._parse_datetime(values["date_incident"])
        photos = payload.get("photos") or []
        if not isinstance(photos, list) or len(photos) > MAX_PHOTOS:
            raise ValidationError(self.env._(
                "photos must be a list of at most %(count)s files.", count=MAX_PHOTOS))
        files = [self._parse_file(photo) for photo in photos]
        self._check_incident_links(values)
        # No creation note and no follower: the API user is a machine, its name is on the
        # record (created by) and following every incident would only queue notifications.
        incident = self.env["claims.incident"].sudo().with_context(
            tracking_disable=True).create(values)
        # The xml id lookup is cached; env.ref() would also query that the category exists.
        category_id = self.env["ir.model.data"]._xmlid_to_res_id(
            "claims_base.claims_document_category_photo")
        if files:
            self.env["claims.document"].sudo().create([{
                "name": name, "datas": datas, "category_id": category_id,
                "incident_id": incident.id,
            } for name, datas in files])
        incident._open_claims_on_report()
        return self._prepare_incident_values(incident.sudo(False).with_context(
            tracking_disable=False))

    @api.model
    def _open_claims(self, incident_id):
        """Open the claims of the incident's rules; return every claim of the incident."""
        self._check_api_user()
        incident = self._get_record("claims.incident", incident_id)
        incident.sudo().action_open_claims()
        return self._prepare_incident_values(incident)

    @api.model
    def _attach_document(self, claim_id, payload):
        """File one document on a claim in a category given by its code."""
        self._check_api_user()
        claim = self._get_record("claims.claim", claim_id)
        code = payload.get("category")
        category = self.env["claims.document.category"].search([("code", "=", code)], limit=1)
        if not isinstance(code, str) or not category:
            raise ValidationError(self.env._("Unknown document category %r.", code))
        name, datas = self._parse_file(payload)
        document = self.env["claims.document"].sudo().create({
            "name": name,
            "datas": datas,
            "category_id": category.id,
            "claim_id": claim.id,
            "is_published": bool(payload.get("published")),
        })
        return self._prepare_document_values(document.sudo(False))

    @api.model
    def _post_message(self, claim_id, payload):
        """Post a note (default) or a message to followers on a claim's chatter."""
        self._check_api_user()
        claim = self._get_record("claims.claim", claim_id)
        body = payload.get("body")
        if not isinstance(body, str) or not body.strip():
            raise ValidationError(self.env._("A message needs a body."))
        internal = payload.get("internal", True)
        message = claim.sudo().message_post(
            body=body,
            message_type="comment",
            subtype_xmlid="mail.mt_note" if internal else "mail.mt_comment",
        )
        return {"id": message.id, "claim_id": claim.id, "internal": bool(internal)}

    @api.model
    def _claim_status(self, claim_id):
        """Status, dates, coverage totals and documents of one claim."""
        self._check_api_user()
        claim = self._get_record("claims.claim", claim_id)
        # the totals are for the desk in the back office; the account's system reads them here
        money = claim.sudo()
        return {
            **self._prepare_claim_values(claim),
            "insurer_claim_number": claim.insurer_claim_number or None,
            "incident_id": claim.incident_id.id or None,
            "dates": {
                key: fields.Date.to_string(claim[f"date_{key}"]) or None
                for key in ("loss", "reported", "assigned", "closed")
            },
            "currency": claim.currency_id.name,
            "totals": {name.removeprefix("amount_"): money[name] for name in MONEY_FIELDS},
            "coverages": [{
                "id": coverage.id,
                "coverage_type": coverage.coverage_type_id.code,
                "limit": coverage.amount_limit,
                **{name.removeprefix("amount_"): coverage[name] for name in MONEY_FIELDS},
            } for coverage in money.coverage_ids],
            "documents": [self._prepare_document_values(doc) for doc in claim.document_ids],
        }

    @api.model
    def _read_changes(self, after, limit):
        self._check_api_user()
        try:
            after, limit = int(after or 0), int(limit or 100)
        except (TypeError, ValueError) as error:
            raise ValidationError(self.env._("after and limit are whole numbers.")) from error
        return self.env["claims.change"]._read_feed(after=after, limit=limit)

    # ------------------------------------------------------------------ values

    def _prepare_incident_values(self, incident):
        return {
            "id": incident.id,
            "name": incident.name,
            "state": incident.state,
            "company_id": incident.company_id.id,
            "documents": [self._prepare_document_values(doc) for doc in incident.document_ids],
            "claims": [self._prepare_claim_values(claim) for claim in incident.claim_ids],
        }

    def _prepare_claim_values(self, claim):
        return {
            "id": claim.id,
            "name": claim.name,
            "company_id": claim.company_id.id,
            "stage": claim.stage_id.name or None,
            "file_status": claim.file_status,
        }

    def _prepare_document_values(self, document):
        return {
            "id": document.id,
            "name": document.name,
            "category": document.category_id.code,
            "mimetype": document.mimetype or None,
            "size": document.file_size,
            "published": document.is_published,
        }

    # ------------------------------------------------------------------ checks

    def _check_api_user(self):
        user = self.env.user
        if not (user.has_group("claims_api.group_claims_api")
                or user.has_group("claims_base.group_claims_user")):
            raise AccessError(self.env._(
                "The claims API needs a partner system (API) or claims user."))

    def _check_incident_links(self, values):
        """The company and the records an incident names are the user's to use.

        The incident is created as superuser: its company must be one of the user's, and the
        vehicles and reporter it names of no company but the user's (reported as missing
        otherwise, as records of other accounts are everywhere in the API).
        """
        company_id = values.setdefault("company_id", self.env.company.id)
        if company_id not in self.env.user.company_ids.ids:
            raise AccessError(self.env._("This key files incidents for its own account only."))
        for fname in ("vehicle_id", "trailer_id", "reporter_id"):
            if not values.get(fname):
                continue
            comodel = self.env["claims.incident"]._fields[fname].comodel_name
            record = self.env[comodel].sudo().browse(values[fname]).exists()
            if not record or record.company_id.id not in (False, *self.env.user.company_ids.ids):
                raise MissingError(self.env._(
                    "%(model)s %(id)s not found.", model=comodel, id=values[fname]))

    def _get_record(self, model, record_id):
        """The record if this user may read it; MissingError alike for missing and foreign."""
        if not isinstance(record_id, int) or isinstance(record_id, bool):
            raise ValidationError(self.env._("Record ids are whole numbers."))
        record = self.env[model].browse(record_id)
        if not record.exists() or not record.has_access("read"):
            raise MissingError(self.env._("%(model)s %(id)s not found.", model=model, id=record_id))
        return record

    def _parse_values(self, payload, allowed, required=()):
        if not isinstance(payload, dict):
            raise ValidationError(self.env._("The request body is a JSON object."))
        values = {}
        for key, kind in allowed.items():
            if key not in payload or payload[key] is None:
                continue
            value = payload[key]
            if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
                raise ValidationError(self.env._("Field %s has the wrong type.", key))
            values[key] = value
        missing = [key for key in required if not values.get(key)]
        if missing:
            raise ValidationError(self.env._("Missing field(s): %s", ", ".join(missing)))
        return values

    def _parse_datetime(self, value):
        try:
            moment = fields.Datetime.to_datetime(value.replace("T", " ").removesuffix("Z"))
        except ValueError as error:
            raise ValidationError(self.env._("Dates are ISO 8601 in UTC.")) from error
        return moment.replace(tzinfo=None)

    def _parse_file(self, payload):
        """(base name, base64 data) of a file object {name, data}; checks the data decodes.

        The name is reduced to its base name: a partner system's ``../../x.pdf`` is ``x.pdf``.
        """
        if not isinstance(payload, dict):
            raise ValidationError(self.env._("A file is an object with name and data."))
        name, data = payload.get("name"), payload.get("data")
        if not (isinstance(name, str) and name.strip() and isinstance(data, str) and data):
            raise ValidationError(self.env._("A file needs a name and base64 data."))
        try:
            raw = base64.b64decode(data, validate=True)
        except (binascii.Error, ValueError) as error:
            raise ValidationError(self.env._("File %s is not valid base64.", name)) from error
        if len(raw) > MAX_FILE_BYTES:
            raise UserError(self.env._("File %s is larger than 15 MB.", name))
        return safe_filename(name), data
