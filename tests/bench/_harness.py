# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Open the benchmark database in this process and call ``run(env)`` of one benchmark module.

Helpers for the modules: ``measure`` (seconds and queries of a piece of work) and
``perform_pending_jobs`` (the job runner's work, in-process and without its HTTP hop).
"""

import importlib.util
import os
import sys
import time
from pathlib import Path

import odoo
from odoo.modules.registry import Registry
from odoo.tools import config


def measure(env, func):
    """(seconds, queries) of ``func()``, everything flushed before and after."""
    env.flush_all()
    queries = env.cr.sql_log_count
    started = time.perf_counter()
    func()
    env.flush_all()
    return time.perf_counter() - started, env.cr.sql_log_count - queries


def perform_pending_jobs(env, method_name):
    """Load and perform every pending queue_job job of ``method_name`` as the runner would."""
    from odoo.addons.queue_job.job import Job  # noqa: PLC0415

    jobs = env["queue.job"].search([("method_name", "=", method_name), ("state", "=", "pending")])
    for uuid in jobs.mapped("uuid"):
        job = Job.load(env, uuid)
        job.set_started()
        job.perform()
        job.set_done()
        job.store()
    return len(jobs)


def main(name):
    config.parse_config([
        f"--addons-path={Path(__file__).resolve().parents[2] / 'addons'}",
        f"--data-dir={os.environ['CLAIMS_DATA_DIR']}",
        *(f"--{key}={os.environ[var]}" for key, var in (
            ("db_host", "PGHOST"), ("db_port", "PGPORT"), ("db_user", "PGUSER"),
            ("db_password", "PGPASSWORD")) if os.environ.get(var)),
    ])
    spec = importlib.util.spec_from_file_location(name, Path(__file__).parent / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    registry = Registry(os.environ["CLAIMS_TEST_DB"])
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        module.run(env)


if __name__ == "__main__":
    main(sys.argv[1])
