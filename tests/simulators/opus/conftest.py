# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fixtures of the Opus tests: the simulator, a signed-in HTTP session, and the robot.

``claims_opus``'s plain modules (``client.py``, ``mapping.py``) are imported without a
database: this puts the repository's addons and Odoo's on ``odoo.addons``' path, as Odoo does
at start. The robot runs in the session's Chromium (``browser`` of tests/conftest.py), one
browser context per client.
"""

import re
from pathlib import Path

import pytest
import requests

from odoo.tools import config

import odoo.addons

from tests.simulators.opus import OpusSimulator, make_allocation

for _path in (str(Path(__file__).resolve().parents[3] / "addons"), config.addons_community_dir):
    if _path not in odoo.addons.__path__:
        odoo.addons.__path__.append(_path)

LOGIN, PASSWORD = "robot", "s3cret-opus"


@pytest.fixture(scope="module")
def portal():
    with OpusSimulator(login=LOGIN, password=PASSWORD) as simulator:
        yield simulator


@pytest.fixture
def sim(portal):
    """The module's portal, reset (its sessions kept), with 25 allocations (two pages)."""
    portal.reset(keep_sessions=True)
    for n in range(1, 26):
        portal.add_allocation(make_allocation(n))
    return portal


def csrf_of(html, name="csrf_token"):
    return re.search(rf"name='{name}' value='([^']*)'", html)[1]


@pytest.fixture
def http(sim):
    """A requests session signed in to ``sim``."""
    session = requests.Session()
    page = session.get(f"{sim.url}/login", timeout=5)
    answer = session.post(f"{sim.url}/login", timeout=5, data={
        "csrf_token": csrf_of(page.text), "username": LOGIN, "password": PASSWORD,
        "next": "/allocations"})
    assert answer.status_code == 200 and answer.url.endswith("/allocations")
    return session


@pytest.fixture(scope="module")
def robot(portal, browser):
    from odoo.addons.claims_opus.client import OpusClient  # noqa: PLC0415 - after the path

    with OpusClient(portal.url, LOGIN, PASSWORD, timeout=5, browser=browser) as client:
        yield client


@pytest.fixture
def opus(sim, robot):
    """The module's robot on ``sim``, in its browser context of the session's Chromium, signed
    in by the first test that uses it (tests of signing in make their own clients)."""
    return robot
