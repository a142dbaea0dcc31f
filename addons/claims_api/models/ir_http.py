# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import uuid

from psycopg2 import Error as DatabaseError
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from odoo import models
from odoo.exceptions import AccessDenied, AccessError, MissingError, UserError
from odoo.http import SessionExpiredException, request

_logger = logging.getLogger(__name__)

API_PREFIX = "/claims/api/v1"
HTTP_ERROR_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
    429: "too_many_requests",
}


class IrHttp(models.AbstractModel):
    """The partner API answers every error in JSON, never with a traceback.

    The routes map the errors they expect (``controllers/api.py``); this catches what
    escapes them and what happens around them (a malformed body, a bad key, a database error,
    a bug): Odoo's JSON-2 error body would carry the exception's text and its traceback.
    An unexpected error answers 500 with an id that the server log holds with the traceback.
    """

    _inherit = "ir.http"

    @classmethod
    def _match(cls, path_info):
        try:
            return super()._match(path_info)
        except MethodNotAllowed as exception:
            # raised before any route is chosen, so _handle_error never sees it; an
            # HTTPException that carries its response is served as it is
            if not cls._is_claims_api_path(path_info):
                raise
            raise HTTPException(
                response=cls._claims_api_error_response(exception)
            ) from exception

    @classmethod
    def _handle_error(cls, exception):
        if request and cls._is_claims_api_path(request.httprequest.path):
            return cls._claims_api_error_response(exception)
        return super()._handle_error(exception)

    @classmethod
    def _is_claims_api_path(cls, path):
        return path == API_PREFIX or (path or "").startswith(f"{API_PREFIX}/")

    @classmethod
    def _claims_api_error_response(cls, exception):
        """The JSON answer to an error of the partner API: a status, a code and a message
        written here (or a business rule's own message), never the exception's text."""
        headers = None
        if isinstance(exception, HTTPException) and exception.code:
            status = exception.code
            code = HTTP_ERROR_CODES.get(status, "http_error")
            message = {
                400: "The request body is not valid JSON.",
                401: "No or invalid API key.",
            }.get(status, exception.name)
            headers = [
                (name, value) for name, value in exception.get_headers()
                if name.lower() != "content-type"
            ]
        elif isinstance(exception, (AccessDenied, SessionExpiredException)):
            status, code, message = 401, "unauthorized", "No or invalid API key."
        elif isinstance(exception, MissingError):
            status, code, message = 404, "not_found", "Not found."
        elif isinstance(exception, AccessError):
            status, code, message = 403, "forbidden", "Access denied."
        elif isinstance(exception, UserError) and isinstance(exception.__cause__, DatabaseError):
            # Odoo's word for a constraint the database refused: it may quote the database
            status, code = 422, "invalid"
            message = "The request names a record that does not exist or repeats one."
        elif isinstance(exception, UserError):
            status, code, message = 422, "invalid", exception.args[0]
        else:
            error_id = uuid.uuid4().hex
            _logger.error(
                "Partner API error %s on %s %s", error_id, request.httprequest.method,
                request.httprequest.path, exc_info=exception,
            )
            return request.make_json_response({"error": {
                "code": "internal_error",
                "message": f"An unexpected error occurred; quote {error_id} to support.",
                "id": error_id,
            }}, status=500)
        return request.make_json_response(
            {"error": {"code": code, "message": message}}, headers=headers, status=status
        )
