# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The two errors a connector's client raises.

This module imports nothing from Odoo: a connector's ``client.py`` and ``mapping.py`` use it
and are tested without a database. The framework (``claims.exchange``) turns a
``RetryableError`` into a queue_job retry (following the job function's retry pattern, or
``retry_after`` when the remote system said when) and a ``PermanentError`` into an exchange in
error, without retry.
"""


class ConnectorError(Exception):
    """Base of the connector errors.

    :param message: what went wrong, for the exchange log and the people notified
    :param kind: a short stable code grouping errors of one sort (``http_500``,
        ``schema``, ``unknown_coverage``...): notifications go out once per kind per day
    :param payload: the raw message that caused it, if any (kept on the failed exchange)
    """

    default_kind = "error"

    def __init__(self, message, kind=None, payload=None):
        super().__init__(message)
        self.message = message
        self.kind = kind or self.default_kind
        self.payload = payload

    def __str__(self):
        return self.message


class RetryableError(ConnectorError):
    """A failure that may pass by itself: timeout, lost connection, 408, 429, 5xx.

    :param retry_after: seconds the remote system asked us to wait (``Retry-After``), or None
    """

    default_kind = "retryable"

    def __init__(self, message, kind=None, retry_after=None, payload=None):
        super().__init__(message, kind=kind, payload=payload)
        self.retry_after = retry_after


class PermanentError(ConnectorError):
    """A failure that the same request will meet again: 4xx, invalid payload, unknown code."""

    default_kind = "permanent"
