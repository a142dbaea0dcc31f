# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Export of reserve changes to PolicyPort: ``tests/bench/run policyport_reserves``.

A simulator knows 100 claims, bound here to a PolicyPort backend. 1,000 reserve changes (ten
per claim, one create each, as desks make them) are posted with the backend sending "with the
scheduled run"; one run then enqueues a job per change and each job is loaded and performed
in-process (the job runner's work without its HTTP hop). ``changes_per_s`` and
``queries_per_change`` cover both: the user's transaction (ledger line, exchange, body) and the
export. Then the backend is set to "as soon as possible", Odoo serves the database with
queue_job's job runner, and changes are committed one at a time: ``seconds_change_to_sent`` is
the slowest time from a commit to the simulator holding that change (the scheduled cycle it
replaces is 15 minutes).
"""

import statistics
import sys
import time
from pathlib import Path

from odoo import Command

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.bench._harness import measure, perform_pending_jobs  # noqa: E402
from tests.simulators.policyport import PolicyPortSimulator, make_claim  # noqa: E402

CLAIMS = 100
CHANGES_PER_CLAIM = 10
LIVE_CHANGES = 10


def _bound_claims(env, backend, sim):
    """100 PolicyPort claims with their dwelling coverage, insured (Tiva id) and binding."""
    company = env.company
    dwelling = env["claims.coverage.type"].search([("code", "=", "PP_DWELLING")], limit=1)
    insurer = env["res.partner"].create({"name": "Gulf State Mutual", "is_company": True})
    policy = env["claims.policy"].create({
        "name": "HO3-BENCH", "company_id": company.id, "insurer_id": insurer.id,
        "line_of_business": "homeowners", "date_start": "2026-01-01", "date_end": "2026-12-31",
    })
    role = env["claims.participant.role"].search([("code", "=", "insured")], limit=1)
    insureds = env["res.partner"].create([{"name": f"Ines Insured{n}"}
                                          for n in range(1, CLAIMS + 1)])
    claims = env["claims.claim"].create([{
        "company_id": company.id, "policy_id": policy.id, "insurer_id": insurer.id,
        "claimant_id": insured.id, "tiva_claim_id": f"TV-{100000 + n}",
        "date_loss": "2026-10-09",
        "coverage_ids": [Command.create({"coverage_type_id": dwelling.id})],
        "participant_ids": [Command.create({"partner_id": insured.id, "role_id": role.id,
                                            "reference": f"CL-{n}"})],
    } for n, insured in enumerate(insureds, start=1)])
    Binding = env["claims.binding"]
    for claim in claims:
        sim.add_claim(make_claim(int(claim.tiva_claim_id[3:]) - 100000), documents=False)
        Binding._reserve(backend, "claims.claim", claim.tiva_claim_id)._bind_record(claim)
    return claims


def _export_batch(env, backend, claims):
    Line = env["claims.reserve.line"].with_user(backend.user_id)

    def work():
        for round_ in range(CHANGES_PER_CLAIM):
            for claim in claims:
                Line.create({"coverage_id": claim.coverage_ids.id, "amount_change": 100.0,
                             "reason": f"Estimate {round_ + 1}"})
        backend._job_financials()
        perform_pending_jobs(env, "_job_process")

    return measure(env, work)


def _live_latency(env, backend, claims, sim):
    """Seconds from the commit of a change to the simulator holding it, runner on."""
    from tests.conftest import OdooServer  # noqa: PLC0415

    backend.sudo().export_mode = "asap"
    env.cr.commit()
    server = OdooServer(env.cr.dbname, "--load=base,web,queue_job").wait()
    seconds = []
    try:
        Line = env["claims.reserve.line"].with_user(backend.user_id)
        for n in range(LIVE_CHANGES):
            before = len(sim.reserves)
            Line.create({"coverage_id": claims[n].coverage_ids.id, "amount_change": 1.0,
                         "reason": f"Live change {n + 1}"})
            env.cr.commit()
            started = time.perf_counter()
            while len(sim.reserves) == before:
                if time.perf_counter() - started > 900:
                    raise TimeoutError("the change did not reach PolicyPort in 15 minutes")
                time.sleep(0.02)
            seconds.append(time.perf_counter() - started)
    finally:
        server.stop()
    assert not server.errors(), server.errors()
    return seconds


def run(env):
    admin = env.ref("base.user_admin")
    sim = PolicyPortSimulator().start()
    try:
        backend = env["claims.policyport.backend"].create({
            "name": "Benchmark desk", "endpoint": sim.url, "login": "desk", "secret": "s3cret",
            "user_id": admin.id, "company_id": env.company.id, "export_mode": "scheduled",
        })
        claims = _bound_claims(env, backend, sim)
        seconds, queries = _export_batch(env, backend, claims)
        changes = CLAIMS * CHANGES_PER_CLAIM
        sent = len(sim.reserves)
        states = dict(env["claims.exchange"]._read_group(
            [("kind", "=", "reserve")], ["state"], ["__count"]))
        print(f"{changes} reserve changes posted and exported: {seconds:.1f} s, {queries} "
              f"queries; PolicyPort holds {sent}; exchanges by state {states}")
        there = sum(r["amount"] for r in sim.reserves if r["claim"] == "TV-100001")
        print(f"claim TV-100001: changes of {there:.2f} in PolicyPort, "
              f"{claims[0].coverage_ids.amount_reserve:.2f} here")
        latencies = _live_latency(env, backend, claims, sim)
        print("change to sent, runner on (s): "
              + ", ".join(f"{value:.2f}" for value in latencies)
              + f"; median {statistics.median(latencies):.2f}")
    finally:
        sim.stop()
    print(
        f"RESULT changes_per_s={changes / seconds:.1f} queries_per_change={queries / changes:.1f} "
        f"seconds_change_to_sent={max(latencies):.2f}"
    )
