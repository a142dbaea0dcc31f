# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The phone form through which a driver reports an incident.

Two ways in: a logged-in portal driver (/my/incident/new; the company comes from the
driver's partner or user) and a company's incident link (/claims/report/<token>) for drivers
without an account. Photos are resized in the browser and uploaded one by one as they are
taken (/claims/report/photo); sending the form files the incident and claims the uploads,
all or nothing. The page's submission id makes a second send find the first incident.
"""

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request
from odoo.tools.mimetypes import guess_mimetype

from ..models.claims_incident_upload import (
    DOCUMENT_KINDS,
    DOCUMENT_MIMETYPES,
    MAX_DOCUMENT_BYTES,
    MAX_DOCUMENTS,
    MAX_PHOTO_BYTES,
    MAX_PHOTOS,
    PHOTO_MIMETYPES,
)
from .incident_form_page import IncidentFormPage


class IncidentFormController(IncidentFormPage, http.Controller):
    # ------------------------------------------------------------------ routes: portal driver

    @http.route("/my/incident/new", type="http", auth="user", methods=["GET", "POST"])
    def portal_incident_new(self, **post):
        company = self._get_driver_company()
        if not company:
            raise NotFound()
        self._set_lang(request.env.user.lang)
        page = self._get_form_page(company, "/my/incident/new", None, post)
        if request.httprequest.method == "POST":
            return self._submit(page, post, request.env.user.partner_id)
        return self._render_form(page, self._get_start_values(post))

    @http.route("/my/incident/done/<string:submission_uuid>", type="http", auth="user")
    def portal_incident_done(self, submission_uuid, **kw):
        company = self._get_driver_company()
        if not company:
            raise NotFound()
        self._set_lang(request.env.user.lang)
        incident = request.env["claims.incident"]._intake_find_submission(submission_uuid, company)
        if not incident or incident.reporter_id != request.env.user.partner_id:
            raise NotFound()
        return self._render_done(incident, "/my/incident/new")

    # ------------------------------------------------------------------ routes: incident link

    @http.route(
        "/claims/report/<string:token>", type="http", auth="public", methods=["GET", "POST"]
    )
    def link_incident_new(self, token, lang=None, **post):
        link = request.env["claims.incident.link"]._get_by_token(token)
        if not link:
            raise NotFound()
        self._set_lang(lang or post.get("lang"), guess=True)
        page = self._get_form_page(link.company_id, f"/claims/report/{token}", link, post)
        if request.httprequest.method == "POST":
            return self._submit(page, post, None)
        return self._render_form(page, self._get_start_values(post))

    @http.route(
        "/claims/report/preview/<int:form_id>", type="http", auth="user", methods=["GET", "POST"]
    )
    def incident_form_preview(self, form_id, **post):
        """A manager's preview of a form configuration: checks the answers, files nothing."""
        form = request.env["claims.incident.form"].browse(form_id).exists()
        if (
            not form
            or not request.env.user.has_group("claims_base.group_claims_manager")
            or not form.has_access("read")
        ):
            raise NotFound()
        form_sudo = form.sudo()
        action = f"/claims/report/preview/{form.id}"
        page = {"company": request.env.company, "action": action, "base": action,
                   "link": None, "incident_form": form_sudo, "forms": form_sudo,
                   "preview": True}
        if request.httprequest.method != "POST":
            return self._render_form(page, self._get_start_values(post))
        _values, errors = request.env["claims.incident"]._intake_check(
            request.env.company, post, with_reporter=True, incident_form=form_sudo)
        errors.pop("form", None)
        return self._render_form(page, post, errors, status=422 if errors else 200,
                                 preview_ok=not errors)

    @http.route(
        "/claims/report/<string:token>/done/<string:submission_uuid>",
        type="http",
        auth="public",
    )
    def link_incident_done(self, token, submission_uuid, lang=None, **kw):
        link = request.env["claims.incident.link"]._get_by_token(token)
        if not link:
            raise NotFound()
        self._set_lang(lang, guess=True)
        incident = request.env["claims.incident"]._intake_find_submission(
            submission_uuid, link.company_id
        )
        if not incident or incident.incident_link_id != link:
            raise NotFound()
        return self._render_done(incident, f"/claims/report/{token}")

    @http.route("/claims/report/photo", type="http", auth="public", methods=["POST"])
    def incident_photo_upload(self, submission_uuid=None, token=None, photo=None, **kw):
        """Store one resized photo for a report being filled in; answers JSON."""
        return self._store_upload(submission_uuid, token, photo, None)

    @http.route("/claims/report/document", type="http", auth="public", methods=["POST"])
    def incident_document_upload(self, submission_uuid=None, token=None, document=None,
                                 kind=None, **kw):
        """Store one PDF (police report, accident statement...) of a report; answers JSON."""
        if kind not in DOCUMENT_KINDS:
            return self._upload_error(request.env._("Choose what the document is."), 400)
        return self._store_upload(submission_uuid, token, document,
                                  request.env.ref(DOCUMENT_KINDS[kind]).sudo())

    def _upload_error(self, message, status):
        return request.make_json_response({"error": message}, status=status)

    def _store_upload(self, submission_uuid, token, file, category):
        """Check and store one file of a report being filled in: a photo when ``category``
        is empty, else a PDF filed in ``category``. Answers JSON: the upload's ref."""
        link = request.env["claims.incident.link"]
        user = request.env["res.users"]
        if token:
            link = link._get_by_token(token)
            if not link:
                return self._upload_error(request.env._("This link is closed."), 404)
        elif request.env.user._is_public() or not self._get_driver_company():
            return self._upload_error(request.env._("Not allowed."), 403)
        else:
            user = request.env.user
        Incident = request.env["claims.incident"]
        if not Incident._intake_is_uuid(submission_uuid or "") or not file:
            return self._upload_error(request.env._("Nothing to upload."), 400)
        if link and link._is_rate_limited(request.httprequest.remote_addr, "upload"):
            return self._upload_error(
                request.env._("Too many files from this address: try again later."), 429)
        max_bytes = MAX_DOCUMENT_BYTES if category else MAX_PHOTO_BYTES
        data = file.read(max_bytes + 1)
        if len(data) > max_bytes:
            return self._upload_error(
                request.env._("This document is too large (10 MB at most).") if category
                else request.env._("This photo is too large (5 MB at most)."), 413)
        mimetype = guess_mimetype(data)
        if mimetype not in (DOCUMENT_MIMETYPES if category else PHOTO_MIMETYPES):
            return self._upload_error(
                request.env._("Only PDF documents can be added here.") if category
                else request.env._("Only photos (JPEG, PNG or WebP) can be added."), 415)
        Upload = request.env["claims.incident.upload"].sudo()
        count = Upload.search_count([
            ("submission_uuid", "=", submission_uuid), ("incident_id", "=", False),
            ("category_id", "!=" if category else "=", False),
        ])
        if count >= (MAX_DOCUMENTS if category else MAX_PHOTOS):
            return self._upload_error(
                request.env._("At most %s documents per report.", MAX_DOCUMENTS) if category
                else request.env._("At most %s photos per report.", MAX_PHOTOS), 413)
        try:
            with request.env.cr.savepoint():
                upload = Upload._create_photo(
                    submission_uuid, file.filename or "", data, mimetype,
                    link=link or None, user=user or None, category=category,
                )
        except UserError as error:
            # a picture of too many pixels: refused, the report and its other files stay
            return self._upload_error(error.args[0], 422)
        return request.make_json_response({"ref": f"{upload.id}:{upload.key}"})

    # ------------------------------------------------------------------ helpers

    def _get_driver_company(self):
        return request.env["claims.incident"]._intake_driver_company(request.env.user)

    def _set_lang(self, lang, guess=False):
        """Use ``lang`` (or the browser's, when ``guess``) if it is an installed language."""
        installed = [code for code, _name in request.env["res.lang"].get_installed()]
        code = None
        if lang:
            code = next((c for c in installed if c == lang or c.split("_")[0] == lang), None)
        if not code and guess:
            accepted = request.httprequest.accept_languages
            for value, _quality in accepted:
                short = value.replace("-", "_").split("_")[0]
                code = next((c for c in installed if c.split("_")[0] == short), None)
                if code:
                    break
        if code:
            request.update_context(lang=code)

    def _get_form_page(self, company, base, link, params):
        """The page's company, address, link and form (``?form=<code>``, the kind of
        incident chosen, or the form the page showed); 404 when there is no form."""
        code = params.get("form") if isinstance(params.get("form"), str) else None
        form, forms = request.env["claims.incident.form"]._pick(
            company, link=link, code=code,
            incident_type=params.get("incident_type") or params.get("type"),
            current=params.get("form_code"),
        )
        if not form:
            raise NotFound()
        pinned = len(forms) == 1 and code == form.code
        return {
            "company": company, "link": link, "incident_form": form, "forms": forms,
            "base": base, "action": f"{base}?form={form.code}" if pinned else base,
            "pinned": pinned, "preview": False,
        }

    def _get_start_values(self, params):
        """What a new page starts with: the kind of incident chosen from another form."""
        incident_type = params.get("type")
        return {"incident_type": incident_type} if isinstance(incident_type, str) else {}

    def _submit(self, page, post, reporter):
        company, link = page["company"], page["link"]
        incident_form = page["incident_form"]
        Incident = request.env["claims.incident"]
        submission_uuid = post.get("submission_uuid") or ""
        if Incident._intake_find_submission(submission_uuid, company):
            return self._redirect_done(page, submission_uuid)
        if link and link._is_rate_limited(request.httprequest.remote_addr, "submit"):
            errors = {"form": request.env._(
                "Too many reports from this address: wait a while or call us.")}
            return self._render_form(page, post, errors, status=429)
        if post.get("form_code") and post.get("form_code") != incident_form.code:
            # the kind of incident chosen has questions of its own: ask them first
            errors = {"form": request.env._(
                "This kind of incident has questions of its own: answer them below.")}
            return self._render_form(page, post, errors, status=422)
        values, errors = Incident._intake_check(
            company, post, with_reporter=not reporter, incident_form=incident_form)
        form = request.httprequest.form
        refs = form.getlist("photo_refs") + form.getlist("document_refs")
        uploads = request.env["claims.incident.upload"]._find_owned(
            refs, submission_uuid, link=link, user=None if link else request.env.user
        )
        if errors:
            return self._render_form(page, post, errors, uploads=uploads, status=422)
        if not reporter:
            reporter = Incident._intake_new_reporter(
                company, values["reporter"], lang=request.env.lang, tz=values["tz"]
            )
        Incident._intake_file(company, values, reporter, uploads, link=link)
        return self._redirect_done(page, submission_uuid)

    def _redirect_done(self, page, submission_uuid):
        if page["link"]:
            url = f"{page['base']}/done/{submission_uuid}?lang={request.env.lang}"
        else:
            url = f"/my/incident/done/{submission_uuid}"
        return request.redirect(url, code=303, local=True)

