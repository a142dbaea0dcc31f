# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Upgrade a database of the single-addon layout to today's code, as an administrator would.

Installs the addons as they were before the split (claims_base holding the connector framework
and the partner API) from the repository's history, with demo data, adds the rows an upgrade
must keep (``seed_old_layout.py``), switches to today's code and runs ``-u all``. Writes what
it saw to a JSON file for ``test_upgrade_split.py`` to judge:

    python3 -m tests.upgrade.split_upgrade DATABASE RESULT.json

tests/run runs it beside the Odoo tests (it needs no other database), so that the suite does
not wait for it; the test runs it itself when pytest runs alone.
"""

import json
import os
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# The last commit of main before the split, and what it installs.
OLD_LAYOUT = "7788f67f4f1490b1bb37674ed3cdd92aab0b02f2"
OLD_ADDONS = "claims_base,claims_policyport,claims_broker_workflows"
SEED = Path(__file__).with_name("seed_old_layout.py")
COUNTS = """
    SELECT (SELECT count(*) FROM claims_exchange), (SELECT count(*) FROM claims_webhook),
           (SELECT count(*) FROM claims_binding), (SELECT count(*) FROM claims_change),
           (SELECT count(*) FROM queue_job), (SELECT secret FROM claims_webhook)
"""


class UpgradeFailed(Exception):
    pass


def connection_args():
    """Odoo's options for the PostgreSQL server of PGHOST/PGPORT/PGUSER/PGPASSWORD."""
    return [f"--{key}={os.environ[var]}" for key, var in (
        ("db_host", "PGHOST"), ("db_port", "PGPORT"), ("db_user", "PGUSER"),
        ("db_password", "PGPASSWORD")) if os.environ.get(var)]


def query(database, sql, params=()):
    import psycopg2  # noqa: PLC0415

    with psycopg2.connect(dbname=database) as connection, connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def drop(database):
    import psycopg2  # noqa: PLC0415

    connection = psycopg2.connect(dbname="postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    connection.close()


def errors(log):
    return [line for line in log.splitlines() if " ERROR " in line or " CRITICAL " in line]


def _odoo(database, addons_path, data_dir, *args, stdin=None):
    command = [sys.executable, "-m", "odoo", *args, f"--database={database}",
               f"--addons-path={addons_path}", f"--data-dir={data_dir}",
               "--max-cron-threads=0", "--no-http", "--log-level=info", *connection_args()]
    result = subprocess.run(command, input=stdin, capture_output=True, text=True, cwd=REPO,
                            timeout=1800, check=False)
    log = result.stdout + result.stderr
    if result.returncode:
        raise UpgradeFailed(f"{' '.join(args[:2])} exited with {result.returncode}:\n"
                            f"{log[-3000:]}")
    return log


def _old_layout(folder):
    try:
        archive = subprocess.run(["git", "archive", OLD_LAYOUT, "addons"], cwd=REPO,
                                 capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        raise UpgradeFailed(
            f"the upgrade check needs the repository's history ({OLD_LAYOUT}): {error}"
        ) from error
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return Path(folder) / "addons"


def upgrade(database):
    """Install the old layout in ``database``, seed it, upgrade it; return what was seen."""
    with tempfile.TemporaryDirectory(prefix="claims-old-layout-") as folder:
        old_addons = _old_layout(folder)
        install_log = _odoo(database, old_addons, folder, f"--init={OLD_ADDONS}",
                            "--with-demo", "--stop-after-init")
        seeded = _odoo(database, old_addons, folder, "shell", stdin=SEED.read_text())
        if "SEEDED" not in seeded:
            raise UpgradeFailed(f"seeding failed:\n{seeded[-3000:]}")
        before = query(database, COUNTS)[0]
        upgrade_log = _odoo(database, REPO / "addons", folder, "--update=all",
                            "--stop-after-init")
    return {
        "database": database,
        "install_errors": errors(install_log),
        "upgrade_errors": errors(upgrade_log),
        "migration_lines": [line for line in upgrade_log.splitlines()
                            if "xml ids moved to" in line],
        "before": list(before),
    }


def main(database, result_path):
    try:
        result = upgrade(database)
    except Exception as error:  # noqa: BLE001 - reported to the test that judges it
        result = {"database": database, "error": f"{type(error).__name__}: {error}"}
    Path(result_path).write_text(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
