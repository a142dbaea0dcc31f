# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Contract test: every operation of openapi.json is called on the running server with the
file's own example, and the answers must match the file's schemas and status codes.

Together with the Odoo test TestClaimsApiRoutesDescribed (every route is in the file), the
file and the code cannot drift apart.
"""

import json
from pathlib import Path

import pytest

from ._schema import response_schema, validate
from .conftest import ApiClient

SPEC_FILE = Path(__file__).resolve().parents[2] / "addons/claims_api/controllers/openapi.json"
SPEC = json.loads(SPEC_FILE.read_text())
OPERATIONS = [
    (path, method, operation)
    for path, item in SPEC["paths"].items()
    for method, operation in item.items()
]


def _example(operation):
    body = operation.get("requestBody")
    if not body:
        return None
    content = body["content"]["application/json"]
    validate(content["example"], content["schema"], SPEC, "example")
    return content["example"]


def _ids_for(path, world, client):
    """Record ids for a JSON-2 call on ``path``: records of account A."""
    model = path.split("/")[3]
    if model == "claims.webhook":
        status, ids = client.post("/json/2/claims.webhook/create", {"vals_list": [{
            "name": "Contract", "url": "https://partner.example/hooks", "active": False}]})
        assert status == 200, ids
        return ids
    if model == "claims.claim":
        return [world.a.claim_id]
    raise AssertionError(f"no ids known for {model}")


def _path_values(operation, world, client):
    """Ids for the path parameters: records of account A, made through the API if needed."""
    values = {}
    for parameter in operation.get("parameters", ()):
        if parameter["in"] != "path":
            continue
        if parameter["name"] == "claim_id":
            values["claim_id"] = world.a.claim_id
        elif parameter["name"] == "incident_id":
            status, incident = client.post(
                "/claims/api/v1/incidents", {"incident_type": "vehicle_collision"})
            assert status == 201, incident
            values["incident_id"] = incident["id"]
        else:
            raise AssertionError(f"no value known for path parameter {parameter['name']}")
    return values


def _query(operation):
    return {p["name"]: p["schema"].get("default") for p in operation.get("parameters", ())
            if p["in"] == "query" and p["schema"].get("default") is not None} or None


def test_served_description_is_the_file(odoo_server):
    status, served = ApiClient(odoo_server.url).get("/claims/api/openapi.json")
    assert status == 200
    assert served == SPEC


@pytest.mark.parametrize(("path", "method", "operation"), OPERATIONS,
                         ids=[op["operationId"] for _p, _m, op in OPERATIONS])
def test_operation_answers_as_described(odoo_server, api_world, client_a, client_b,
                                        path, method, operation):
    body = _example(operation)
    values = _path_values(operation, api_world, client_a)
    if body and "ids" in body:
        body = dict(body, ids=_ids_for(path, api_world, client_a))
    url = path.format(**values)
    # The key of account A: a documented success status and body.
    status, data = client_a.call(method.upper(), url, body=body, params=_query(operation))
    assert 200 <= status < 300, (status, data)
    schema = response_schema(operation, status)
    if schema:
        validate(data, schema, SPEC)
    secured = operation.get("security", SPEC["security"])
    if secured:
        # No key: refused, as documented.
        status, data = ApiClient(odoo_server.url).call(method.upper(), url, body=body)
        assert status == 401
        response_schema(operation, status)
    if values or (body and "ids" in body):
        # The key of account B on account A's records: refused, as documented (our routes
        # answer 404 for ids of other companies; JSON-2 answers 403).
        status, data = client_b.call(method.upper(), url, body=body)
        assert status == (404 if values else 403), (status, data)
        validate(data, response_schema(operation, status), SPEC)
