# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Webhooks end to end: a partner subscribes over JSON-2, claim events queue signed
deliveries (outbound exchanges of the subscription), queue_job runs them on the server
(/queue_job/runjob, as its runner does) and a local receiver checks each signature and
timestamp the way the README tells receivers to. Subscriptions reach only public addresses
(the tests allow 127.0.0.1 through the system parameter, and switch it off to check that
nothing reaches a local listener then), follow no redirect, and belong to the partner system
that made them."""

import hashlib
import hmac
import json
import select
import threading
import time
import uuid
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from ._schema import validate
from .conftest import ApiClient
from .test_api_contract import SPEC

REPLAY_WINDOW = 300


def verify(secrets, headers, body, now=None):
    """A receiver's check: (ok, reason). Accepts when one signature matches one secret."""
    timestamp = headers.get("X-Claims-Timestamp", "")
    if not timestamp.isdigit() or abs((now or time.time()) - int(timestamp)) > REPLAY_WINDOW:
        return False, "stale"
    message = timestamp.encode() + b"." + body
    expected = {hmac.new(s.encode(), message, hashlib.sha256).hexdigest() for s in secrets}
    given = [part.strip().removeprefix("v1=")
             for part in headers.get("X-Claims-Signature", "").split(",")]
    if any(hmac.compare_digest(g, e) for g in given for e in expected):
        return True, "ok"
    return False, "bad signature"


class Receiver:
    """A partner's endpoint on 127.0.0.1: verifies, records, and answers as scripted."""

    def __init__(self):
        self.secrets = set()
        # answers for the next requests: 200, 500, 400, ("sleep", s), ("retry_after", 429, s)
        self.script = []
        self.received = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                action = receiver.script.pop(0) if receiver.script else 200
                ok, reason = verify(receiver.secrets, self.headers, body)
                receiver.received.append({"headers": dict(self.headers), "body": body,
                                          "verified": ok, "reason": reason, "action": action})
                headers = {}
                if isinstance(action, tuple) and action[0] == "sleep":
                    time.sleep(action[1])
                    action = 200
                elif isinstance(action, tuple):  # ("retry_after", status, seconds)
                    headers["Retry-After"] = str(action[2])
                    action = action[1]
                status = action if ok else 401
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(reason.encode())

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    server = Receiver()
    yield server
    server.close()


@pytest.fixture
def subscription(client_a, receiver):
    status, ids = client_a.post("/json/2/claims.webhook/create", {"vals_list": [{
        "name": "Broker portal", "url": receiver.url, "timeout": 1}]})
    assert status == 200, ids
    status, [record] = client_a.post("/json/2/claims.webhook/read",
                                     {"ids": ids, "fields": ["secret"]})
    receiver.secrets.add(record["secret"])
    yield ids[0]
    client_a.post("/json/2/claims.webhook/write", {"ids": ids, "vals": {"active": False}})


def _deliveries(odoo_env, webhook_id):
    """The subscription's deliveries, from the exchange log."""
    with odoo_env() as env:
        return [dict(id=e.id, event=e.kind, state=e.state, attempts=e.attempts,
                     error_kind=e.error_kind or "", error=e.error_text or "",
                     summary=e.summary or "", uuid=e.external_id, claim_id=e.res_id,
                     payload=e.payload_attachment_id.raw)
                for e in env["claims.exchange"].search(
                    [("backend_model", "=", "claims.webhook"), ("backend_id", "=", webhook_id)],
                    order="id")]


def _run_job(odoo_env, odoo_server, exchange_id):
    """Do what the queue_job runner does for a due job: enqueue it and call /runjob."""
    with odoo_env() as env:
        job = env["queue.job"].search(
            [("uuid", "=", env["claims.exchange"].browse(exchange_id).job_uuid)])
        assert job, "no job queued for the delivery"
        assert job.channel == "root.claims_webhook"
        env.cr.execute("UPDATE queue_job SET state = 'enqueued' WHERE id = %s", [job.id])
        uuid = job.uuid
    response = requests.get(f"{odoo_server.url}/queue_job/runjob",
                            params={"db": odoo_server.database, "job_uuid": uuid}, timeout=60)
    assert response.status_code == 200
    with odoo_env() as env:
        job = env["queue.job"].search([("uuid", "=", uuid)])
        return {"state": job.state, "retry": job.retry, "eta": job.eta}


