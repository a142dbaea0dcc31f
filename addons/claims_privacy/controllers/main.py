# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import content_disposition, request


class ClaimsPrivacyController(http.Controller):
    @http.route("/claims_privacy/export/<int:partner_id>", type="http", auth="user")
    def claims_privacy_export(self, partner_id, **kwargs):
        """The data-subject export of one partner, as a zip (administrators only)."""
        partner = request.env["res.partner"].browse(partner_id)
        try:
            filename, data = partner._claims_privacy_export_zip()
        except AccessError:
            return request.make_response("", status=403)
        except MissingError:
            return request.not_found()
        return request.make_response(data, headers=[
            ("Content-Type", "application/zip"),
            ("Content-Disposition", content_disposition(filename)),
            ("Cache-Control", "no-store"),
        ])
