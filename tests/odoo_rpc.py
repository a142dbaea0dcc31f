# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The web client's own JSON-RPC, as a logged-in user of a running server."""

import requests


class OdooRpcError(RuntimeError):
    """The server answered a call with an error; the message is the user's."""


class OdooRpc:
    """``rpc(model, method, *args, **kwargs)`` through /web/dataset/call_kw.

    ``session`` is the logged-in ``requests`` session, for pages and downloads.
    """

    def __init__(self, url, database, login="admin", password="admin", timeout=600):
        self.url = url
        self.database = database
        self.timeout = timeout
        self.session = requests.Session()
        self.uid = self._post("/web/session/authenticate", {
            "db": database, "login": login, "password": password})["uid"]

    def _post(self, path, params):
        response = self.session.post(
            f"{self.url}{path}", json={"jsonrpc": "2.0", "method": "call", "params": params},
            timeout=self.timeout)
        response.raise_for_status()
        payload = response.json()
        if payload.get("error"):
            raise OdooRpcError(payload["error"]["data"]["message"])
        return payload["result"]

    def __call__(self, model, method, *args, **kwargs):
        return self._post(f"/web/dataset/call_kw/{model}/{method}", {
            "model": model, "method": method, "args": list(args), "kwargs": kwargs})

    def ref(self, xmlid):
        """The database id of ``module.name``."""
        return self("ir.model.data", "check_object_reference", *xmlid.split("."))[1]