def _stage_change(client_a, api_world, odoo_env):
    """The desk moves account A's claim to a new stage (a partner system only reads it)."""
    with odoo_env() as env:
        stage = env["claims.claim.stage"].create({"name": f"Hook {time.time()}", "sequence": 98})
        env["claims.claim"].browse(api_world.a.claim_id).stage_id = stage


def test_stage_change_is_delivered_signed(client_a, api_world, odoo_env, odoo_server,
                                          receiver, subscription):
    _stage_change(client_a, api_world, odoo_env)
    [delivery] = _deliveries(odoo_env, subscription)
    assert (delivery["event"], delivery["state"]) == ("claim.stage_changed", "pending")
    assert delivery["claim_id"] == api_world.a.claim_id
    job = _run_job(odoo_env, odoo_server, delivery["id"])
    assert job["state"] == "done"
    [request] = receiver.received
    assert request["verified"], request["reason"]
    assert request["headers"]["X-Claims-Event"] == "claim.stage_changed"
    assert request["headers"]["X-Claims-Delivery"] == delivery["uuid"]
    payload = json.loads(request["body"])
    validate(payload, {"$ref": "#/components/schemas/WebhookPayload"}, SPEC)
    assert payload["claim"]["id"] == api_world.a.claim_id
    assert payload["change"]["kind"] == "stage_changed"
    assert request["body"] == delivery["payload"], "the exchange keeps the body as sent"
    done = _deliveries(odoo_env, subscription)[0]
    assert (done["state"], done["attempts"], done["summary"]) == ("done", 1, "HTTP 200")
    # A receiver holding another secret, or checking later than the window, refuses it.
    assert verify({"other"}, request["headers"], request["body"]) == (False, "bad signature")
    late = int(request["headers"]["X-Claims-Timestamp"]) + REPLAY_WINDOW + 1
    assert verify(receiver.secrets, request["headers"], request["body"], now=late)[0] is False


def test_delivery_is_retried_after_500_then_timeout_with_backoff(
        client_a, api_world, odoo_env, odoo_server, receiver, subscription, photo):
    receiver.script = [500, ("sleep", 3), 200]
    status, _doc = client_a.post(f"/claims/api/v1/claims/{api_world.a.claim_id}/documents",
                                 dict(photo, category="other"))
    assert status == 201
    [delivery] = _deliveries(odoo_env, subscription)
    assert delivery["event"] == "claim.document_added"
    # 1st attempt: HTTP 500 -> pending again, due in 10 s (retry pattern)
    before = datetime.utcnow()
    job = _run_job(odoo_env, odoo_server, delivery["id"])
    assert (job["state"], job["retry"]) == ("pending", 1)
    assert before + timedelta(seconds=5) < job["eta"] < before + timedelta(seconds=20)
    state = _deliveries(odoo_env, subscription)[0]
    assert (state["state"], state["attempts"]) == ("pending", 1)
    assert state["error"].startswith("HTTP 500"), state
    # 2nd attempt: the receiver takes 3 s, the subscription waits 1 s -> due in 30 s
    before = datetime.utcnow()
    job = _run_job(odoo_env, odoo_server, delivery["id"])
    assert (job["state"], job["retry"]) == ("pending", 2)
    assert before + timedelta(seconds=20) < job["eta"] < before + timedelta(seconds=45)
    state = _deliveries(odoo_env, subscription)[0]
    assert (state["state"], state["attempts"]) == ("pending", 2)
    assert "timed out" in state["error"].lower(), state
    # 3rd attempt: delivered; the same delivery id and body on every attempt, fresh signature
    job = _run_job(odoo_env, odoo_server, delivery["id"])
    assert job["state"] == "done"
    state = _deliveries(odoo_env, subscription)[0]
    assert (state["state"], state["attempts"], state["summary"]) == ("done", 3, "HTTP 200")
    assert len(receiver.received) == 3
    assert all(r["verified"] for r in receiver.received)
    assert len({r["headers"]["X-Claims-Delivery"] for r in receiver.received}) == 1
    assert len({r["body"] for r in receiver.received}) == 1
    assert odoo_server.errors() == []


