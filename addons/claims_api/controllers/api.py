# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""HTTP routes of the partner API, described in openapi.json beside this file.

Routes are thin: they authenticate the API key (``auth="bearer"``), hand the JSON body to the
private methods of ``claims.api`` running as the key's user, and turn errors into JSON with a
status code. Any error rolls the whole call back (an incident is filed with all its photos or
not at all).
"""

import functools
import json

from werkzeug.exceptions import HTTPException

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request
from odoo.tools import file_open

API = "/claims/api/v1"


def _json_error(status, code, message):
    """Abort the request (rolling its transaction back) with a JSON error body."""
    response = request.make_json_response(
        {"error": {"code": code, "message": message}}, status=status
    )
    raise HTTPException(response=response)


def api_errors(endpoint):
    """Map Odoo errors to 404 (missing or not yours), 403, 422; never a traceback."""

    @functools.wraps(endpoint)
    def wrapper(*args, **kwargs):
        try:
            return endpoint(*args, **kwargs)
        except MissingError as error:
            _json_error(404, "not_found", error.args[0])
        except AccessError as error:
            _json_error(403, "forbidden", error.args[0])
        except UserError as error:
            _json_error(422, "invalid", error.args[0])

    return wrapper


class ClaimsApiController(http.Controller):
    @http.route(f"{API}/incidents", type="json2", auth="bearer", methods=["POST"])
    @api_errors
    def file_incident(self, **payload):
        result = request.env["claims.api"]._file_incident(payload)
        return request.make_json_response(result, status=201)

    @http.route(
        f"{API}/incidents/<int:incident_id>/claims", type="json2", auth="bearer",
        methods=["POST"],
    )
    @api_errors
    def open_claims(self, incident_id):
        return request.env["claims.api"]._open_claims(incident_id)

    @http.route(
        f"{API}/claims/<int:claim_id>", type="json2", auth="bearer", methods=["GET"],
        readonly=True,
    )
    @api_errors
    def claim_status(self, claim_id):
        return request.env["claims.api"]._claim_status(claim_id)

    @http.route(
        f"{API}/claims/<int:claim_id>/documents", type="json2", auth="bearer",
        methods=["POST"],
    )
    @api_errors
    def attach_document(self, claim_id, **payload):
        result = request.env["claims.api"]._attach_document(claim_id, payload)
        return request.make_json_response(result, status=201)

    @http.route(
        f"{API}/claims/<int:claim_id>/messages", type="json2", auth="bearer",
        methods=["POST"],
    )
    @api_errors
    def post_message(self, claim_id, **payload):
        result = request.env["claims.api"]._post_message(claim_id, payload)
        return request.make_json_response(result, status=201)

    @http.route(f"{API}/changes", type="json2", auth="bearer", methods=["GET"], readonly=True)
    @api_errors
    def changes(self):
        args = request.httprequest.args
        return request.env["claims.api"]._read_changes(args.get("after"), args.get("limit"))

    @http.route("/claims/api/openapi.json", type="http", auth="none", methods=["GET"])
    def openapi(self):
        with file_open("claims_api/controllers/openapi.json", "rb") as spec:
            description = json.load(spec)
        return request.make_json_response(description)
