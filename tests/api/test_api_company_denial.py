# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A key of one account never sees nor touches another account's claims, through the partner
API routes or through JSON-2."""


def test_other_account_key_gets_not_found_on_every_route(client_a, client_b, api_world, photo,
                                                         odoo_env):
    claim = api_world.a.claim_id
    status, incident = client_a.post("/claims/api/v1/incidents",
                                     {"incident_type": "vehicle_collision"})
    assert status == 201
    with odoo_env() as env:
        documents = env["claims.document"].search_count([])
        messages = env["mail.message"].search_count([("model", "=", "claims.claim")])
    calls = [
        ("GET", f"/claims/api/v1/claims/{claim}", None),
        ("POST", f"/claims/api/v1/claims/{claim}/documents", dict(photo, category="other")),
        ("POST", f"/claims/api/v1/claims/{claim}/messages", {"body": "hello"}),
        ("POST", f"/claims/api/v1/incidents/{incident['id']}/claims", {}),
    ]
    for method, path, body in calls:
        status, error = client_b.call(method, path, body=body)
        assert status == 404, (path, status, error)
        assert error["error"]["code"] == "not_found"
    # Not-found answers look the same for ids that exist elsewhere and ids that never existed.
    assert client_b.get(f"/claims/api/v1/claims/{claim}")[1]["error"]["message"].replace(
        str(claim), "N") == client_b.get("/claims/api/v1/claims/999999999")[1]["error"][
        "message"].replace("999999999", "N")
    with odoo_env() as env:
        assert env["claims.document"].search_count([]) == documents
        assert env["mail.message"].search_count([("model", "=", "claims.claim")]) == messages
        assert not env["claims.incident"].browse(incident["id"]).claim_ids


def test_other_account_key_cannot_file_in_another_account(client_a, api_world):
    status, error = client_a.post("/claims/api/v1/incidents", {
        "incident_type": "theft", "company_id": api_world.b.company_id})
    assert status in (403, 422), error


def test_feed_of_one_account_holds_none_of_the_other(client_a, client_b, api_world, photo):
    status, _doc = client_a.post(f"/claims/api/v1/claims/{api_world.a.claim_id}/documents",
                                 dict(photo, category="other"))
    assert status == 201
    status, feed_a = client_a.get("/claims/api/v1/changes", limit=500)
    status, feed_b = client_b.get("/claims/api/v1/changes", limit=500)
    assert api_world.a.claim_id in {e["claim_id"] for e in feed_a["changes"]}
    companies_b = {e["claim_id"] for e in feed_b["changes"]}
    assert api_world.a.claim_id not in companies_b
    assert api_world.b.claim_id in companies_b


def test_json2_follows_the_same_record_rules(client_b, api_world):
    claim_a, claim_b = api_world.a.claim_id, api_world.b.claim_id
    status, ids = client_b.post("/json/2/claims.claim/search", {"domain": []})
    assert status == 200
    assert claim_b in ids and claim_a not in ids
    status, error = client_b.post("/json/2/claims.claim/read",
                                  {"ids": [claim_a], "fields": ["name"]})
    assert status == 403, error
    status, error = client_b.post("/json/2/claims.claim/write",
                                  {"ids": [claim_a], "vals": {"description": "mine now"}})
    assert status == 403, error
    status, error = client_b.post("/json/2/claims.change/search_read",
                                  {"domain": [("claim_id", "=", claim_a)], "fields": ["kind"]})
    assert (status, error) == (200, [])


def test_json2_refuses_private_methods_and_feed_writes(client_a):
    status, _error = client_a.post("/json/2/claims.api/_claim_status", {"claim_id": 1})
    assert status == 403
    status, _error = client_a.post("/json/2/claims.change/create",
                                   {"vals_list": [{"kind": "claim_created"}]})
    assert status == 403
    status, _error = client_a.post("/json/2/claims.change/_assign_numbers", {})
    assert status == 403
