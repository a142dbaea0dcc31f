# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The robot of a run in a thread of its own, without the ORM.

Playwright's sync API stays in the thread that started it, and reads the caller's whole stack
at every call (``inspect.stack()``): from inside an Odoo job, deep and among thousands of
modules, that costs more than the page itself. ``RobotThread`` runs an ``OpusClient`` in one
thread with a short stack; its methods are the client's, called from any thread and returning
(or raising) what the client did.
"""

import contextlib
import resource
from concurrent.futures import ThreadPoolExecutor


@contextlib.contextmanager
def chromium_address_space():
    """Chromium reserves far more address space than it uses: Odoo's ``limit_memory_hard``
    (a limit on address space, inherited by child processes) kills it at start. The browser
    and Playwright's driver start without it; Odoo's process gets its limit back at once."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if soft == hard:
        yield
        return
    resource.setrlimit(resource.RLIMIT_AS, (hard, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


class RobotThread:
    """An ``OpusClient`` (started here) driven from its own thread until ``close()``."""

    def __init__(self, client):
        self._client = client
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="opus-robot")
        try:
            with chromium_address_space():
                self._call(client.start)
        except BaseException:
            self.close()
            raise

    def _call(self, method, *args, **kwargs):
        return self._thread.submit(method, *args, **kwargs).result()

    def __getattr__(self, name):
        attribute = getattr(self._client, name)
        if name.startswith("_") or not callable(attribute):
            return attribute
        return lambda *args, **kwargs: self._call(attribute, *args, **kwargs)

    def close(self):
        try:
            self._call(self._client.close)
        finally:
            self._thread.shutdown(wait=True)
