# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The pages of the phone form: the form of a configuration, with what the reporter typed
and the errors next to the fields, and the page that says the report is in."""

import datetime
from urllib.parse import urlencode

import pytz

from odoo import fields
from odoo.http import request

from ..models.claims_incident import INCIDENT_TYPES
from ..models.claims_incident_upload import (
    DOCUMENT_KINDS,
    MAX_DOCUMENTS,
    MAX_PHOTO_BYTES,
    MAX_PHOTOS,
)
from ..tools.maps import map_settings, osm_url

FORM_LANGS = ("en", "fr", "nl")


class IncidentFormPage:
    """Rendering of the phone form's pages, for IncidentFormController."""

    def _render_form(self, page, post, errors=None, uploads=None, status=200,
                     preview_ok=False):
        company, link = page["company"], page["link"]
        incident_form = page["incident_form"]
        Incident = request.env["claims.incident"]
        user = request.env.user
        tz_name = post.get("tz") or (not link and user.tz) or "UTC"
        tz = pytz.timezone(tz_name if tz_name in pytz.all_timezones_set else "UTC")
        now_local = pytz.utc.localize(datetime.datetime.utcnow()).astimezone(tz)
        values = {
            "company": company,
            "link": link,
            "action": page["action"],
            "form": post,
            "errors": errors or {},
            "submission_uuid": post.get("submission_uuid")
            or Incident._intake_new_submission_uuid(),
            "date_default": post.get("date_incident") or now_local.strftime("%Y-%m-%dT%H:%M"),
            "date_is_default": not post.get("date_incident"),
            "tz_name": tz.zone,
            "incident_form": incident_form,
            "incident_types": self._get_incident_types(page),
            "selected_type": post.get("incident_type"),
            "preview": page.get("preview"),
            "preview_ok": preview_ok,
            "vehicles": Incident._intake_vehicles(company),
            "insurers": Incident._intake_insurers(company),
            "uploads": uploads or request.env["claims.incident.upload"],
            "max_photos": MAX_PHOTOS,
            "max_documents": MAX_DOCUMENTS,
            "document_kinds": self._get_document_kinds(),
            "max_photo_bytes": MAX_PHOTO_BYTES,
            "lang_links": self._get_lang_links(page["action"]) if link else [],
            "map_settings": map_settings(request.env),
            "csrf_token": request.csrf_token(),
            "map_url": osm_url(
                Incident._intake_float(post.get("latitude") or "") or 0.0,
                Incident._intake_float(post.get("longitude") or "") or 0.0,
            ) if post.get("latitude") else False,
        }
        response = request.render("claims_base.incident_report_page", values)
        response.status_code = status
        return response

    def _render_done(self, incident_sudo, again_url):
        tz = pytz.timezone(incident_sudo.reporter_id.tz or "UTC")
        moment = pytz.utc.localize(incident_sudo.date_incident).astimezone(tz)
        return request.render("claims_base.incident_report_done", {
            "incident": incident_sudo,
            "incident_type": dict(self._get_type_labels()).get(incident_sudo.incident_type),
            "date_local": fields.Datetime.to_string(moment.replace(tzinfo=None))[:16],
            "tz_name": tz.zone,
            "photo_count": len(incident_sudo.document_ids.filtered(
                lambda document: document.category_id.code == "photo")),
            "pdf_count": len(incident_sudo.document_ids.filtered(
                lambda document: document.category_id.code != "photo")),
            "again_url": again_url,
            # a signed-in reporter follows the incident from their account
            "follow_url": (
                f"/my/incidents/{incident_sudo.id}"
                if incident_sudo.with_user(request.env.user).has_access("read") else False
            ),
        })

    def _get_type_labels(self):
        field = request.env["claims.incident"]._fields["incident_type"]
        return field._description_selection(request.env)

    def _get_incident_types(self, page):
        """(kind, label, code of the form that asks it, address of that form) of the kinds
        of incident the page offers: those of its forms, each asked by the first."""
        order = {key: index for index, (key, _label) in enumerate(INCIDENT_TYPES)}
        pinned = page.get("pinned")
        options = {}
        for form in page["forms"]:
            for key in form._get_incident_types():
                if key not in options:
                    query = {"type": key, **({"form": form.code} if pinned else {})}
                    if page["link"]:
                        query["lang"] = request.env.lang
                    options[key] = (form.code, f"{page['base']}?{urlencode(query)}")
        labels = dict(self._get_type_labels())
        return [
            (key, labels.get(key, key), *options[key])
            for key in sorted(options, key=lambda key: order.get(key, len(order)))
        ]

    def _get_document_kinds(self):
        """(kind, category name in the page's language) of the PDFs a driver can add."""
        return [
            (kind, request.env.ref(xmlid).sudo().name) for kind, xmlid in DOCUMENT_KINDS.items()
        ]

    def _get_lang_links(self, action):
        langs = []
        for code, name in request.env["res.lang"].get_installed():
            if code.split("_")[0] in FORM_LANGS:
                langs.append({
                    "code": code,
                    "label": code.split("_")[0].upper(),
                    "name": name,
                    "url": f"{action}{'&' if '?' in action else '?'}lang={code}",
                    "active": code == request.env.lang,
                })
        return langs if len(langs) > 1 else []
