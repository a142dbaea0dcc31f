# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Shared pytest fixtures.

``odoo_server`` serves the database that tests/run installed (CLAIMS_TEST_DB) over HTTP on a
free loopback port, once per session; ``browser`` is Debian's Chromium driven by Playwright;
``phone`` a page with a 390x844 viewport. Tests that need them are skipped when pytest runs
outside tests/run (no database).
"""

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# PostgreSQL's concurrency errors, which Odoo answers by retrying the request
RETRIED = re.compile(r"odoo\.sql_db: bad query:[\s\S]*(could not serialize access|deadlock "
                     r"detected|could not obtain lock)")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def odoo_command(database, port, *extra):
    """The command line that serves ``database`` like tests/run installed it."""
    args = [
        sys.executable, "-m", "odoo", f"--database={database}", f"--db-filter=^{database}$",
        f"--addons-path={REPO / 'addons'}", f"--http-port={port}",
        "--http-interface=127.0.0.1", "--max-cron-threads=0", "--log-level=warn",
        f"--data-dir={os.environ.get('CLAIMS_DATA_DIR') or tempfile.mkdtemp()}",
        *extra,
    ]
    for key, var in (("db_host", "PGHOST"), ("db_port", "PGPORT"), ("db_user", "PGUSER"),
                     ("db_password", "PGPASSWORD")):
        if os.environ.get(var):
            args.append(f"--{key}={os.environ[var]}")
    return args


class OdooServer:
    def __init__(self, database, *extra):
        self.database = database
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.NamedTemporaryFile(prefix="odoo-e2e-", suffix=".log", delete=False)
        self.process = subprocess.Popen(
            odoo_command(database, self.port, *extra), stdout=self.log, stderr=subprocess.STDOUT
        )

    def wait(self, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Odoo stopped; log: {Path(self.log.name).read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/web/login", timeout=5) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.5)
        raise TimeoutError(f"Odoo did not answer on {self.url}")

    def warm_assets(self, timeout=300):
        """Build the back office's asset bundles once, so no browser test waits for them.

        The first page after an install compiles them, which takes more than a test's 30 s
        on a busy machine.
        """
        import re  # noqa: PLC0415

        import requests  # noqa: PLC0415

        session = requests.Session()
        session.post(f"{self.url}/web/session/authenticate", json={"jsonrpc": "2.0", "params": {
            "db": self.database, "login": "admin", "password": "admin"}}, timeout=timeout)
        page = session.get(f"{self.url}/odoo", timeout=timeout).text
        for path in re.findall(r'(?:src|href)="(/web/assets/[^"]+)"', page):
            session.get(f"{self.url}{path}", timeout=timeout)
        return self

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def errors(self):
        """ERROR/CRITICAL lines the server logged (a test may assert there are none).

        Left out: the "bad query" line PostgreSQL's concurrency errors leave (two requests of
        one browser writing the same row at once, e.g. the chatter marking a channel read):
        Odoo retries such a request, so nothing failed for the user.
        """
        entries = re.split(r"\n(?=\d{4}-\d{2}-\d{2} )", Path(self.log.name).read_text(
            errors="replace"))
        return [entry.splitlines()[0] for entry in entries
                if (" ERROR " in entry.splitlines()[0] or " CRITICAL " in entry.splitlines()[0])
                and not RETRIED.search(entry)]


@pytest.fixture(scope="session")
def odoo_database():
    database = os.environ.get("CLAIMS_TEST_DB")
    if not database:
        pytest.skip("needs the database of tests/run (CLAIMS_TEST_DB)")
    return database


@pytest.fixture(scope="session")
def odoo_server(odoo_database):
    server = OdooServer(odoo_database).wait().warm_assets()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def job_server(odoo_database):
    """A server of the test database with queue_job's runner, for the connector flows a user
    starts with a button and a job finishes; per module, so that no job of this module runs
    while the next module's tests look at theirs."""
    server = OdooServer(odoo_database, "--load=base,web,queue_job").wait().warm_assets()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
        has_touch=True, locale="en-US",
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="en-US")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def sign_in(request):
    """``sign_in(page, login="admin", password="admin", url=None, redirect=None,
    ready=".o_navbar")``: log in through Odoo's login page (of ``odoo_server`` unless
    ``url`` names another server) and wait until ``ready`` shows."""

    def sign_in(page, login="admin", password="admin", url=None, redirect=None,
                ready=".o_navbar"):
        url = url or request.getfixturevalue("odoo_server").url
        query = f"?redirect={redirect}" if redirect else ""
        page.goto(f"{url}/web/login{query}")
        page.fill("input[name=login]", login)
        page.fill("input[name=password]", password)
        page.click("button[type=submit]")
        # the first page after an install compiles the asset bundles: slow on a busy machine
        page.wait_for_selector(ready, timeout=180000)
        return page

    return sign_in
