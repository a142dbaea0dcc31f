# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fixtures of the Sinapps tests.

``contract``: Darva's Swagger files and ours as JSON Schema (``contract.py``). ``sim``: a
simulator whose every exchange (request and answer) is checked against the contract when the
test ends. ``odoo_addons``: makes ``odoo.addons.claims_sinapps`` importable without a database
(the client and the mapping are plain Python), or skips when Odoo is not importable.
"""

from pathlib import Path

import pytest

from .contract import Contract
from .server import SinappsSimulator

ADDONS = Path(__file__).resolve().parents[3] / "addons"


def contract_problems(contract, simulator):
    """What the exchanges of ``simulator`` break of the contract, one line each. A request
    sent bad on purpose carries the header ``X-Deliberately-Invalid``: only its answer is
    checked."""
    problems = []
    for request, response in list(simulator.exchanges):
        body = response.body.encode() if isinstance(response.body, str) else response.body
        problems += contract.check_exchange(request.method, request.path, request.headers,
                                            request.body, response.status, body,
                                            "x-deliberately-invalid" not in request.headers)
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


@pytest.fixture(scope="session")
def odoo_addons():
    """``odoo.addons`` with this repository's addons (and Odoo's own) on its path."""
    odoo_pkg = pytest.importorskip("odoo.addons")
    from odoo.tools import config  # noqa: PLC0415 - only once Odoo is known to be there

    for path in (str(ADDONS), config.addons_community_dir):
        if path and path not in odoo_pkg.__path__:
            odoo_pkg.__path__.append(path)
    return odoo_pkg