def test_429_is_retried_after_its_retry_after(client_a, api_world, odoo_env, odoo_server,
                                              receiver, subscription):
    receiver.script = [("retry_after", 429, 120), 200]
    _stage_change(client_a, api_world, odoo_env)
    [delivery] = _deliveries(odoo_env, subscription)
    before = datetime.utcnow()
    job = _run_job(odoo_env, odoo_server, delivery["id"])
    assert (job["state"], job["retry"]) == ("pending", 1)
    assert before + timedelta(seconds=100) < job["eta"] < before + timedelta(seconds=140)
    state = _deliveries(odoo_env, subscription)[0]
    assert (state["state"], state["attempts"]) == ("pending", 1)
    assert _run_job(odoo_env, odoo_server, delivery["id"])["state"] == "done"
    assert _deliveries(odoo_env, subscription)[0]["state"] == "done"


def test_refusal_4xx_fails_delivery_without_retry(client_a, api_world, odoo_env, odoo_server,
                                                  receiver, subscription):
    receiver.script = [410]
    _stage_change(client_a, api_world, odoo_env)
    [delivery] = _deliveries(odoo_env, subscription)
    job = _run_job(odoo_env, odoo_server, delivery["id"])
    assert job["state"] == "done"
    state = _deliveries(odoo_env, subscription)[0]
    assert (state["state"], state["attempts"], state["error_kind"]) == ("error", 1, "http_410")


def test_rotated_secret_signs_with_both_during_grace(client_a, api_world, odoo_env,
                                                     odoo_server, receiver, subscription):
    old = set(receiver.secrets)
    status, rotated = client_a.post("/json/2/claims.webhook/action_rotate_secret",
                                    {"ids": [subscription]})
    assert status == 200, rotated
    assert rotated["secret"] not in old
    # A receiver still on the old secret accepts; one already on the new one too.
    _stage_change(client_a, api_world, odoo_env)
    _run_job(odoo_env, odoo_server, _deliveries(odoo_env, subscription)[-1]["id"])
    request = receiver.received[-1]
    assert request["verified"]
    assert verify({rotated["secret"]}, request["headers"], request["body"])[0]
    assert request["headers"]["X-Claims-Signature"].count("v1=") == 2
    # After the grace period only the new secret signs.
    with odoo_env() as env:
        env["claims.webhook"].browse(subscription).date_secret_previous_end = (
            datetime.utcnow() - timedelta(minutes=1))
    receiver.secrets = {rotated["secret"]}
    _stage_change(client_a, api_world, odoo_env)
    _run_job(odoo_env, odoo_server, _deliveries(odoo_env, subscription)[-1]["id"])
    request = receiver.received[-1]
    assert request["verified"]
    assert request["headers"]["X-Claims-Signature"].count("v1=") == 1
    assert not verify(old, request["headers"], request["body"])[0]


def test_payment_paid_and_claim_created_are_events(client_a, api_world, odoo_env, odoo_server,
                                                   receiver, subscription):
    status, incident = client_a.post("/claims/api/v1/incidents",
                                     {"incident_type": "vehicle_collision"})
    status, opened = client_a.post(f"/claims/api/v1/incidents/{incident['id']}/claims")
    assert status == 200
    with odoo_env() as env:
        claim = env["claims.claim"].browse(api_world.a.claim_id)
        coverage = claim.coverage_ids[:1]
        coverage._add_reserve(500, "hook test")
        payment = env["claims.payment"].create({
            "claim_id": claim.id, "coverage_id": coverage.id, "amount": 100,
            "partner_id": claim.insurer_id.id, "remarks": f"hook {time.time()}"})
        payment.action_request()
        payment.action_approve()
        payment.action_mark_paid()
    events = [d["event"] for d in _deliveries(odoo_env, subscription)]
    assert events == ["claim.created", "payment.paid"]
    for delivery in _deliveries(odoo_env, subscription):
        assert _run_job(odoo_env, odoo_server, delivery["id"])["state"] == "done"
    assert [json.loads(r["body"])["event"] for r in receiver.received] == events
    assert all(r["verified"] for r in receiver.received)


