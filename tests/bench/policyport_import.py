# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Import of PolicyPort claims: ``tests/bench/run policyport_import``.

A simulator serves 1,100 claims (5 coverages, 3 parties, 3 documents each). A batch of 100,
then one of 1,000, go through the whole import as production runs it: the backend's poll is
enqueued and committed, then every pending job (the poll, then one per claim) is performed the
way queue_job's runner has it performed: marked enqueued as the runner does, then acquired,
performed, marked done and committed by queue_job's own controller code
(``RunJobController._acquire_job`` and ``_runjob``), each job in its own cursor, transaction
and fresh environment (only the runner's HTTP hop is left out), one after the other. The
simulator runs in a process of its own, as PolicyPort does. For comparison, the same 1,000
claims with their policies, coverage lines and initial reserves, partners, participants,
documents and attachments are created in one bare batch create in one transaction, committed
(tracking and chatter as our models have them, no exchange, no job, no HTTP, no XML); then
the same bare create, one claim per transaction for 100 claims: what committing each claim on
its own costs, as one job per claim must (``ratio_to_transaction_create``: the import per
claim against it). The simulator also serves its vendor list, which the backend's first run
reads. Times include the commits; queries
are counted over all cursors of the process. Prints the figures and ends with one ``RESULT``
line.

``CLAIMS_BENCH_CLAIMS`` sets the size of the large batch (1000 by default; the goal is stated
for 1000), e.g. 200 for a quick look; ``CLAIMS_BENCH_WORKERS=2`` performs the jobs two at a
time in two threads (the connector channel's documented capacity is 2, in worker processes);
``CLAIMS_BENCH_PROFILE=<file>`` writes a cProfile of the large batch's import to that file.
"""

import contextlib
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from odoo import SUPERUSER_ID, Command, api, sql_db

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.simulators.policyport import make_claim  # noqa: E402
from tests.simulators.policyport.data import make_pdf, render_claim  # noqa: E402


def _measure(env, func):
    """Seconds and queries (over all cursors) of ``func()``, committed."""
    env.cr.commit()
    queries = sql_db.sql_counter
    started = time.perf_counter()
    func()
    env.flush_all()
    env.cr.commit()
    return time.perf_counter() - started, sql_db.sql_counter - queries


def _run_pending_jobs(registry, workers=1):
    """Perform pending jobs as queue_job's runner does, ``workers`` at a time, until none is
    left (a job's own retries included: their ``eta`` is not waited for)."""
    from odoo.addons.queue_job.controllers.main import RunJobController  # noqa: PLC0415
    from odoo.addons.queue_job.job import ENQUEUED, PENDING  # noqa: PLC0415

    def perform(uuid):
        with registry.cursor() as cr:
            # the runner's own connection marks the job enqueued, then calls /runjob
            cr.execute(
                "UPDATE queue_job SET state = %s, date_enqueued = date_trunc('seconds', "
                "now() at time zone 'utc') WHERE uuid = %s", (ENQUEUED, uuid))
            cr.commit()
            env = api.Environment(cr, SUPERUSER_ID, {})
            job = RunJobController._acquire_job(env, uuid)
            if job:
                RunJobController._runjob(env, job)
                return 1
        return 0

    performed = 0
    with ThreadPoolExecutor(max_workers=workers) as pool:
        # one worker: in this thread (where a profiler may be watching)
        run_all = pool.map if workers > 1 else map
        while True:
            with registry.cursor() as cr:
                cr.execute("SELECT uuid FROM queue_job WHERE state = %s ORDER BY id", (PENDING,))
                uuids = [uuid for (uuid,) in cr.fetchall()]
            if not uuids:
                return performed
            performed += sum(run_all(perform, uuids))


@contextlib.contextmanager
def _simulator(first, count):
    """PolicyPort serving claims ``first`` to ``first + count - 1``, in a process of its own
    (as the real one is: its work is not this process's). Yields its address and, once
    stopped, ``served`` holds how many requests it answered."""
    process = subprocess.Popen(
        [sys.executable, "-c", "from tests.simulators.policyport.server import main; main()",
         "--port", "0",
         "--first", str(first), "--claims", str(count)],
        cwd=REPO, stdout=subprocess.PIPE, text=True)
    stats = {}
    try:
        line = process.stdout.readline()
        if not line.startswith("PolicyPort simulator on "):
            raise RuntimeError(f"the simulator did not start: {line!r}")
        yield line.split()[3].removesuffix("/api/v1"), stats
    finally:
        process.send_signal(signal.SIGINT)
        out, _err = process.communicate(timeout=30)
        stats["served"] = int(out.split()[1]) if out.startswith("served") else None


def _import_batch(env, backend, numbers, workers):
    with _simulator(numbers[0], len(numbers)) as (url, stats):
        backend.sudo().write({"endpoint": url, "date_last_success": "2026-11-20 08:00:00",
                              "date_last_poll": False})
        result = _run_batch(env, backend, numbers, workers)
    return (*result, stats["served"])


def _run_batch(env, backend, numbers, workers):
    registry = env.registry

    def work():
        with registry.cursor() as cr:
            backend.with_env(backend.env(cr=cr))._enqueue_poll()
        _run_pending_jobs(registry, workers)

    profile_to = os.environ.get("CLAIMS_BENCH_PROFILE")
    if profile_to and len(numbers) != 100:
        import cProfile  # noqa: PLC0415

        profiler = cProfile.Profile()
        seconds, queries = _measure(env, lambda: profiler.runcall(work))
        profiler.dump_stats(profile_to)
    else:
        seconds, queries = _measure(env, work)
    env.invalidate_all()
    done = env["claims.claim"].search_count([("tiva_claim_id", "!=", False)])
    return seconds, queries, done


def _bare_create(env, numbers):
    """The same records in batches, straight through the ORM."""
    from odoo.addons.claims_policyport import client, mapping  # noqa: PLC0415

    datas = [mapping.parse_claim(client.parse_xml(render_claim(make_claim(n)), "Claim"))
             for n in numbers]
    importer = env["claims.policyport.importer"]
    company = env.company
    lookups = importer._lookups(company)
    pdf = make_pdf("document")

    def work():
        partner_values = []
        for data in datas:
            partner_values.append(importer._partner_values(lookups, data["insured"]))
            partner_values.append(importer._partner_values(lookups, data["agent"]))
            partner_values.append(importer._partner_values(lookups, data["mortgagee"]))
            for party in data["parties"][1:]:
                partner_values.append(importer._partner_values(lookups, party["partner"]))
        partners = env["res.partner"].create(partner_values)
        per_claim = len(partners) // len(datas)
        policies = env["claims.policy"].create([{
            **{k: v for k, v in data["policy"].items()},
            "name": f"BARE-{data['policy']['name']}", "company_id": company.id,
            "line_of_business": "homeowners",
            "policyholder_id": partners[i * per_claim].id,
            "coverage_ids": [Command.create({
                "coverage_type_id": importer._coverage_type_id(lookups, c),
                "amount_limit": c["amount"], "deductible_amount": c["deductible"]})
                for c in data["coverages"]],
        } for i, data in enumerate(datas)])
        roles = ["insured", "agent", "mortgagee", "other", "vendor"]
        claims = env["claims.claim"].create([{
            **data["claim"],
            "tiva_claim_id": f"BARE-{data['tiva_claim_id']}",
            "company_id": company.id,
            "policy_id": policies[i].id,
            "claimant_id": partners[i * per_claim].id,
            "coverage_ids": [Command.create({
                "sequence": index, "coverage_type_id": importer._coverage_type_id(lookups, c),
                "amount_limit": c["limit"], "deductible_amount": c["deductible"],
                "reserve_line_ids": [Command.create({
                    "amount_change": c["reserve"], "reason": "Initial reserve",
                })] if c["reserve"] else [],
            }) for index, c in enumerate(data["coverages"])],
            "participant_ids": [Command.create({
                "partner_id": partners[i * per_claim + j].id,
                "role_id": lookups["roles"][roles[j]]}) for j in range(per_claim)],
        } for i, data in enumerate(datas)])
        files = [(claim, name, content)
                 for claim, data in zip(claims, datas, strict=True)
                 for name, content in ((d["name"], pdf) for d in data["documents"])]
        files += [(claim, *mapping.text_document(data, b"<Claim/>"))
                  for claim, data in zip(claims, datas, strict=True)]
        attachments = env["ir.attachment"].create([
            {"name": name, "raw": content, "res_model": "claims.document", "res_id": 0}
            for _claim, name, content in files])
        env["claims.document"].create([{
            "name": name, "claim_id": claim.id, "attachment_id": attachment.id,
            "category_id": lookups["categories"]["other"],
        } for (claim, name, _content), attachment in zip(files, attachments, strict=True)])

    return _measure(env, work)


def run(env):
    size = int(os.environ.get("CLAIMS_BENCH_CLAIMS") or 1000)
    # cProfile follows one thread: a profiled run performs its jobs one at a time
    workers = 1 if os.environ.get("CLAIMS_BENCH_PROFILE") else int(
        os.environ.get("CLAIMS_BENCH_WORKERS") or 1)
    print(f"jobs performed {workers} at a time")
    admin = env.ref("base.user_admin")
    backend = env["claims.policyport.backend"].create({
        "name": "Benchmark desk", "endpoint": "http://127.0.0.1:9", "login": "desk",
        "secret": "s3cret", "user_id": admin.id, "company_id": env.company.id,
    }).with_user(admin)
    seconds_100, queries_100, done, _served = _import_batch(env, backend, range(1, 101), workers)
    print(f"batch of 100: {seconds_100:.1f} s, {queries_100} queries, {done} claims")
    seconds, queries, done, served = _import_batch(env, backend, range(101, 101 + size), workers)
    print(f"batch of {size}: {seconds:.1f} s, {queries} queries, {done} claims in all")
    bare_seconds, bare_queries = _bare_create(env, range(2001, 2001 + size))
    print(f"bare batch create of {size}: {bare_seconds:.1f} s, {bare_queries} queries")
    # What one transaction per claim costs by itself: the same bare create, claim by claim
    one_by_one = [_bare_create(env, [n]) for n in range(4001, 4101)]
    one_seconds = sum(seconds for seconds, _queries in one_by_one) / 100
    print(f"bare create one claim per transaction (100 claims): {one_seconds * 1000:.0f} ms and "
          f"{sum(q for _s, q in one_by_one) / 100:.1f} queries per claim, "
          f"{one_seconds * size / bare_seconds:.2f} times the batch create per claim; the import: "
          f"{seconds / size * 1000:.0f} ms per claim, {seconds / size / one_seconds:.2f} times it")
    imported = done - 100
    print(f"imported {imported} of {size}; HTTP requests served: {served}")
    print(
        f"RESULT claims_per_s={size / seconds:.1f} queries_per_claim={queries / size:.1f} "
        f"queries_per_claim_100={queries_100 / 100:.1f} "
        f"ratio_to_bare_create={seconds / bare_seconds:.2f} "
        f"ratio_to_transaction_create={seconds / size / one_seconds:.2f}"
    )
