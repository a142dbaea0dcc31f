# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
import json
import zipfile

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from ..package import build_package
from .common import ClaimsWorkflowsCommon


def _structure(definition):
    return [
        (s.code, s.kind, s.name, s.due_amount, s.due_unit, s.due_direction, s.due_from,
         s.goto_step_id.code or None, s.mail_template_id.subject or None,
         [(o.name, o.answer, o.next_step_id.code) for o in s.option_ids])
        for s in definition.step_ids.sorted(lambda s: (s.sequence, s.id))
    ]


@tagged("post_install", "-at_install")
class TestClaimsWorkflowPackage(ClaimsWorkflowsCommon):
    """Export a workflow, import it again; refuse broken and hostile packages precisely."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.package = build_package(cls.definition)
        cls.Import = cls.env["claims.workflow.import"].with_user(cls.user_manager)

    def _zip(self, files, mutate=None):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in files.items():
                archive.writestr(name, content)
        return buffer.getvalue()

    def _files(self):
        with zipfile.ZipFile(io.BytesIO(self.package)) as archive:
            return {name: archive.read(name) for name in archive.namelist()}

    def _workflow_with(self, change):
        files = self._files()
        workflow = json.loads(files["workflow.json"])
        change(workflow)
        files["workflow.json"] = json.dumps(workflow)
        return self._zip(files)

    def assertRefused(self, data, *fragments):
        with self.assertRaises(UserError) as caught:
            self.Import._import_package(data, "probe")
        for fragment in fragments:
            self.assertIn(fragment, str(caught.exception))
        self.assertFalse(self.env["claims.workflow.definition"].search(
            [("name", "like", "[probe]")]))

    def test_export_then_import_reproduces_the_workflow(self):
        imported = self.Import._import_package(self.package, "broker_b")
        self.assertEqual(imported.name, "[broker_b] Inspection report Scope 10")
        self.assertEqual(_structure(imported), _structure(self.definition))
        self.assertEqual(imported.domain, self.definition.domain)
        self.assertEqual(
            (imported.start_amount, imported.start_unit, imported.start_direction),
            (11, "month", "before"),
        )
        templates = imported.step_ids.mail_template_id
        self.assertEqual(len(templates), 4)
        self.assertTrue(all(t.name.startswith("[broker_b] ") for t in templates))
        self.assertNotIn(self.definition.step_ids.mail_template_id, templates)
        self.assertEqual(
            self.env["ir.model.data"].search_count([("module", "=", "claims_workflow_package")]),
            5,
        )
        # it runs: the original archived, the imported one starts and mails
        self.definition.active = False
        self._scan("2027-02-01")
        instance = self._instances(definition=imported)
        self.assertActivity(instance, "S2", "2027-05-31", self.user_handler)
        self.assertIn("expires on December 31, 2027", self._mails().subject)

    def test_same_namespace_twice_is_refused(self):
        self.Import._import_package(self.package, "broker_c")
        with self.assertRaises(UserError) as caught:
            self.Import._import_package(self.package, "broker_c")
        self.assertIn("already imported", str(caught.exception))

    def test_only_managers_import(self):
        with self.assertRaises(AccessError):
            self.env["claims.workflow.import"].with_user(self.user_handler)._import_package(
                self.package, "broker_d")

    def test_not_a_zip_is_refused(self):
        self.assertRefused(b"PK\x03\x04 this is no zip", "not a zip archive")

    def test_zip_slip_is_refused(self):
        files = self._files()
        files["../../etc/cron.d/evil"] = b"* * * * * root true"
        self.assertRefused(self._zip(files), "'../../etc/cron.d/evil': a path outside")

    def test_absolute_path_is_refused(self):
        files = self._files()
        files["/templates/evil.xml"] = b"<template/>"
        self.assertRefused(self._zip(files), "a path outside the package")

    def test_zip_bomb_is_refused(self):
        files = self._files()
        files["templates/bomb.xml"] = b"<template>" + b" " * (3 * 1024 * 1024) + b"</template>"
        self.assertRefused(self._zip(files), "templates/bomb.xml")

    def test_unexpected_file_is_refused(self):
        files = self._files()
        files["script.py"] = b"import os"
        self.assertRefused(self._zip(files), "script.py: unexpected file")

    def test_bad_json_is_refused_with_its_position(self):
        files = self._files()
        files["workflow.json"] = b'{"format": "claims-workflow",\n "steps": [}'
        self.assertRefused(self._zip(files), "workflow.json is not valid JSON", "line 2")

    def test_bad_xml_is_refused(self):
        files = self._files()
        name = next(n for n in files if n.startswith("templates/"))
        files[name] = b"<template model='claims.inspection.report'><subject>x</template>"
        self.assertRefused(self._zip(files), f"{name}: not valid XML")

    def test_xml_entities_are_refused(self):
        files = self._files()
        name = next(n for n in files if n.startswith("templates/"))
        files[name] = (
            b'<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
            b"<template model='claims.inspection.report'><name>&b;</name>"
            b"<subject>&b;</subject></template>"
        )
        self.assertRefused(self._zip(files), name)

    def test_unknown_model_is_refused(self):
        data = self._workflow_with(lambda w: w["definition"].update(model="no.such.model"))
        self.assertRefused(data, "Unknown model no.such.model")

    def test_model_outside_the_allow_list_is_refused(self):
        for model in ("res.users", "ir.config_parameter", "res.partner"):
            data = self._workflow_with(lambda w, m=model: w["definition"].update(model=m))
            self.assertRefused(data, f"cannot run on {model}")

    def test_unknown_date_field_is_refused(self):
        data = self._workflow_with(lambda w: w["definition"].update(date_field="date_nope"))
        self.assertRefused(data, "date_nope is not a stored date field")

    def test_dangerous_domains_are_refused(self):
        for domain, message in (
            ("[('user_id.password', '=', 'x')]", "reaches into res.users"),
            ("__import__('os').system('id')", "is not a literal domain"),
            ("[('nope', '=', 1)]", "does not have"),
        ):
            data = self._workflow_with(lambda w, d=domain: w["definition"].update(domain=d))
            self.assertRefused(data, message)

    def test_unknown_jump_and_activity_type_are_refused(self):
        def change(workflow):
            workflow["steps"][1]["activity_type"] = "mail.no_such_type"
            workflow["steps"][0]["goto"] = "ZZ"
        self.assertRefused(self._workflow_with(change), "unknown step 'ZZ'")
        self.assertRefused(
            self._workflow_with(lambda w: w["steps"][1].update(activity_type="mail.nope")),
            "unknown activity_type mail.nope",
        )

    def test_manager_cannot_import_a_workflow_for_every_company(self):
        with self.assertRaises(UserError) as caught:
            self.Import._import_package(self.package, "probe", self.env["res.company"])
        self.assertIn("Choose one of your companies", str(caught.exception))
        with self.assertRaises(UserError):
            self.Import._import_package(self.package, "probe", self.other_company)
        self.assertFalse(self.env["claims.workflow.definition"].search(
            [("name", "like", "[probe]")]))

    def test_import_creates_as_the_importing_user(self):
        imported = self.Import._import_package(self.package, "broker_e")
        self.assertEqual(imported.company_id, self.company)
        self.assertEqual(imported.create_uid, self.user_manager)
        self.assertEqual(imported.step_ids.mail_template_id.create_uid, self.user_manager)

    def test_template_with_code_is_refused(self):
        files = self._files()
        name = next(n for n in files if n.startswith("templates/"))
        files[name] = (
            b"<template model='claims.inspection.report'><name>x</name>"
            b"<subject>{{ object.env['res.users'].search([]).mapped('password') }}</subject>"
            b"</template>"
        )
        self.assertRefused(self._zip(files), "uses code beyond plain field placeholders")

