# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Partner API under load: 200 incidents, each with one photo (a real JPEG), filed over HTTP
by 10 concurrent clients against Odoo running with 4 workers.

Prints ``RESULT p50_ms=<x> p95_ms=<x> per_s=<x>`` (latency of one POST /claims/api/v1/incidents
and incidents filed per second over the whole run). Goal: p95 under 300 ms.
"""

import base64
import io
import os
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path

import psutil  # an Odoo requirement
import requests
from PIL import Image  # an Odoo requirement

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.conftest import OdooServer  # noqa: E402

INCIDENTS = 200
CLIENTS = 10
WARMUP = 20
EXIF_ORIENTATION = 0x0112


def _setup(env):
    """An API user of the main company and its key (committed so the server sees them)."""
    user = env["res.users"].create({
        "name": "Benchmark partner system",
        "login": f"bench-api-{int(time.time())}",
        "group_ids": [(6, 0, [env.ref("claims_api.group_claims_api").id])],
    })
    key = env["res.users.apikeys"].with_user(user).sudo()._generate(
        None, "benchmark", datetime.now() + timedelta(days=1))
    env.cr.commit()
    return key


def _cpu_seconds(pid):
    """User + system CPU of a process and its children (the Odoo workers)."""
    parent = psutil.Process(pid)
    total = 0.0
    for process in [parent, *parent.children(recursive=True)]:
        try:
            times = process.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


def _photos(count):
    """``count`` different JPEG photos of 1600 x 1200 (about 60 KB): a phone photo scaled
    down for upload, taken upright (EXIF orientation 6, as phones write it).

    One picture, made distinct by a JPEG comment segment: identical files written at the same
    moment trip Odoo's filestore collision check (its content is compared while another
    worker still writes it).
    """
    base = Image.linear_gradient("L").resize((1600, 1200)).convert("RGB")
    picture = Image.blend(base, Image.effect_noise((1600, 1200), 24).convert("RGB"), 0.08)
    exif = Image.Exif()
    exif[EXIF_ORIENTATION] = 6
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=65, exif=exif.tobytes())
    jpeg = buffer.getvalue()
    photos = []
    for index in range(count):
        comment = f"benchmark photo {index} {os.urandom(8).hex()}".encode()
        segment = b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment
        photos.append(base64.b64encode(jpeg[:2] + segment + jpeg[2:]).decode())
    return photos


def _postgres_pid():
    """The PostgreSQL server process on PGPORT, when it runs on this machine, else None."""
    port = os.environ.get("PGPORT") or "5432"
    for process in psutil.process_iter(["name", "cmdline"]):
        cmdline = process.info["cmdline"] or []
        if process.info["name"] in ("postgres", "postmaster") and "-p" in cmdline and (
                cmdline[cmdline.index("-p") + 1:][:1] == [port]):
            return process.pid
    return None


def _payload(index, photo):
    return {
        "incident_type": "vehicle_collision",
        "description": f"Benchmark incident {index}",
        "latitude": 51.05, "longitude": 3.72,
        "photos": [{"name": f"damage-{index}.jpg", "data": photo}],
    }


def run(env):
    key = _setup(env)
    photos = _photos(2 * WARMUP + INCIDENTS)
    server = OdooServer(os.environ["CLAIMS_TEST_DB"], "--workers=4", "--limit-time-real=600")
    sessions = threading.local()

    def file_one(index):
        if not hasattr(sessions, "http"):
            sessions.http = requests.Session()
            sessions.http.headers["Authorization"] = f"Bearer {key}"
            # Names the database: without it Odoo lists the databases on every stateless call.
            sessions.http.headers["X-Odoo-Database"] = server.database
        started = time.perf_counter()
        response = sessions.http.post(f"{server.url}/claims/api/v1/incidents",
                                      json=_payload(index, photos[index]), timeout=120)
        elapsed = time.perf_counter() - started
        if response.status_code != 201:
            raise RuntimeError(
                f"incident {index}: HTTP {response.status_code} {response.text[:300]}"
            )
        return elapsed

    try:
        server.wait(180)
        with ThreadPoolExecutor(CLIENTS) as pool:  # every worker loads its registry
            list(pool.map(file_one, range(WARMUP)))
        # One client alone: the cost of one call without queueing, for reading the figures.
        alone_ms = statistics.median(file_one(index) for index in range(WARMUP, 2 * WARMUP)) * 1000
        postgres = _postgres_pid()
        cpu_before = _cpu_seconds(server.process.pid)
        pg_before = _cpu_seconds(postgres) if postgres else 0.0
        client_before = sum(psutil.Process().cpu_times()[:2])  # without the Odoo child
        started = time.perf_counter()
        with ThreadPoolExecutor(CLIENTS) as pool:
            latencies = list(pool.map(file_one, range(2 * WARMUP, 2 * WARMUP + INCIDENTS)))
        wall = time.perf_counter() - started
        cpu_ms = (_cpu_seconds(server.process.pid) - cpu_before) * 1000 / INCIDENTS
        pg_ms = (_cpu_seconds(postgres) - pg_before) * 1000 / INCIDENTS if postgres else None
        client_ms = (sum(psutil.Process().cpu_times()[:2]) - client_before) * 1000 / INCIDENTS
        errors = server.errors()
    finally:
        server.stop()
    env.cr.rollback()
    filed = env["claims.incident"].search_count([("description", "=like", "Benchmark incident %")])
    latencies_ms = sorted(latency * 1000 for latency in latencies)
    p50 = statistics.median(latencies_ms)
    p95 = latencies_ms[int(round(0.95 * len(latencies_ms))) - 1]
    print(f"{INCIDENTS} incidents with {CLIENTS} clients in {wall:.1f} s ({filed} in the database "
          f"with {2 * WARMUP} warm-up and single-client ones); min {latencies_ms[0]:.0f} ms, "
          f"max {latencies_ms[-1]:.0f} ms; one client alone: p50 {alone_ms:.0f} ms; "
          f"CPU per incident: Odoo {cpu_ms:.0f} ms, PostgreSQL "
          f"{'n/a' if pg_ms is None else f'{pg_ms:.0f}'} ms, clients {client_ms:.0f} ms; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; "
          f"server errors: {len(errors)}", flush=True)
    if errors:
        print("\n".join(errors[:5]), flush=True)
    print(f"RESULT p50_ms={p50:.0f} p95_ms={p95:.0f} per_s={INCIDENTS / wall:.1f}", flush=True)
