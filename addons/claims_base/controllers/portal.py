# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""/my/claims and /my/incidents: what a portal user takes part in.

Every read goes through the portal user's own environment, so the participant record
rules decide; documents are served by this controller after a read check on the
claims.document (whose rule filters by category and role), never by a link token.
"""

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.fields import Domain
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


class ClaimsPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "claims_count" in counters:
            Claim = request.env["claims.claim"]
            values["claims_count"] = (
                Claim.search_count(self._get_claims_domain(), limit=1)
                if Claim.has_access("read")
                else 0
            )
        if "incidents_count" in counters:
            Incident = request.env["claims.incident"]
            values["incidents_count"] = (
                Incident.search_count(self._get_incidents_domain(), limit=1)
                if Incident.has_access("read")
                else 0
            )
        return values

    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        values["claims_can_report"] = bool(
            request.env["claims.incident"]._intake_driver_company(request.env.user)
        )
        return values

    # ------------------------------------------------------------------ list

    def _get_claims_domain(self):
        return Domain("participant_ids.partner_id", "=", request.env.user.partner_id.id)

    def _get_claims_searchbar_sortings(self):
        return {
            "date": {"label": request.env._("Newest"), "order": "date_reported desc, id desc"},
            "name": {"label": request.env._("Reference"), "order": "name desc"},
        }

    @http.route(
        ["/my/claims", "/my/claims/page/<int:page>"], type="http", auth="user", website=True
    )
    def portal_my_claims(self, page=1, sortby=None, **kw):
        values = self._prepare_my_claims_values(page, sortby)
        return request.render("claims_base.portal_my_claims", values)

    def _prepare_my_claims_values(self, page, sortby):
        values = self._prepare_portal_layout_values()
        Claim = request.env["claims.claim"]
        sortings = self._get_claims_searchbar_sortings()
        sortby = sortby if sortby in sortings else "date"
        domain = self._get_claims_domain()
        pager = portal_pager(
            url="/my/claims",
            url_args={"sortby": sortby},
            total=Claim.search_count(domain),
            page=page,
            step=self._items_per_page,
        )
        claims = Claim.search(
            domain, order=sortings[sortby]["order"], limit=self._items_per_page,
            offset=pager["offset"],
        )
        values.update({
            "claims": claims,
            "page_name": "claims",
            "pager": pager,
            "default_url": "/my/claims",
            "searchbar_sortings": sortings,
            "sortby": sortby,
        })
        return values

    # ------------------------------------------------------------------ one claim

    @http.route("/my/claims/<int:claim_id>", type="http", auth="user", website=True)
    def portal_my_claim(self, claim_id, **kw):
        try:
            claim = self._claims_get_claim(claim_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update(self._prepare_claim_page_values(claim, **kw))
        return request.render("claims_base.portal_my_claim", values)

    def _prepare_claim_page_values(self, claim, **kw):
        partner = request.env.user.partner_id
        roles = self._claims_get_roles(claim)
        documents = request.env["claims.document"].search([("claim_id", "=", claim.id)])
        return {
            "claim": claim,
            "page_name": "claim",
            "roles": roles,
            "documents": documents,
            "upload_categories": self._claims_get_upload_categories(claim),
            "injuries": self._claims_get_injuries(claim, roles),
            "upload_error": kw.get("upload_error"),
            "uploaded": kw.get("uploaded"),
            "partner": partner,
            # the portal chatter (portal.message_thread) reads "object"
            "object": claim,
            "disable_composer": False,
        }

    @http.route(
        "/my/claims/<int:claim_id>/documents/<int:document_id>",
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_claim_document(self, claim_id, document_id, **kw):
        """Download one document of a claim."""
        return self._claims_document_response(document_id, "claim_id", claim_id)

    @http.route(
        "/my/claims/<int:claim_id>/upload", type="http", auth="user", methods=["POST"],
        website=True,
    )
    def portal_my_claim_upload(self, claim_id, category_id=None, file=None, **kw):
        """File a document into a category the participant's role sees."""
        try:
            claim = self._claims_get_claim(claim_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        url = f"/my/claims/{claim.id}"
        categories = self._claims_get_upload_categories(claim)
        category = categories.filtered(lambda c: str(c.id) == str(category_id))
        if not category:
            return request.redirect(f"{url}?upload_error=category#documents")
        if not file or not file.filename:
            return request.redirect(f"{url}?upload_error=file#documents")
        data = file.read(MAX_DOCUMENT_BYTES + 1)
        if not data or len(data) > MAX_DOCUMENT_BYTES:
            return request.redirect(f"{url}?upload_error=size#documents")
        claim_sudo = claim.sudo()
        # sudo: portal users cannot create documents; the category was checked above
        try:
            with request.env.cr.savepoint():
                attachment = request.env["ir.attachment"].sudo().create({
                    "name": file.filename, "raw": data, "res_model": "claims.claim",
                    "res_id": 0,
                })
        except UserError:  # an image of too many pixels
            return request.redirect(f"{url}?upload_error=image#documents")
        document = request.env["claims.document"].sudo()._create_from_attachments(
            attachment, category, claim_sudo, published=True
        )
        claim_sudo.message_post(
            body=request.env._(
                "%(partner)s uploaded %(file)s into %(category)s.",
                partner=request.env.user.partner_id.name,
                file=document.name,
                category=category.name,
            ),
            author_id=request.env.user.partner_id.id,
            subtype_xmlid="mail.mt_note",
        )
        return request.redirect(f"{url}?uploaded=1#documents")

    # ------------------------------------------------------------------ incidents

    def _get_incidents_domain(self):
        return Domain("participant_ids.partner_id", "=", request.env.user.partner_id.id)

    @http.route(
        ["/my/incidents", "/my/incidents/page/<int:page>"], type="http", auth="user",
        website=True,
    )
    def portal_my_incidents(self, page=1, **kw):
        values = self._prepare_portal_layout_values()
        Incident = request.env["claims.incident"]
        domain = self._get_incidents_domain()
        pager = portal_pager(
            url="/my/incidents", total=Incident.search_count(domain), page=page,
            step=self._items_per_page,
        )
        values.update({
            "incidents": Incident.search(
                domain, order="date_incident desc, id desc", limit=self._items_per_page,
                offset=pager["offset"],
            ),
            "page_name": "incidents",
            "pager": pager,
            "default_url": "/my/incidents",
        })
        return request.render("claims_base.portal_my_incidents", values)

    @http.route("/my/incidents/<int:incident_id>", type="http", auth="user", website=True)
    def portal_my_incident(self, incident_id, **kw):
        incident = request.env["claims.incident"].browse(incident_id)
        try:
            incident.check_access("read")
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update({
            "incident": incident,
            "page_name": "incident",
            # sudo: portal users do not read fleet vehicles; the incident's read was checked
            "vehicle_sudo": incident.sudo().vehicle_id,
            "documents": request.env["claims.document"].search(
                [("incident_id", "=", incident.id)]
            ),
            # only the claims this user takes part in, not every claim of the incident
            "claims": request.env["claims.claim"].search(
                Domain("incident_id", "=", incident.id) & self._get_claims_domain()
            ),
        })
        return request.render("claims_base.portal_my_incident", values)

    @http.route(
        "/my/incidents/<int:incident_id>/documents/<int:document_id>",
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_incident_document(self, incident_id, document_id, **kw):
        """Download one photo or document of an incident."""
        return self._claims_document_response(document_id, "incident_id", incident_id)

    # ------------------------------------------------------------------ helpers

    def _claims_get_claim(self, claim_id):
        """The claim as the portal user (AccessError or MissingError otherwise)."""
        claim = request.env["claims.claim"].browse(claim_id)
        claim.check_access("read")
        return claim

    def _claims_get_roles(self, claim):
        return request.env["claims.participant"].sudo().search([
            ("claim_id", "=", claim.id),
            ("partner_id", "=", request.env.user.partner_id.id),
        ]).role_id

    def _claims_get_injuries(self, claim, roles):
        """The injury details a participant whose role sees them reads on the claim's page
        (a projection: the fields themselves stay closed to portal users), or None."""
        if not any(roles.mapped("sees_injury_details")):
            return None
        # sudo: injuries are in the health group; the user's role was checked just above
        claim_sudo = claim.sudo()
        incident_sudo = claim_sudo.incident_id
        return {
            "has_injuries": incident_sudo.has_injuries,
            "incident_details": incident_sudo.injury_details or "",
            "claim_details": claim_sudo.injury_details or "",
        }

    def _claims_get_upload_categories(self, claim):
        roles = self._claims_get_roles(claim)
        return request.env["claims.document.category"].sudo().search(
            [("role_ids", "in", roles.ids)]
        ) if roles else request.env["claims.document.category"]

    def _claims_document_response(self, document_id, owner_field, owner_id):
        """The file of a document the portal user may read, filed on that claim or incident."""
        document = request.env["claims.document"].browse(document_id)
        try:
            document.check_access("read")
        except (AccessError, MissingError):
            return request.not_found()
        if document[owner_field].id != owner_id or not document.attachment_id:
            return request.not_found()
        # sudo: the document's read access was checked just above
        stream = request.env["ir.binary"]._get_stream_from(document.sudo().attachment_id)
        return stream.get_response(as_attachment=True)
