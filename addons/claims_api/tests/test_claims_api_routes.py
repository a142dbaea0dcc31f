# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import re

from odoo.exceptions import AccessError
from odoo.http import _generate_routing_rules
from odoo.service.model import get_public_method
from odoo.tests import BaseCase, TransactionCase
from odoo.tools import file_open


class TestClaimsApiRoutesDescribed(BaseCase):
    """Every partner API route is in openapi.json with its methods (the pytest contract test
    checks the other way: every path of the file answers as described)."""

    def test_every_api_route_is_in_the_openapi_file(self):
        with file_open("claims_api/controllers/openapi.json") as spec_file:
            paths = json.load(spec_file)["paths"]
        routes = {}
        for url, endpoint in _generate_routing_rules(["claims_api"], nodb_only=False):
            if url.startswith("/claims/api"):
                path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", url)
                routes[path] = {m.lower() for m in endpoint.routing["methods"]}
        self.assertTrue(routes)
        for path, methods in routes.items():
            self.assertIn(path, paths, f"route {path} is not in openapi.json")
            self.assertEqual(set(paths[path]), methods, f"methods of {path}")
        described = {path for path in paths if path.startswith("/claims/api")}
        self.assertEqual(described, set(routes), "openapi.json describes routes that do not exist")


class TestClaimsApiPrivate(TransactionCase):
    def test_api_operations_are_not_callable_through_json2(self):
        Api = self.env["claims.api"]
        names = [name for name in dir(type(Api)) if name.startswith("_file_incident")
                 or name in ("_open_claims", "_attach_document", "_post_message",
                             "_claim_status", "_read_changes", "_get_record")]
        self.assertEqual(len(names), 7)
        for name in names:
            with self.assertRaises(AccessError):
                get_public_method(Api, name)
