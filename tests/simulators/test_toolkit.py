# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The simulator toolkit on its own: routes, request log and each kind of fault."""

import http.client
import time

import pytest
import requests

from tests.simulators.toolkit import Response, Simulator, route


class EchoSimulator(Simulator):
    @route("GET", r"/items/(?P<item>\w+)")
    def get_item(self, request):
        return Response(200, f"<item id='{request.params['item']}'>{request.arg('q', '')}</item>")

    @route("POST", r"/items")
    def post_item(self, request):
        seen_key = request.headers.get("idempotency-key", "")
        return Response(201, request.body, {"X-Seen-Key": seen_key})


@pytest.fixture
def sim():
    with EchoSimulator() as simulator:
        yield simulator


def test_serves_routes_on_a_free_loopback_port(sim):
    assert sim.url.startswith("http://127.0.0.1:") and sim.port > 0
    answer = requests.get(f"{sim.url}/items/A1?q=hello", timeout=5)
    assert answer.status_code == 200
    assert answer.text == "<item id='A1'>hello</item>"


def test_logs_requests_with_headers_and_body(sim):
    answer = requests.post(f"{sim.url}/items", data=b"<x/>", headers={"Idempotency-Key": "k1"},
                           timeout=5)
    assert answer.status_code == 201 and answer.headers["X-Seen-Key"] == "k1"
    assert (sim.requests[-1].method, sim.requests[-1].body) == ("POST", b"<x/>")


def test_unknown_path_is_a_404_with_an_error_body(sim):
    answer = requests.get(f"{sim.url}/nothing", timeout=5)
    assert answer.status_code == 404 and "<error>" in answer.text


def test_status_fault_with_retry_after_is_consumed(sim):
    sim.add_fault("status", status=429, retry_after=3, times=2, path=r"^/items")
    first = requests.get(f"{sim.url}/items/A", timeout=5)
    second = requests.get(f"{sim.url}/items/A", timeout=5)
    third = requests.get(f"{sim.url}/items/A", timeout=5)
    assert [first.status_code, second.status_code, third.status_code] == [429, 429, 200]
    assert first.headers["Retry-After"] == "3"


def test_fault_matches_method_and_path_only(sim):
    sim.add_fault("status", status=500, method="POST")
    assert requests.get(f"{sim.url}/items/A", timeout=5).status_code == 200
    assert requests.post(f"{sim.url}/items", data=b"x", timeout=5).status_code == 500


def test_delay_fault_makes_a_client_time_out(sim):
    sim.add_fault("delay", seconds=1.0)
    started = time.monotonic()
    with pytest.raises(requests.Timeout):
        requests.get(f"{sim.url}/items/A", timeout=0.3)
    assert time.monotonic() - started < 1.0
    assert requests.get(f"{sim.url}/items/A", timeout=5).status_code == 200


def test_stall_fault_does_the_work_then_answers_too_late(sim):
    sim.add_fault("stall", seconds=1.0, method="POST")
    with pytest.raises(requests.Timeout):
        requests.post(f"{sim.url}/items", data=b"<x/>", timeout=0.3)
    assert sim.requests[-1].body == b"<x/>", "the request reached the handler"
    assert requests.post(f"{sim.url}/items", data=b"<y/>", timeout=5).status_code == 201


def test_drop_fault_closes_the_connection_without_answer(sim):
    sim.add_fault("drop")
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{sim.url}/items/A", timeout=5)


def test_malformed_fault_cuts_the_body(sim):
    sim.add_fault("malformed")
    connection = http.client.HTTPConnection("127.0.0.1", sim.port, timeout=5)
    connection.request("GET", "/items/LONGID")
    body = connection.getresponse().read()
    assert body == b"<item id='LONGID'>"[:len(b"<item id='LONGID'></item>") // 2]


def test_oversized_fault_pads_the_body_and_sends_no_length(sim):
    sim.add_fault("oversized", size=200_000)
    answer = requests.get(f"{sim.url}/items/A", timeout=5)
    assert answer.status_code == 200 and "Content-Length" not in answer.headers
    assert answer.content == b"<item id='A'></item>" + b" " * 200_000
    assert requests.get(f"{sim.url}/items/A", timeout=5).text == "<item id='A'></item>"


def test_unknown_fault_kind_is_refused(sim):
    with pytest.raises(ValueError):
        sim.add_fault("explode")


def test_stop_frees_the_port():
    simulator = EchoSimulator().start()
    url = simulator.url
    simulator.stop()
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{url}/items/A", timeout=2)
