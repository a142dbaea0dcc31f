# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A partner system files an incident with photos, opens its claims, adds a document, posts a
message and reads the claim's status, over HTTP with its API key."""

import base64

from .conftest import PNG


def test_partner_files_incident_and_works_the_claim(client_a, api_world, photo, odoo_env):
    # STEP 1: incident with two photos, one call
    status, incident = client_a.post("/claims/api/v1/incidents", {
        "incident_type": "vehicle_collision", "date_incident": "2026-03-02T08:15:00Z",
        "description": "Rear-ended at a red light", "latitude": 51.05, "longitude": 3.72,
        "photos": [photo, dict(photo, name="side.png")],
    })
    assert status == 201, incident
    assert incident["company_id"] == api_world.a.company_id
    assert sorted((d["name"], d["category"], d["mimetype"]) for d in incident["documents"]) == [
        ("damage.png", "photo", "image/png"), ("side.png", "photo", "image/png")]
    assert incident["claims"] == []
    # STEP 2: open the claims of the incident rules; a second call opens nothing new
    status, opened = client_a.post(f"/claims/api/v1/incidents/{incident['id']}/claims")
    assert status == 200, opened
    assert opened["state"] == "claims_opened"
    assert len(opened["claims"]) == 1
    claim_id = opened["claims"][0]["id"]
    status, again = client_a.post(f"/claims/api/v1/incidents/{incident['id']}/claims")
    assert [c["id"] for c in again["claims"]] == [claim_id]
    # STEP 3: a document in a category
    status, document = client_a.post(f"/claims/api/v1/claims/{claim_id}/documents", {
        "category": "police_report", "name": "pv.png",
        "data": base64.b64encode(PNG).decode(), "published": True,
    })
    assert status == 201, document
    assert (document["category"], document["published"], document["size"]) == (
        "police_report", True, len(PNG))
    # STEP 4: a note on the chatter
    status, message = client_a.post(f"/claims/api/v1/claims/{claim_id}/messages",
                                    {"body": "Parts <b>arrive</b> Monday."})
    assert status == 201, message
    # STEP 5: the status shows all of it
    status, claim = client_a.get(f"/claims/api/v1/claims/{claim_id}")
    assert status == 200, claim
    assert claim["incident_id"] == incident["id"]
    assert claim["dates"]["loss"] == "2026-03-02"
    assert claim["file_status"] == "open_unassigned"
    assert claim["totals"]["reserve"] == 0
    assert [d["name"] for d in claim["documents"]] == ["pv.png"]
    with odoo_env() as env:
        posted = env["mail.message"].browse(message["id"])
        assert posted.model == "claims.claim" and posted.res_id == claim_id
        assert "&lt;b&gt;arrive" in posted.body  # plain text, escaped
        assert posted.author_id == env["res.users"].browse(api_world.a.user_id).partner_id
        photos = env["claims.incident"].browse(incident["id"]).document_ids
        assert sorted(photos.mapped("attachment_id.raw")) == [PNG, PNG]


def test_bad_input_is_refused_and_nothing_is_filed(client_a, odoo_env, photo):
    with odoo_env() as env:
        before = env["claims.incident"].search_count([])
    status, error = client_a.post("/claims/api/v1/incidents", {
        "incident_type": "vehicle_collision", "photos": [photo, {"name": "x", "data": "%%%"}],
    })
    assert status == 422
    assert error["error"]["code"] == "invalid"
    status, error = client_a.post("/claims/api/v1/incidents", {"description": "no type"})
    assert status == 422
    status, error = client_a.post("/claims/api/v1/incidents", {"incident_type": "flood"})
    assert status == 422
    with odoo_env() as env:
        assert env["claims.incident"].search_count([]) == before


def test_unknown_category_and_empty_message_are_refused(client_a, api_world, photo):
    claim = api_world.a.claim_id
    status, error = client_a.post(f"/claims/api/v1/claims/{claim}/documents",
                                  dict(photo, category="nonsense"))
    assert status == 422, error
    status, error = client_a.post(f"/claims/api/v1/claims/{claim}/messages", {"body": "  "})
    assert status == 422, error


def test_invalid_key_is_refused(odoo_server):
    from .conftest import ApiClient  # noqa: PLC0415

    status, _error = ApiClient(odoo_server.url, "0" * 40).get("/claims/api/v1/changes")
    assert status == 401


def test_status_lists_coverages_with_their_money(client_a, api_world, odoo_env):
    with odoo_env() as env:
        coverage = env["claims.claim"].browse(api_world.a.claim_id).coverage_ids
        coverage.amount_limit = 5000
        coverage._add_reserve(1200, "first estimate")
    status, claim = client_a.get(f"/claims/api/v1/claims/{api_world.a.claim_id}")
    assert status == 200
    assert claim["totals"]["reserve"] == 1200
    assert claim["totals"]["outstanding"] == 1200
    assert [(c["limit"], c["reserve"]) for c in claim["coverages"]] == [(5000, 1200)]
