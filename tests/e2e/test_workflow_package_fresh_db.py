# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A broker exports the Scope 10 workflow; another broker imports the package into a fresh
database of their own and gets the same workflow, namespaced, with its mail templates."""

import base64
import subprocess
import sys
import time

from tests.conftest import REPO, OdooServer
from tests.odoo_rpc import OdooRpc

FIELDS = ["code", "kind", "name", "sequence", "due_amount", "due_unit", "due_direction",
          "due_from", "assign_to", "goto_step_id", "goto_max", "mail_template_id", "option_ids"]


def _workflow(rpc, definition):
    steps = rpc("claims.workflow.step", "search_read", [("definition_id", "=", definition)],
                FIELDS, order="sequence, id")
    codes = {step["id"]: step["code"] for step in steps}
    result = []
    for step in steps:
        options = rpc("claims.workflow.option", "read", step["option_ids"],
                      ["name", "answer", "next_step_id"])
        subject = step["mail_template_id"] and rpc(
            "mail.template", "read", [step["mail_template_id"][0]], ["subject"]
        )[0]["subject"]
        result.append((
            step["code"], step["kind"], step["name"], step["due_amount"], step["due_unit"],
            step["due_direction"], step["due_from"], step["assign_to"],
            step["goto_step_id"] and codes[step["goto_step_id"][0]], step["goto_max"], subject,
            [(o["name"], o["answer"], o["next_step_id"] and codes[o["next_step_id"][0]])
             for o in options],
        ))
    return result


def _create_fresh_database(name):
    command = [sys.executable, "-m", "odoo", f"--database={name}",
               f"--addons-path={REPO / 'addons'}", "--init=claims_broker_workflows",
               "--stop-after-init", "--log-level=warn", "--max-cron-threads=0"]
    from tests.conftest import odoo_command  # noqa: PLC0415 - same connection options

    connection = [arg for arg in odoo_command(name, 0) if arg.startswith("--db_")]
    subprocess.run(command + connection, check=True, cwd=REPO, timeout=1800)


def _drop_database(name):
    import psycopg2  # noqa: PLC0415

    connection = psycopg2.connect(dbname="postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    connection.close()


def test_export_then_import_into_a_fresh_database(odoo_server, odoo_database):
    source = OdooRpc(odoo_server.url, odoo_database)
    definition = source("ir.model.data", "check_object_reference", "claims_broker_workflows",
                        "claims_workflow_definition_scope10")[1]
    action = source("claims.workflow.definition", "action_export_package", [definition])
    attachment = int(action["url"].split("/web/content/")[1].split("?")[0])
    package = source("ir.attachment", "read", [attachment], ["datas"])[0]["datas"]
    assert base64.b64decode(package)[:2] == b"PK"

    fresh = f"{odoo_database}_fresh_{int(time.time())}"
    _create_fresh_database(fresh)
    server = OdooServer(fresh).wait()
    try:
        target = OdooRpc(server.url, fresh)
        wizard = target("claims.workflow.import", "create",
                        {"package": package, "namespace": "kantoor_b"})
        result = target("claims.workflow.import", "action_import", [wizard])
        imported = result["res_id"]
        name = target("claims.workflow.definition", "read", [imported], ["name"])[0]["name"]
        assert name == "[kantoor_b] Inspection report Scope 10"
        assert _workflow(target, imported) == _workflow(source, definition)
        templates = target("mail.template", "search_read", [("name", "like", "[kantoor_b]")],
                           ["name"])
        assert len(templates) == 4

        hostile = base64.b64encode(b"PK\x03\x04 not really a zip").decode()
        wizard = target("claims.workflow.import", "create", {"package": hostile})
        try:
            target("claims.workflow.import", "action_import", [wizard])
        except RuntimeError as error:
            assert "not a zip archive" in str(error)
        else:
            raise AssertionError("a broken package was imported")
        assert server.errors() == [] or all("not a zip" in line for line in server.errors())
    finally:
        server.stop()
        _drop_database(fresh)