def test_other_account_neither_sees_nor_receives(client_a, client_b, api_world, odoo_env,
                                                 receiver, subscription):
    status, error = client_b.post("/json/2/claims.webhook/read",
                                  {"ids": [subscription], "fields": ["secret"]})
    assert status == 403, error
    status, error = client_b.post("/json/2/claims.webhook/action_rotate_secret",
                                  {"ids": [subscription]})
    assert status == 403, error
    status, ids = client_b.post("/json/2/claims.webhook/search", {"domain": []})
    assert subscription not in ids
    # Nor A's deliveries in the exchange log.
    _stage_change(client_a, api_world, odoo_env)
    a_exchanges = [d["id"] for d in _deliveries(odoo_env, subscription)]
    assert a_exchanges
    status, ids = client_b.post("/json/2/claims.exchange/search", {"domain": []})
    assert status == 200 and not set(a_exchanges) & set(ids)
    status, error = client_b.post("/json/2/claims.exchange/read",
                                  {"ids": a_exchanges, "fields": ["payload"]})
    assert status == 403, error
    # B's own subscription gets no event of A's claims.
    status, [b_hook] = client_b.post("/json/2/claims.webhook/create", {"vals_list": [{
        "name": "B portal", "url": receiver.url}]})
    _stage_change(client_a, api_world, odoo_env)
    assert _deliveries(odoo_env, b_hook) == []
    assert len(_deliveries(odoo_env, subscription)) == 2
    client_b.post("/json/2/claims.webhook/write", {"ids": [b_hook], "vals": {"active": False}})


# ---------------------------------------------------------------------- the address check


class Listener:
    """A host on 127.0.0.1 that records every connection, and answers every request with
    ``status`` and ``headers``. ``close()`` also counts connections not yet accepted."""

    def __init__(self, status=200, headers=None):
        self.connections = []
        self.status, self.headers = status, headers or {}
        listener = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self.send_response(listener.status)
                for name, value in listener.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = do_POST

            def log_message(self, *args):
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def process_request(self, request, client_address):
                listener.connections.append(client_address)
                super().process_request(request, client_address)

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, host="127.0.0.1", path="/hooks"):
        return f"http://{host}:{self.port}{path}"

    def close(self):
        self.server.shutdown()
        while select.select([self.server.socket], [], [], 0.2)[0]:
            connection, address = self.server.socket.accept()
            self.connections.append(address)
            connection.close()
        self.server.server_close()


@pytest.fixture
def listener():
    server = Listener()
    yield server
    if server.server.socket.fileno() != -1:
        server.close()


@pytest.fixture
def private_hosts(odoo_env, odoo_registry):
    """``private_hosts(False)``: webhooks may no longer reach 127.0.0.1 (the server learns it
    from the database's cache signal); allowed again after the test."""

    def set_allowed(allowed):
        with odoo_env() as env:
            env["ir.config_parameter"].set_param(
                "claims_api.webhook_allow_private_hosts", "1" if allowed else False)
        odoo_registry.signal_changes()

    yield set_allowed
    set_allowed(True)


def _partner_system(odoo_env, company_id, tag):
    """Another API user and key in an account: (user id, client factory argument)."""
    with odoo_env() as env:
        user = env["res.users"].create({
            "name": f"Second partner system {tag}", "login": f"api-second-{tag}",
            "company_id": company_id, "company_ids": [(6, 0, [company_id])],
            "group_ids": [(6, 0, [env.ref("claims_api.group_claims_api").id])],
        })
        key = env["res.users.apikeys"].with_user(user).sudo()._generate(
            None, "second partner system", datetime.now() + timedelta(days=1))
    return user.id, key


def test_private_destinations_are_refused_and_reach_nobody(client_a, listener, private_hosts):
    private_hosts(False)
    port = listener.port
    urls = [
        listener.url("127.0.0.1"), listener.url("localhost"), listener.url("127.1"),
        listener.url("2130706433"), listener.url("0x7f.0.0.1"),
        listener.url("[::ffff:127.0.0.1]"), listener.url("[::127.0.0.1]"),
        listener.url("[64:ff9b::127.0.0.1]"), listener.url("[2002:7f00:1::]"),
        f"http://partner.example@127.0.0.1:{port}/hooks",
        f"http://user:secret@localhost:{port}/hooks",
        f"http://partner.example\\@127.0.0.1:{port}/hooks",
        f"http://127.0.0.1:{port}\\@partner.example/hooks",
        f"http://%6c%6f%63%61%6c%68%6f%73%74:{port}/hooks",
        f"http://127.0.0.1:0{port}/hooks",
        f"gopher://127.0.0.1:{port}/_POST",
    ]
    for url in urls:
        status, error = client_a.post("/json/2/claims.webhook/create", {"vals_list": [{
            "name": "Sneaky", "url": url}]})
        assert status == 422, (url, status, error)
        assert "refused" in error["message"].lower(), (url, error)
    listener.close()
    assert listener.connections == []


