# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Pages the Opus robot loads per allocation: ``tests/bench/run opus_sync``.

The protocol layer only, for now: ``claims_opus/client.py`` drives Debian's Chromium against
the Opus simulator (in this process); the database the runner prepares is not used until the
Odoo side's import exists. For a small list and a large one (20 and 200 allocations,
``CLAIMS_BENCH_ALLOCATIONS`` sets the large one), a first poll reads the whole list and opens
every allocation; a second poll, after 10 new allocations and 10 status changes, reads the
list again and opens only the new ones: the list carries the ids and statuses that decide.
The simulator counts the pages it served (documents and sign-in posts aside).

The goal: pages per allocation constant as the list grows. Prints the figures and ends with
``RESULT first_pages_per_allocation=<large> first_ratio=<large / small>
poll_pages_per_new=<large> poll_list_pages_per_listed=<large> s_per_allocation=<large>``.
Run it alone with ``python3 tests/bench/opus_sync.py`` (no database needed).
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


def _poll(opus, known):
    """A poll as the import does it: the list, then each allocation not known yet, once."""
    rows = opus.list_allocations()
    new = [row["allocation_id"] for row in rows if row["allocation_id"] not in known]
    for allocation_id in new:
        opus.read_allocation(allocation_id)
    known.update((row["allocation_id"], row["status"]) for row in rows)
    return len(rows), len(new)


def measure(size):
    from odoo.addons.claims_opus.client import OpusClient  # noqa: PLC0415 - path set by now

    with OpusSimulator() as sim:
        for n in range(1, size + 1):
            sim.add_allocation(make_allocation(n))
        with OpusClient(sim.url, sim.login, sim.password, timeout=30) as opus:
            opus.list_allocations()  # signed in: its pages are not the poll's
            known = {}
            sim.requests.clear()
            started = time.perf_counter()
            listed, opened = _poll(opus, known)
            seconds = time.perf_counter() - started
            first = _pages(sim)
            for n in range(size + 1, size + NEW + 1):
                sim.add_allocation(make_allocation(n))
            for n in range(1, NEW + 1):
                sim.set_status(f"ALC-{100000 + n}", "Scheduled")
            sim.requests.clear()
            listed_again, opened_again = _poll(opus, known)
            poll = _pages(sim)
            changed = sum(1 for status in known.values() if status == "Scheduled")
    list_pages = poll - opened_again
    print(f"{size:4} allocations: first poll {first} pages for {opened} opened "
          f"({first / opened:.3f} per allocation, {seconds / opened:.2f} s each); second poll "
          f"{poll} pages: {list_pages} of the list ({listed_again} listed, {changed} status "
          f"changes seen) and {opened_again} for {NEW} new", flush=True)
    assert listed == opened == size and opened_again == NEW and changed == NEW
    return {"first": first / opened, "poll_per_new": opened_again / NEW,
            "list_per_listed": list_pages / listed_again, "seconds": seconds / opened}


def run(env=None):
    small = measure(20)
    large = measure(int(os.environ.get("CLAIMS_BENCH_ALLOCATIONS", "200")))
    print(f"RESULT first_pages_per_allocation={large['first']:.3f} "
          f"first_ratio={large['first'] / small['first']:.3f} "
          f"poll_pages_per_new={large['poll_per_new']:.2f} "
          f"poll_list_pages_per_listed={large['list_per_listed']:.3f} "
          f"s_per_allocation={large['seconds']:.2f}", flush=True)


if __name__ == "__main__":
    from odoo.tools import config  # noqa: PLC0415 - alone: the addons on the path, as Odoo does

    import odoo.addons  # noqa: PLC0415

    for path in (str(REPO / "addons"), config.addons_community_dir):
        if path not in odoo.addons.__path__:
            odoo.addons.__path__.append(path)
    run()
