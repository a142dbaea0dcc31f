# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib
import hmac
import secrets
import threading
import time

from odoo import models
from odoo.tools import SQL

from odoo.addons.base.models.res_users import INDEX_SIZE, KEY_CRYPT_CONTEXT

# How long a verified (stored hash, presented key) pair is remembered, and how many.
VERIFIED_TTL = 600
VERIFIED_MAX = 2048


def _verify(key, stored_hash):
    """Odoo's own check of a key against its stored hash (the costly step)."""
    return KEY_CRYPT_CONTEXT.verify(key, stored_hash)


class ResUsersApikeys(models.Model):
    """API keys checked without hashing the key again on every request.

    Odoo stores a PBKDF2-SHA512 hash of each key and verifies the presented key against it on
    every bearer request: about 15 ms of CPU per call, most of a partner API call's cost.
    The key's row is still read from the database on every request (same conditions as Odoo:
    active user, scope, not expired), so revoking a key, deactivating its user or reaching its
    expiry refuses the very next call. What is remembered, per worker process and for
    VERIFIED_TTL seconds, is only the outcome of the hash comparison for one stored hash and
    one presented key, under an HMAC with a random per-process secret: neither the key nor a
    value usable to rebuild it is kept. A failed comparison is never remembered, so guessing
    keys costs as much as before.
    """

    _inherit = "res.users.apikeys"

    _verified = {}
    _verified_lock = threading.Lock()
    _verified_secret = secrets.token_bytes(32)

    def _check_credentials(self, *, scope, key):
        assert scope and key, "scope and key required"
        self.env.cr.execute(SQL(
            """
            SELECT apikey.user_id, apikey.key
              FROM %(table)s AS apikey
              JOIN res_users AS login_user ON login_user.id = apikey.user_id
             WHERE login_user.active
               AND apikey.index = %(index)s
               AND (apikey.scope IS NULL OR apikey.scope = %(scope)s)
               AND (apikey.expiration_date IS NULL
                    OR apikey.expiration_date >= now() AT TIME ZONE 'utc')
            """,
            table=SQL.identifier(self._table), index=key[:INDEX_SIZE], scope=scope,
        ))
        now = time.monotonic()
        for user_id, stored_hash in self.env.cr.fetchall():
            token = hmac.new(
                self._verified_secret, f"{stored_hash}\0{key}".encode(), hashlib.sha256
            ).digest()
            if self._verified.get(token, 0) > now:
                return user_id
            if _verify(key, stored_hash):
                self._remember_verified(token, now)
                return user_id
        return None

    def _remember_verified(self, token, now):
        cls = type(self)
        with cls._verified_lock:
            if len(cls._verified) >= VERIFIED_MAX:
                for stale in [t for t, end in cls._verified.items() if end <= now]:
                    del cls._verified[stale]
                if len(cls._verified) >= VERIFIED_MAX:
                    cls._verified.clear()
            cls._verified[token] = now + VERIFIED_TTL