def test_each_delivery_checks_the_address_again(client_a, api_world, odoo_env, odoo_server,
                                                listener, private_hosts):
    status, ids = client_a.post("/json/2/claims.webhook/create", {"vals_list": [{
        "name": "Was allowed", "url": listener.url("localhost"), "timeout": 1}]})
    assert status == 200, ids
    try:
        private_hosts(False)
        _stage_change(client_a, api_world, odoo_env)
        [delivery] = _deliveries(odoo_env, ids[0])
        _run_job(odoo_env, odoo_server, delivery["id"])
        state = _deliveries(odoo_env, ids[0])[0]
        assert (state["state"], state["attempts"], state["error_kind"]) == (
            "error", 1, "private_address"), state
        assert "not a public address" in state["error"]
        listener.close()
        assert listener.connections == []
    finally:
        client_a.post("/json/2/claims.webhook/write", {"ids": ids, "vals": {"active": False}})


def test_redirect_fails_the_delivery_and_is_not_followed(client_a, api_world, odoo_env,
                                                         odoo_server, listener):
    redirecting = Listener(status=302, headers={"Location": listener.url(path="/stolen")})
    status, ids = client_a.post("/json/2/claims.webhook/create", {"vals_list": [{
        "name": "Moved", "url": redirecting.url(), "timeout": 1}]})
    assert status == 200, ids
    try:
        _stage_change(client_a, api_world, odoo_env)
        [delivery] = _deliveries(odoo_env, ids[0])
        assert _run_job(odoo_env, odoo_server, delivery["id"])["state"] == "done"
        state = _deliveries(odoo_env, ids[0])[0]
        assert (state["state"], state["attempts"], state["error_kind"]) == (
            "error", 1, "http_302"), state
        assert "redirects are not followed" in state["error"]
        redirecting.close()
        listener.close()
        assert len(redirecting.connections) == 1
        assert listener.connections == [], "the redirect target receives nothing"
    finally:
        client_a.post("/json/2/claims.webhook/write", {"ids": ids, "vals": {"active": False}})


def test_partner_system_sees_and_edits_only_its_own_subscriptions(
        client_a, client_b, api_world, odoo_env, odoo_server, subscription):
    """Two partner systems of one account, and one of another account: neither reads,
    changes, rotates nor deletes A's subscription or its secret, whatever the context."""
    _user_id, key = _partner_system(odoo_env, api_world.a.company_id, uuid.uuid4().hex[:6])
    client_a2 = ApiClient(odoo_server.url, key)
    status, [own] = client_a2.post("/json/2/claims.webhook/create", {"vals_list": [{
        "name": "A2 portal", "url": "https://partner.example/a2"}]})
    assert status == 200
    with odoo_env() as env:
        before = env["claims.webhook"].browse(subscription).read(["url", "secret"])[0]
    contexts = [{}, {"active_test": False}, {"allowed_company_ids": [api_world.a.company_id]}]
    for other in (client_a2, client_b):
        status, ids = other.post("/json/2/claims.webhook/search", {"domain": []})
        assert status == 200 and subscription not in ids
        status, rows = other.post("/json/2/claims.webhook/search_read", {
            "domain": [["id", "=", subscription]], "fields": ["secret"]})
        assert status == 200 and rows == []
        for context in contexts:
            calls = [
                ("read", {"ids": [subscription], "fields": ["secret"]}),
                ("read", {"ids": [subscription], "fields": ["name", "url"]}),
                ("write", {"ids": [subscription], "vals": {"url": "https://evil.example/h"}}),
                ("write", {"ids": [subscription], "vals": {"secret": "known"}}),
                ("action_rotate_secret", {"ids": [subscription]}),
                ("unlink", {"ids": [subscription]}),
            ]
            for method, body in calls:
                status, error = other.post(f"/json/2/claims.webhook/{method}",
                                           dict(body, context=context))
                assert status == 403, (method, context, status, error)
    status, rows = client_a2.post("/json/2/claims.webhook/search_read", {
        "domain": [], "fields": ["secret"]})
    assert status == 200 and [row["id"] for row in rows] == [own] and rows[0]["secret"]
    with odoo_env() as env:
        assert env["claims.webhook"].browse(subscription).read(["url", "secret"])[0] == before
    client_a2.post("/json/2/claims.webhook/write", {"ids": [own], "vals": {"active": False}})
