# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A database of the single-addon layout upgrades cleanly to claims_base + claims_connector +
claims_api.

The test installs the addons as they were before the split (claims_base holding the connector
framework and the partner API) from the repository's history, with demo data, adds the rows an
upgrade must keep, switches to today's code and runs ``-u all``, as an administrator would.
Then every xml id of the three addons is the one a fresh install has (nothing left behind
under claims_base, nothing twice, nothing missing), the rows are all there, and the log has
no error.
"""

import os
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

import pytest

from tests.conftest import REPO, odoo_command

# The last commit of main before the split, and what it installs.
OLD_LAYOUT = "7788f67f4f1490b1bb37674ed3cdd92aab0b02f2"
OLD_ADDONS = "claims_base,claims_policyport,claims_broker_workflows"
SPLIT_MODULES = ("claims_base", "claims_connector", "claims_api")
SEED = Path(__file__).with_name("seed_old_layout.py")


def _connect(database):
    import psycopg2  # noqa: PLC0415

    return psycopg2.connect(dbname=database)


def _query(database, sql, params=()):
    with _connect(database) as connection, connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _odoo(database, addons_path, *args, stdin=None):
    """Run Odoo on ``database`` with the connection options of tests/run; return its log."""
    connection = [arg for arg in odoo_command(database, 0) if arg.startswith("--db_")]
    command = [sys.executable, "-m", "odoo", *args, f"--database={database}",
               f"--addons-path={addons_path}", "--max-cron-threads=0", "--no-http",
               "--log-level=info", *connection]
    result = subprocess.run(command, input=stdin, capture_output=True, text=True, cwd=REPO,
                            timeout=1800, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout + result.stderr


def _old_layout(folder):
    try:
        archive = subprocess.run(["git", "archive", OLD_LAYOUT, "addons"], cwd=REPO,
                                 capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        pytest.fail(f"the upgrade test needs the repository's history ({OLD_LAYOUT}): {error}")
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return Path(folder) / "addons"


def _xmlids(database):
    return {(module, name): model for module, name, model in _query(
        database, "SELECT module, name, model FROM ir_model_data WHERE module IN %s",
        (SPLIT_MODULES,))}


def _counts(database):
    return _query(database, """
        SELECT (SELECT count(*) FROM claims_exchange), (SELECT count(*) FROM claims_webhook),
               (SELECT count(*) FROM claims_binding), (SELECT count(*) FROM claims_change),
               (SELECT count(*) FROM queue_job), (SELECT secret FROM claims_webhook)
    """)[0]


def _errors(log):
    return [line for line in log.splitlines() if " ERROR " in line or " CRITICAL " in line]


@pytest.fixture
def old_database(odoo_database):
    name = f"{odoo_database}_upgrade_{int(time.time())}"
    yield name
    import psycopg2  # noqa: PLC0415

    connection = psycopg2.connect(dbname="postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    connection.close()


def test_single_addon_database_upgrades_to_the_split(odoo_database, old_database):
    with tempfile.TemporaryDirectory(prefix="claims-old-layout-") as folder:
        data_dir = os.environ.get("CLAIMS_DATA_DIR") or folder
        old_addons = _old_layout(folder)
        log = _odoo(old_database, old_addons, f"--data-dir={data_dir}",
                    f"--init={OLD_ADDONS}", "--with-demo", "--stop-after-init")
        assert not _errors(log)
        seeded = _odoo(old_database, old_addons, "shell", f"--data-dir={data_dir}",
                       stdin=SEED.read_text())
        assert "SEEDED" in seeded, seeded[-2000:]
        before = _counts(old_database)

        log = _odoo(old_database, REPO / "addons", f"--data-dir={data_dir}", "--update=all",
                    "--stop-after-init")

    assert not _errors(log)
    assert "pre-migration: claims_base: 128 xml ids moved to claims_connector" in log
    modules = dict(_query(old_database, "SELECT name, state FROM ir_module_module "
                                        "WHERE name IN %s", (SPLIT_MODULES,)))
    assert modules == dict.fromkeys(SPLIT_MODULES, "installed")
    assert _counts(old_database) == before, "the framework's and the API's rows are kept"
    upgraded, fresh = _xmlids(old_database), _xmlids(odoo_database)
    assert not set(fresh) - set(upgraded), "xml ids a fresh install has are missing"
    assert not set(upgraded) - set(fresh), "xml ids are left behind or doubled"
    assert upgraded == fresh, "an xml id points at another model than on a fresh install"
    assert _query(old_database, "SELECT value FROM ir_config_parameter WHERE key = %s",
                  ("claims_api.webhook_allow_private_hosts",)) == [("1",)]
