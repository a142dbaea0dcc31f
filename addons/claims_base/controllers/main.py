# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.http import content_disposition, request


class ClaimsPackageController(http.Controller):
    @http.route(
        "/claims/package/<string:access_token>", type="http", auth="public", methods=["GET"],
        readonly=False,
    )
    def claims_package_download(self, access_token, **kwargs):
        """Serve a package's zip to whoever holds its link, until the link expires."""
        package_sudo, error = request.env["claims.package"].sudo()._get_for_download(
            access_token
        )
        if error == "expired":
            return request.make_response(
                request.env._("This download link has expired. Ask the sender for a new one."),
                headers=[("Content-Type", "text/plain; charset=utf-8")],
                status=410,
            )
        if not package_sudo:
            raise request.not_found()
        package_sudo._register_download()
        attachment_sudo = package_sudo.zip_attachment_id
        content = attachment_sudo.raw
        return request.make_response(content, headers=[
            ("Content-Type", "application/zip"),
            ("Content-Length", str(len(content))),
            ("Content-Disposition", content_disposition(attachment_sudo.name)),
            ("Cache-Control", "no-store"),
        ])
