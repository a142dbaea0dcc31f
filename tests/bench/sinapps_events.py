# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Sinapps events: ``tests/bench/run sinapps_events``.

A Sinapps simulator, in a process of its own, holds missions for the platform, each with ten
events: the mission (and its six shared attachments), four step changes, four attachments added
later and the works planned. A batch of 100 events, then one of 1,000, go through the whole
work as production runs it: the backend's poll is enqueued and committed, then every pending
job (the poll, then one per event) is loaded, performed, marked done and committed, one after
the other, each in its own transaction. Times include the commits; queries are counted over all
cursors of the process. The queries per event of both batches show the cost of an event does
not grow with the batch. Ends with one ``RESULT`` line.

``CLAIMS_BENCH_EVENTS`` sets the size of the large batch (1000 by default), e.g. 200 for a
quick look.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from odoo import SUPERUSER_ID, api, sql_db

REPO = Path(__file__).resolve().parents[2]
EVENTS_PER_MISSION = 10
SIMULATOR = """
import sys
from tests.simulators.sinapps import SinappsSimulator, data
from tests.simulators.toolkit import wait_until_stopped
first, count = int(sys.argv[1]), int(sys.argv[2])
sim = SinappsSimulator(port=0)
for n in range(first, first + count):
    mission_id = sim.add_mission(data.make_mission(n))
    sim.add_shared_attachment(mission_id, "Photo", f"photo-{n}-1.png")
    sim.set_step(mission_id, "RendezVousChiffragePris")
    sim.add_shared_attachment(mission_id, "ProcesVerbalFinDeTravaux", f"pv-{n}.pdf")
    sim.set_step(mission_id, "ChiffrageEnAttenteDeValidation")
    sim.set_step(mission_id, "ChiffrageValide")
    sim.add_shared_attachment(mission_id, "AttestationTVA", f"tva-{n}.pdf")
    sim.set_step(mission_id, "TravauxPlanifies")
    sim.add_shared_attachment(mission_id, "Photo", f"photo-{n}-2.png")
    sim.set_step(mission_id, "FactureTravauxDeposee")
sim.start()
print(f"Sinapps simulator on {sim.url} with {len(sim.events)} events", flush=True)
wait_until_stopped()
sim.stop()
print(f"served {len(sim.requests)} requests", flush=True)
"""


def _perform_pending_jobs(registry):
    """Perform pending jobs one at a time, each in its own transaction, until none is left."""
    from odoo.addons.queue_job.job import PENDING, Job  # noqa: PLC0415

    performed = 0
    while True:
        with registry.cursor() as cr:
            cr.execute("SELECT uuid FROM queue_job WHERE state = %s ORDER BY id", (PENDING,))
            uuids = [uuid for (uuid,) in cr.fetchall()]
        if not uuids:
            return performed
        for uuid in uuids:
            with registry.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                job = Job.load(env, uuid)
                job.set_started()
                job.store()
                cr.commit()
                job.perform()
                job.set_done()
                job.store()
                cr.commit()
                performed += 1


def _batch(env, first, missions):
    """One simulator and one backend (its own event ids and cursor) per batch."""
    backend = env["claims.sinapps.backend"].create({
        "name": f"Bench {first}", "endpoint": "http://127.0.0.1:1", "login": "centre",
        "secret": "s3cret", "user_id": env.ref("base.user_admin").id, "max_events": 90})
    process = subprocess.Popen(
        [sys.executable, "-c", SIMULATOR, str(first), str(missions)], cwd=REPO,
        stdout=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        if not line.startswith("Sinapps simulator on "):
            raise RuntimeError(f"the simulator did not start: {line!r}")
        url, events = line.split()[3], int(line.split()[5])
        backend.write({"endpoint": url, "cursor": "0"})
        env.cr.commit()
        registry = env.registry
        queries, started = sql_db.sql_counter, time.perf_counter()
        with registry.cursor() as cr:
            backend.with_env(backend.env(cr=cr))._enqueue_poll()
        _perform_pending_jobs(registry)
        seconds, queries = time.perf_counter() - started, sql_db.sql_counter - queries
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=30)
    env.invalidate_all()
    return backend, events, seconds, queries


def run(env):
    size = int(os.environ.get("CLAIMS_BENCH_EVENTS", "1000"))
    _backend, *small = _batch(env, 1, 100 // EVENTS_PER_MISSION)
    backend, *large = _batch(env, 1001, size // EVENTS_PER_MISSION)
    claims = env["claims.claim"].search_count([("sinapps_backend_id", "=", backend.id)])
    steps = env["claims.sinapps.step"].search_count([("claim_id.sinapps_backend_id", "=",
                                                      backend.id)])
    failed = env["claims.exchange"].search_count([
        ("backend_model", "=", backend._name), ("backend_id", "=", backend.id),
        ("state", "!=", "done")])
    for label, (events, seconds, queries) in (("100", small), (str(size), large)):
        print(f"{label} events: {seconds:.1f} s, {events / seconds:.1f} events/s, "
              f"{queries / events:.1f} queries per event")
    print(f"claims {claims}, steps {steps}, exchanges not done {failed}")
    events, seconds, queries = large
    print(f"RESULT events={events} events_per_s={events / seconds:.1f} "
          f"queries_per_event={queries / events:.1f} "
          f"queries_per_event_100={small[2] / small[0]:.1f}")
