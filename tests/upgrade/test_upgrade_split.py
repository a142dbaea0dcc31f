# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A database of the single-addon layout upgrades cleanly to claims_base + claims_connector +
claims_api (``split_upgrade.py`` does the upgrade; tests/run starts it early, beside the Odoo
tests, and hands over its result in CLAIMS_UPGRADE_RESULT).

After ``-u all`` every xml id of the three addons is the one a fresh install has (the database
of tests/run): nothing left behind under claims_base, nothing twice, nothing missing; the
framework's and the API's rows are all there; the logs have no error.
"""

import json
import os
import tempfile
import time
from pathlib import Path

import pytest

from tests.upgrade import split_upgrade

SPLIT_MODULES = ("claims_base", "claims_connector", "claims_api")


def _xmlids(database):
    """The xml ids of the three addons, without those Odoo's reflection files under them for
    the models of other addons (a connector's model inheriting their mixins): which module
    gets those depends on the order modules load in, not on the split."""
    rows = split_upgrade.query(
        database, "SELECT module, name, model FROM ir_model_data WHERE module IN %s",
        (SPLIT_MODULES,))
    own_models = {name.removeprefix("model_") for _module, name, model in rows
                  if model == "ir.model"}

    def of_own_model(name):
        for prefix in ("model_inherit__", "selection__"):
            if name.startswith(prefix):
                return name.removeprefix(prefix).split("__")[0] in own_models
        return True

    return {(module, name): model for module, name, model in rows if of_own_model(name)}


@pytest.fixture(scope="module")
def upgraded(odoo_database):
    path = os.environ.get("CLAIMS_UPGRADE_RESULT")
    if path and Path(path).is_file():
        result = json.loads(Path(path).read_text())
    else:
        name = f"{odoo_database}_upgrade_{int(time.time())}"
        with tempfile.NamedTemporaryFile(suffix=".json") as file:
            split_upgrade.main(name, file.name)
            result = json.loads(Path(file.name).read_text())
    yield result
    split_upgrade.drop(result["database"])


def test_single_addon_database_upgrades_to_the_split(odoo_database, upgraded):
    assert "error" not in upgraded, upgraded.get("error")
    database = upgraded["database"]
    assert not upgraded["install_errors"]
    assert not upgraded["upgrade_errors"], upgraded["upgrade_errors"]
    assert any("128 xml ids moved to claims_connector" in line
               for line in upgraded["migration_lines"]), upgraded["migration_lines"]
    modules = dict(split_upgrade.query(
        database, "SELECT name, state FROM ir_module_module WHERE name IN %s",
        (SPLIT_MODULES,)))
    assert modules == dict.fromkeys(SPLIT_MODULES, "installed")
    after = list(split_upgrade.query(database, split_upgrade.COUNTS)[0])
    assert after == upgraded["before"], "the framework's and the API's rows are kept"
    upgraded_ids, fresh_ids = _xmlids(database), _xmlids(odoo_database)
    missing = sorted(set(fresh_ids) - set(upgraded_ids))
    assert not missing, f"xml ids of a fresh install are missing: {missing}"
    extra = sorted(set(upgraded_ids) - set(fresh_ids))
    assert not extra, f"xml ids are left behind or doubled: {extra}"
    assert upgraded_ids == fresh_ids, "an xml id points at another model than when fresh"
    assert split_upgrade.query(
        database, "SELECT value FROM ir_config_parameter WHERE key = %s",
        ("claims_api.webhook_allow_private_hosts",)) == [("1",)]
