# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Opus allocations through the backend: ``tests/bench/run opus_sync``.

An Opus backend of the database the runner prepares points at the Opus simulator (in this
process, two insurer documents per allocation). For a small list and a large one (20 and 100
allocations; ``CLAIMS_BENCH_ALLOCATIONS`` sets the large one), the backend's poll runs as its
job does (``_job_poll`` as the backend's user, committed): one Chromium session reads the
whole list, opens every allocation, downloads its documents and makes its claim, policy,
policyholder and documents, then reads the KPI targets. A second poll, after 10 new
allocations and 10 status changes, reads the list again, opens only the new ones and moves
the 10 claims. The simulator counts the pages it served (document downloads and sign-in
posts aside); times include the browser's start and the commits.

The goal: under 2 s per allocation, and pages per allocation constant as the list grows.
Prints both sizes and ends with ``RESULT allocations=<n> seconds=<x>
seconds_per_allocation=<x> pages_per_allocation=<x>`` (the large list's first poll).
"""

import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.simulators.opus import OpusSimulator, make_allocation  # noqa: E402

NEW = 10


def _pages(sim):
    return sum(1 for r in sim.requests if r.method == "GET" and "/documents/" not in r.path)


def _poll(env, backend):
    started = time.perf_counter()
    backend.with_user(backend.user_id).with_company(backend.company_id)._job_poll()
    env.cr.commit()
    return time.perf_counter() - started


def measure(env, size):
    with OpusSimulator() as sim:
        for n in range(1, size + 1):
            sim.add_allocation(make_allocation(n))
        company = env["res.company"].create({"name": f"Opus bench {size}"})
        backend = env["claims.opus.backend"].create({
            "name": f"Opus bench {size}", "endpoint": sim.url, "login": sim.login,
            "secret": sim.password, "company_id": company.id,
            "user_id": env.ref("base.user_admin").id,
        })
        env.ref("base.user_admin").company_ids = [(4, company.id)]
        env.cr.commit()
        seconds = _poll(env, backend)
        first = _pages(sim)
        claims = env["claims.claim"].search_count([("opus_backend_id", "=", backend.id)])
        documents = env["claims.document"].search_count(
            [("claim_id.opus_backend_id", "=", backend.id)])
        for n in range(size + 1, size + NEW + 1):
            sim.add_allocation(make_allocation(n))
        for n in range(1, NEW + 1):
            sim.set_status(f"ALC-{100000 + n}", "Scheduled")
        sim.requests.clear()
        again = _poll(env, backend)
        poll = _pages(sim)
        moved = env["claims.claim"].search_count([
            ("opus_backend_id", "=", backend.id), ("opus_status", "=", "Scheduled")])
        total = env["claims.claim"].search_count([("opus_backend_id", "=", backend.id)])
    print(f"{size:4} allocations: first poll {seconds:.1f} s, {first} pages "
          f"({first / size:.3f} per allocation, {seconds / size:.2f} s each), {claims} claims "
          f"and {documents} documents; second poll {again:.1f} s, {poll} pages for {NEW} new "
          f"and {moved} status changes", flush=True)
    assert claims == size and documents == 2 * size and moved == NEW and total == size + NEW
    return {"size": size, "seconds": seconds, "pages": first / size}


def run(env):
    small = measure(env, 20)
    large = measure(env, int(os.environ.get("CLAIMS_BENCH_ALLOCATIONS", "100")))
    print(f"pages per allocation: {small['pages']:.3f} for {small['size']}, "
          f"{large['pages']:.3f} for {large['size']} "
          f"(ratio {large['pages'] / small['pages']:.3f})", flush=True)
    print(f"RESULT allocations={large['size']} seconds={large['seconds']:.1f} "
          f"seconds_per_allocation={large['seconds'] / large['size']:.2f} "
          f"pages_per_allocation={large['pages']:.3f}", flush=True)
