# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The HTTP side of outbound webhooks: signing, one POST, and what its answer means.

Plain Python (no ORM), as a connector's ``client.py``: ``claims.webhook`` builds the body and
stores the exchange; this module signs and sends it, and turns failures into the framework's
errors: ``RetryableError`` for a timeout, a lost connection, 408, 425, 429 or 5xx (with the
delay of the backoff schedule, or the receiver's ``Retry-After``), ``PermanentError`` for any
other 4xx or 3xx.
"""

import hashlib
import hmac
import time

import requests

from .exceptions import PermanentError, RetryableError

# Answers worth another try besides 5xx.
RETRYABLE_STATUSES = {408, 425, 429}
# Seconds to wait after the nth failed attempt; the last one repeats (about 6 h for 10).
BACKOFF = (10, 30, 60, 300, 900, 3600)
MAX_ATTEMPTS = 10
# Longest Retry-After honoured, in seconds; a longer one waits this long.
MAX_RETRY_AFTER = 3600
USER_AGENT = "claims-suite-webhooks/1"


def sign(secret, timestamp, body):
    """HMAC-SHA256 hex digest of ``<timestamp>.<body>`` (body as sent, bytes)."""
    message = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signature_header(secrets, timestamp, body):
    """``v1=<hex>[,v1=<hex>...]``: one signature per secret, current secret first."""
    return ",".join(f"v1={sign(secret, timestamp, body)}" for secret in secrets if secret)


def backoff(attempt):
    """Seconds before the next try after failed attempt number ``attempt`` (1-based)."""
    return BACKOFF[min(max(attempt, 1), len(BACKOFF)) - 1]


def _retry_after(response):
    value = (response.headers.get("Retry-After") or "").strip()
    if not value.isdigit():
        return None
    return min(int(value), MAX_RETRY_AFTER)


def deliver(url, body, event, delivery_id, secrets, timeout, attempt, now=None):
    """POST one signed delivery; return the HTTP status of a 2xx answer.

    :param body: the JSON body, bytes, the same on every attempt
    :param secrets: the secrets to sign with (current, then previous in its grace period)
    :param attempt: the number of this attempt, for the backoff of a retry
    :raises RetryableError: timeout, connection error, 408/425/429, 5xx
    :raises PermanentError: any other answer that is not 2xx
    """
    timestamp = int(now or time.time())
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "X-Claims-Event": event,
        "X-Claims-Delivery": delivery_id,
        "X-Claims-Timestamp": str(timestamp),
        "X-Claims-Signature": signature_header(secrets, timestamp, body),
    }
    try:
        response = requests.post(
            url, data=body, headers=headers, timeout=timeout, allow_redirects=False
        )
    except requests.Timeout as error:
        raise RetryableError(
            f"No answer within {timeout} s (timed out): {error}", kind="timeout",
            retry_after=backoff(attempt),
        ) from error
    except requests.RequestException as error:
        raise RetryableError(
            f"Connection failed: {error}", kind="connection", retry_after=backoff(attempt)
        ) from error
    status = response.status_code
    if 200 <= status < 300:
        return status
    message = f"HTTP {status}: {response.text[:500]}"
    if status >= 500 or status in RETRYABLE_STATUSES:
        raise RetryableError(
            message, kind=f"http_{status}",
            retry_after=_retry_after(response) or backoff(attempt),
        )
    raise PermanentError(message, kind=f"http_{status}")
