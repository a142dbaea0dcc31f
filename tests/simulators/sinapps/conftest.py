# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fixtures of the Sinapps tests.

``contract``: Darva's Swagger files and ours as JSON Schema (``contract.py``). ``sim``: a
simulator whose every exchange (request and answer) is checked against the contract when the
test ends. And ``odoo.addons.claims_sinapps`` importable without a database when Odoo is there (the
client and the mapping are plain Python).
"""

import re
from pathlib import Path

import pytest

from .contract import Contract
from .server import SinappsSimulator

ADDONS = Path(__file__).resolve().parents[3] / "addons"


def contract_problems(contract, simulator):
    """What the exchanges of ``simulator`` break of the contract, one line each. A request
    sent bad on purpose (header ``X-Deliberately-Invalid``, or a path matching one of
    ``simulator.deliberately_invalid`` and refused) has only its answer checked."""
    problems = []
    for request, response in list(simulator.exchanges):
        body = response.body.encode() if isinstance(response.body, str) else response.body
        on_purpose = "x-deliberately-invalid" in request.headers or response.status == 400 and any(
            re.search(pattern, request.path) for pattern in simulator.deliberately_invalid)
        problems += contract.check_exchange(request.method, request.path, request.headers,
                                            request.body, response.status, body, not on_purpose)
    return problems


@pytest.fixture(scope="session")
def contract():
    return Contract.shared()


@pytest.fixture
def sim(contract):
    with SinappsSimulator() as simulator:
        yield simulator
    problems = contract_problems(contract, simulator)
    assert not problems, "\n".join(problems[:20])


def _odoo_addons_path():
    """Put this repository's addons (and Odoo's own) on ``odoo.addons``' path, if Odoo is
    importable: the client and the mapping are then importable without a database."""
    try:
        from odoo import addons  # noqa: PLC0415 - Odoo is optional for the simulator's tests
        from odoo.tools import config  # noqa: PLC0415
    except ImportError:
        return
    for path in (str(ADDONS), config.addons_community_dir):
        if path and path not in addons.__path__:
            addons.__path__.append(path)


_odoo_addons_path()
