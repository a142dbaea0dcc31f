# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The workflow scan over 100,000 inspection reports.

Set-up (not timed): 1,000 buildings on building policies and 100,000 Scope 10 reports inserted
with one SQL statement; 1 % end within the next 11 months (their workflow is due), 89 % later,
10 % are already expired. Timed: the scan that finds the due records (one query), then the
start of their instances (ORM, e-mails and activities, in batches), then a second scan that
must find nothing.
"""

import time

from odoo import fields

OBJECTS = 100_000
BUILDINGS = 1_000


def _setup(env):
    company = env.company
    customer = env["res.partner"].create({"name": "Bench customer", "email": "bench@example.com"})
    user = env.ref("base.user_admin")
    policy = env["claims.policy"].create({
        "name": "BENCH-OPSTAL", "company_id": company.id, "line_of_business": "building",
        "policyholder_id": customer.id, "user_id": user.id,
        "date_start": "2020-01-01",  # fixed date: any past start
    })
    env["claims.insured.object"].create([
        {"policy_id": policy.id, "object_type": "building", "name": f"Building {n}"}
        for n in range(BUILDINGS)
    ])
    env.flush_all()
    today = fields.Date.context_today(env["res.users"])
    env.cr.execute(
        """
        INSERT INTO claims_inspection_report (name, insured_object_id, policy_id, company_id,
            partner_id, user_id, scope, date_inspection, date_end, create_uid, write_uid,
            create_date, write_date)
        SELECT 'Scope 10 report ' || n, o.id, o.policy_id, o.company_id, %(partner)s,
               %(user)s, 'scope_10', d - interval '5 years', d, 1, 1, now(), now()
          FROM generate_series(1, %(count)s) AS n
          JOIN LATERAL (SELECT CASE
                 WHEN n %% 100 = 0 THEN %(today)s::date + (n %% 330)
                 WHEN n %% 10 = 1 THEN %(today)s::date - 1 - (n %% 1000)
                 ELSE %(today)s::date + 340 + (n %% 1460) END AS d) AS dd ON TRUE
          JOIN claims_insured_object o
            ON o.id = (SELECT min(id) FROM claims_insured_object) + (n %% %(buildings)s)
        """,
        {"partner": customer.id, "user": user.id, "count": OBJECTS, "today": today,
         "buildings": BUILDINGS},
    )
    env.cr.execute("ANALYZE claims_inspection_report")
    env.cr.commit()
    return today


def run(env):
    today = _setup(env)
    Definition = env["claims.workflow.definition"]
    definitions = Definition.search([("version_of_id", "=", False)])
    env.cr.execute("SELECT count(*) FROM claims_inspection_report")
    objects = env.cr.fetchone()[0]
    env.invalidate_all()

    query = definitions._scan_query(today)
    env.cr.execute(SQL_EXPLAIN % query.code, query.params)
    plan = "\n".join(row[0] for row in env.cr.fetchall())
    print("plan of the scan:\n" + plan)

    definitions.mapped("date_field")  # definitions in cache: the scan reads records
    before = env.cr.sql_log_count
    start = time.perf_counter()
    rows = definitions._scan_rows(today)
    scan_s = time.perf_counter() - start
    queries = env.cr.sql_log_count - before
    print(f"scan: {len(rows)} due of {objects} reports in {scan_s * 1000:.1f} ms, "
          f"{queries} queries")

    start = time.perf_counter()
    started = Definition._cron_start_instances()
    start_s = time.perf_counter() - start
    print(f"start: {len(started)} instances in {start_s:.1f} s "
          f"({start_s / max(len(started), 1) * 1000:.1f} ms each: e-mail, note, activity)")

    start = time.perf_counter()
    again = definitions._scan_rows(today)
    rescan_s = time.perf_counter() - start
    print(f"second scan: {len(again)} due in {rescan_s * 1000:.1f} ms")
    print(f"RESULT objects={objects} scan_s={scan_s:.4f} queries={queries} "
          f"started={len(started)} start_s={start_s:.1f} rescan_found={len(again)} "
          f"rescan_s={rescan_s:.4f}")


SQL_EXPLAIN = "EXPLAIN (ANALYZE, BUFFERS) %s"
