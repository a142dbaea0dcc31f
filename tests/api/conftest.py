# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fixtures of the partner API tests: the test database opened in this process (to set up
companies, users and API keys, and to write as a second concurrent transaction), and HTTP
clients that authenticate with those keys against ``odoo_server``."""

import base64
import contextlib
import os
import types
import uuid
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import requests

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


class ApiClient:
    """requests with a bearer API key; returns (status, decoded JSON or None)."""

    def __init__(self, base_url, key=None):
        self.base_url = base_url
        self.session = requests.Session()
        if key:
            self.session.headers["Authorization"] = f"Bearer {key}"

    def call(self, method, path, body=None, params=None, timeout=60):
        response = self.session.request(
            method, self.base_url + path, json=body, params=params, timeout=timeout
        )
        try:
            data = response.json()
        except ValueError:
            data = None
        return response.status_code, data

    def get(self, path, **params):
        return self.call("GET", path, params=params or None)

    def post(self, path, body=None):
        return self.call("POST", path, body=body if body is not None else {})


@pytest.fixture(scope="session")
def odoo_registry(odoo_database):
    import odoo  # noqa: PLC0415
    from odoo.modules.registry import Registry  # noqa: PLC0415
    from odoo.tools import config  # noqa: PLC0415

    addons = (os.environ.get("CLAIMS_ADDONS_PATH")
              or str(Path(__file__).resolve().parents[2] / "addons"))
    config.parse_config([
        f"--addons-path={addons}",
        f"--data-dir={os.environ.get('CLAIMS_DATA_DIR', '')}",
        "--log-level=warn",
        *(f"--{key}={os.environ[var]}" for key, var in (
            ("db_host", "PGHOST"), ("db_port", "PGPORT"), ("db_user", "PGUSER"),
            ("db_password", "PGPASSWORD")) if os.environ.get(var)),
    ])
    assert odoo.release.version.startswith("19.0")
    return Registry(odoo_database)


@pytest.fixture(scope="session")
def odoo_env(odoo_registry):
    """``with odoo_env() as env:`` a superuser environment on a new cursor, committed at exit."""
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415

    @contextlib.contextmanager
    def open_env(uid=SUPERUSER_ID):
        with odoo_registry.cursor() as cr:
            yield api.Environment(cr, uid, {})

    return open_env


def _make_company(env, tag, name):
    company = env["res.company"].create({"name": f"{name} {tag}"})
    user = env["res.users"].create({
        "name": f"{name} API {tag}",
        "login": f"api-{name.lower().replace(' ', '-')}-{tag}",
        "company_id": company.id,
        "company_ids": [(6, 0, company.ids)],
        "group_ids": [(6, 0, [env.ref("claims_api.group_claims_api").id])],
    })
    key = env["res.users.apikeys"].with_user(user).sudo()._generate(
        None, "partner system", datetime.now() + timedelta(days=30)
    )
    policy = env["claims.policy"].create({
        "name": f"POL-{name}-{tag}", "company_id": company.id,
        "insurer_id": env["res.partner"].create({
            "name": f"Insurer {name} {tag}", "is_company": True,
        }).id,
        "line_of_business": "motor",
        "date_start": "2026-01-01", "date_end": "2026-12-31",  # fixed date: the incidents' year
    })
    claim_type = env["claims.claim.type"].create({
        "name": f"Motor {tag}", "code": f"MOT{tag}", "company_id": company.id,
    })
    env["claims.incident.rule"].create({
        "name": f"Collision {name} {tag}", "company_id": company.id,
        "incident_type": "vehicle_collision", "party": "own_motor_insurer",
        "claim_type_id": claim_type.id,
    })
    coverage_type = env["claims.coverage.type"].create(
        {"name": "Own damage", "code": f"OD-{name}-{tag}", "company_id": company.id})
    claim = env["claims.claim"].create({
        "company_id": company.id, "policy_id": policy.id, "insurer_id": policy.insurer_id.id,
        "claim_type_id": claim_type.id,
        "date_loss": "2026-03-02",  # fixed date: in that policy year
        "coverage_ids": [(0, 0, {"coverage_type_id": coverage_type.id})],
    })
    return types.SimpleNamespace(
        company_id=company.id, user_id=user.id, key=key, policy_id=policy.id, claim_id=claim.id,
        claim_type_id=claim_type.id,
    )


@pytest.fixture(scope="session")
def api_world(odoo_env):
    """Two accounts (companies), each with an API user and key, a policy, an incident rule
    that opens a motor claim on a collision, and one claim."""
    tag = uuid.uuid4().hex[:6]
    with odoo_env() as env:
        # The receivers of the webhook tests listen on 127.0.0.1.
        env["ir.config_parameter"].set_param("claims_api.webhook_allow_private_hosts", "1")
        world = types.SimpleNamespace(
            a=_make_company(env, tag, "Fleet A"), b=_make_company(env, tag, "Fleet B"),
        )
    return world


@pytest.fixture
def client_a(odoo_server, api_world):
    return ApiClient(odoo_server.url, api_world.a.key)


@pytest.fixture
def client_b(odoo_server, api_world):
    return ApiClient(odoo_server.url, api_world.b.key)


@pytest.fixture
def photo():
    return {"name": "damage.png", "data": base64.b64encode(PNG).decode()}
