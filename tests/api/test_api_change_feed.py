# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The change feed under concurrent writers: a client that follows it from its last number
never misses an entry, even one whose transaction started first and committed last."""

import random
import threading
import time

import pytest


def _drain(client, after):
    """Read the feed from ``after`` to its current end; return (entries, last)."""
    entries = []
    while True:
        status, page = client.get("/claims/api/v1/changes", after=after, limit=50)
        assert status == 200, page
        entries += page["changes"]
        if not page["changes"]:
            return entries, page["last"]
        after = page["last"]


@pytest.fixture
def claims_of_a(odoo_env, api_world):
    """Two more claims of account A and a stage to move them to."""
    with odoo_env() as env:
        template = env["claims.claim"].browse(api_world.a.claim_id)
        claims = template.copy() | template.copy()
        stage = env["claims.claim.stage"].create({"name": "Concurrency", "sequence": 99})
        return claims.ids, stage.id


def test_late_commit_with_lower_insert_is_not_skipped(odoo_registry, client_a, api_world,
                                                      claims_of_a, photo):
    from odoo import api  # noqa: PLC0415

    (claim_x, claim_y), stage_id = claims_of_a
    _seen, last = _drain(client_a, 0)
    inserted, release, done = threading.Event(), threading.Event(), threading.Event()

    def slow_writer():
        # Writer 1: its own transaction, writes first, commits last.
        with odoo_registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})  # the desk moves it
            env["claims.claim"].browse(claim_x).stage_id = stage_id
            env.flush_all()
            inserted.set()
            release.wait(60)
        done.set()

    thread = threading.Thread(target=slow_writer)
    thread.start()
    try:
        assert inserted.wait(60)
        # Writer 2: another client over HTTP, commits at once.
        status, _doc = client_a.post(f"/claims/api/v1/claims/{claim_y}/documents",
                                     dict(photo, category="other"))
        assert status == 201
        early, last = _drain(client_a, last)
        assert [(e["kind"], e["claim_id"]) for e in early] == [("document_added", claim_y)]
    finally:
        release.set()
        thread.join(60)
    assert done.is_set()
    late, _last = _drain(client_a, last)
    assert [(e["kind"], e["claim_id"]) for e in late] == [("stage_changed", claim_x)]
    # The entry written first got the higher number: numbered when it became visible.
    assert late[0]["number"] > early[0]["number"]


def test_follower_sees_every_entry_of_two_busy_writers_once(odoo_registry, client_a,
                                                            api_world, claims_of_a):
    from odoo import api  # noqa: PLC0415

    claim_ids, _stage = claims_of_a
    _seen, start = _drain(client_a, 0)
    writers_done = threading.Event()
    errors = []

    def writer(claim_id, seed):
        rng = random.Random(seed)
        try:
            for index in range(8):
                with odoo_registry.cursor() as cr:
                    env = api.Environment(cr, api.SUPERUSER_ID, {})  # the desk writes
                    env["claims.claim"].browse(claim_id).insurer_claim_number = f"W{seed}-{index}"
                    env.flush_all()
                    time.sleep(rng.uniform(0, 0.15))  # commit after a random while
        except Exception as error:  # noqa: BLE001 - reported by the main thread
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(claim_id, seed))
               for seed, claim_id in enumerate(claim_ids)]
    for thread in threads:
        thread.start()
    followed, last = [], start
    while any(thread.is_alive() for thread in threads):
        page, last = _drain(client_a, last)
        followed += page
        time.sleep(0.02)
    for thread in threads:
        thread.join()
    writers_done.set()
    page, last = _drain(client_a, last)
    followed += page
    assert not errors
    everything, _end = _drain(client_a, start)
    assert len(everything) == 16
    assert [e["number"] for e in followed] == [e["number"] for e in everything]
    assert sorted(e["number"] for e in followed) == [e["number"] for e in followed]
