# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The nightly anonymisation of 10,000 closed claims.

Set-up (not timed): 10,000 private claimants (ORM, in batches), then with a few SQL
statements 10,000 claims closed nine years ago (1 % on legal hold), each with its claimant as
participant, a document with its file, and two chatter messages. Timed: the retention job
(``_anonymise_due`` as the scheduled action calls it: batches of 200, a commit and an empty
cache after each), then a second run that must find nothing. The peak memory of the process
is read before and after the job: with bounded batches it grows by a small, fixed amount,
not with the number of claims.
"""

import resource
import time

from dateutil.relativedelta import relativedelta

from odoo import fields

CLAIMS = 10_000
BATCH = 1_000


def _peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _setup(env):
    company = env.company
    company.claims_retention_years = 7
    today = fields.Date.context_today(env["claims.claim"])
    closed = today - relativedelta(years=9)
    Partner = env["res.partner"].with_context(tracking_disable=True)
    partner_ids = []
    for start in range(0, CLAIMS, BATCH):
        partner_ids += Partner.create([{
            "name": f"Bench person {n}", "email": f"person{n}@example.com",
            "phone": f"+32 470 {n:06d}", "street": f"Street {n}", "city": "Brussels",
        } for n in range(start, start + BATCH)]).ids
    insurer = Partner.create({"name": "Bench insurer", "is_company": True})
    role = env.ref("claims_base.claims_participant_role_claimant")
    category = env.ref("claims_base.claims_document_category_photo")
    stage = env["claims.claim.stage"].search([("is_closing", "=", True)], limit=1)
    subtype = env.ref("mail.mt_note")
    env.flush_all()
    params = {
        "company": company.id, "closed": closed, "stage": stage.id, "insurer": insurer.id,
        "partners": partner_ids, "role": role.id, "category": category.id,
        "subtype": subtype.id,
    }
    env.cr.execute(
        """
        INSERT INTO claims_claim (name, company_id, active, file_status, date_closed,
            date_reported, date_loss, description, claimant_id, insurer_id, stage_id,
            is_marked_off, legal_hold, create_uid, write_uid, create_date, write_date)
        SELECT 'BENCH/' || lpad(n::text, 5, '0'), %(company)s, TRUE, 'closed', %(closed)s,
               %(closed)s - 30, %(closed)s - 40, 'Bench person ' || (n - 1) || ' hurt his neck',
               (%(partners)s::int[])[n], %(insurer)s, %(stage)s, FALSE, n %% 100 = 0,
               1, 1, now(), now()
          FROM generate_series(1, array_length(%(partners)s::int[], 1)) AS n
        """,
        params,
    )
    env.cr.execute(
        """
        INSERT INTO claims_participant (claim_id, company_id, partner_id, role_id, active,
            reference, create_uid, write_uid, create_date, write_date)
        SELECT id, company_id, claimant_id, %(role)s, TRUE, 'REF ' || id, 1, 1, now(), now()
          FROM claims_claim WHERE name LIKE 'BENCH/%%'
        """,
        params,
    )
    env.cr.execute(
        """
        INSERT INTO mail_message (model, res_id, body, subject, message_type, subtype_id,
            author_id, date, record_company_id, create_uid, write_uid, create_date,
            write_date)
        SELECT 'claims.claim', c.id, '<p>Call from ' || p.name || ', ' || p.phone || '</p>',
               'Call', 'comment', %(subtype)s, 3, now(), c.company_id, 1, 1, now(), now()
          FROM claims_claim c JOIN res_partner p ON p.id = c.claimant_id
          CROSS JOIN generate_series(1, 2)
         WHERE c.name LIKE 'BENCH/%%'
        """,
        params,
    )
    env.cr.execute(
        """
        INSERT INTO claims_document (name, claim_id, company_id, category_id, is_published,
            create_uid, write_uid, create_date, write_date)
        SELECT 'photo-' || id || '.jpg', id, company_id, %(category)s, FALSE, 1, 1, now(),
               now()
          FROM claims_claim WHERE name LIKE 'BENCH/%%'
        """,
        params,
    )
    env.cr.execute(
        """
        INSERT INTO ir_attachment (name, res_model, res_id, type, db_datas, file_size,
            mimetype, public, company_id, create_uid, write_uid, create_date, write_date)
        SELECT d.name, 'claims.document', d.id, 'binary', convert_to('photo of ' || d.name,
               'UTF8'), 20, 'image/jpeg', FALSE, d.company_id, 1, 1, now(), now()
          FROM claims_document d JOIN claims_claim c ON c.id = d.claim_id
         WHERE c.name LIKE 'BENCH/%%'
        """,
    )
    env.cr.execute(
        """
        UPDATE claims_document d SET attachment_id = a.id
          FROM ir_attachment a
         WHERE a.res_model = 'claims.document' AND a.res_id = d.id
        """,
    )
    for table in ("claims_claim", "claims_participant", "mail_message", "claims_document",
                  "ir_attachment", "res_partner"):
        env.cr.execute(f"ANALYZE {table}")  # noqa: S608 pylint: disable=sql-injection
    env.cr.commit()  # pylint: disable=invalid-commit
    env.invalidate_all()


def run(env):
    _setup(env)
    Claim = env["claims.claim"]
    env.cr.execute("SELECT count(*), count(*) FILTER (WHERE legal_hold) FROM claims_claim "
                   "WHERE name LIKE 'BENCH/%%'")
    claims, held = env.cr.fetchone()
    peak_before = _peak_mb()
    start = time.perf_counter()
    queries = env.cr.sql_log_count
    logs = Claim._anonymise_due(batch_size=200, commit=True)
    elapsed = time.perf_counter() - start
    queries = env.cr.sql_log_count - queries
    peak_after = _peak_mb()
    done = sum(logs.mapped("claim_count"))
    env.cr.execute("SELECT count(*) FROM res_partner WHERE name LIKE 'Bench person%%'")
    people_left = env.cr.fetchone()[0]
    env.cr.execute("SELECT count(*) FROM claims_document d JOIN claims_claim c "
                   "ON c.id = d.claim_id WHERE c.name LIKE 'BENCH/%%'")
    documents_left = env.cr.fetchone()[0]
    print(f"anonymised {done} of {claims} closed claims ({held} on legal hold skipped, "
          f"logged {sum(logs.mapped('held_count'))}) in {elapsed:.1f} s, "
          f"{done / elapsed:.0f} claims/s, {queries} queries "
          f"({queries / max(done, 1):.1f} per claim)")
    print(f"left: {people_left} people with their names (those of the claims on hold), "
          f"{documents_left} documents")
    print(f"peak memory: {peak_before:.0f} MB before the job, {peak_after:.0f} MB after "
          f"(+{peak_after - peak_before:.0f} MB)")
    start = time.perf_counter()
    again = Claim._anonymise_due(batch_size=200, commit=True)
    rerun_s = time.perf_counter() - start
    again_done = sum(again.mapped("claim_count"))
    print(f"second run: {again_done} claims anonymised in {rerun_s:.2f} s")
    print(f"RESULT claims={done} claims_per_s={done / elapsed:.1f} "
          f"peak_growth_mb={peak_after - peak_before:.0f} held={held} "
          f"rerun_claims={again_done}")
