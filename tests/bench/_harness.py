# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Open the benchmark database in this process and call ``run(env)`` of one benchmark module."""

import importlib.util
import os
import sys
from pathlib import Path

import odoo
from odoo.modules.registry import Registry
from odoo.tools import config


def main(name):
    config.parse_config([
        f"--addons-path={Path(__file__).resolve().parents[2] / 'addons'}",
        f"--data-dir={os.environ['CLAIMS_DATA_DIR']}",
        *(f"--{key}={os.environ[var]}" for key, var in (
            ("db_host", "PGHOST"), ("db_port", "PGPORT"), ("db_user", "PGUSER"),
            ("db_password", "PGPASSWORD")) if os.environ.get(var)),
    ])
    spec = importlib.util.spec_from_file_location(name, Path(__file__).parent / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    registry = Registry(os.environ["CLAIMS_TEST_DB"])
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        module.run(env)


if __name__ == "__main__":
    main(sys.argv[1])
