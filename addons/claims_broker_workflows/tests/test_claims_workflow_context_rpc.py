# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
from datetime import datetime, timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import ClaimsWorkflowsCommon


@tagged("post_install", "-at_install")
class TestClaimsWorkflowContextRpc(HttpCase, ClaimsWorkflowsCommon):
    """Over JSON-2 the caller chooses the context: no context key unlocks a workflow rule.

    Each test sends a context key that the workflows once trusted (``workflow_answering``,
    ``workflow_internal``, ``workflow_versioning``, ``workflow_no_commit``,
    ``workflow_instance_id``) and checks that the rule still holds."""

    def setUp(self):
        super().setUp()
        self._scan("2027-02-01")
        self.instance = self._instances()

    def _bearer(self, user):
        key = self.env["res.users.apikeys"].with_user(user)._generate(
            scope="rpc", name="test", expiration_date=datetime.now() + timedelta(days=1))
        return {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}

    def _json2(self, user, model, method, ids, context, **kwargs):
        response = self.url_open(
            f"/json/2/{model}/{method}",
            data=json.dumps({"ids": ids, "context": context, **kwargs}),
            headers=self._bearer(user),
        )
        self.env.invalidate_all()
        return response

    @mute_logger("odoo.http")
    def test_workflow_answering_does_not_close_a_question(self):
        self._mark_done(self.instance, "2027-05-01")
        question = self.instance.activity_id
        for method in ("action_done", "action_feedback", "action_archive"):
            response = self._json2(self.user_handler, "mail.activity", method, question.ids,
                                   {"workflow_answering": True})
            self.assertEqual(response.status_code, 422, response.text)
            self.assertIn("answer it", response.text)
        self.assertRecordValues(self.instance, [{
            "state": "question", "activity_id": question.id,
        }])
        self.assertTrue(question.active)
        self.assertFalse(self.instance.history_ids.filtered("option_id"))

    @mute_logger("odoo.http")
    def test_workflow_internal_does_not_delete_a_task_silently(self):
        task = self.instance.activity_id
        response = self._json2(self.user_handler, "mail.activity", "unlink", task.ids,
                               {"workflow_internal": True})
        self.assertEqual(response.status_code, 200, response.text)
        self.assertFalse(task.exists())
        self.assertEqual(self.instance.state, "paused")
        self.assertTrue(self._notes(self.report, "was cancelled by Hanna Handler"))

    @mute_logger("odoo.http")
    def test_handler_cannot_unlink_the_workflow_link_of_an_activity(self):
        task = self.instance.activity_id
        response = self._json2(self.user_handler, "mail.activity", "write", task.ids,
                               {"workflow_internal": True},
                               vals={"workflow_instance_id": False})
        self.assertEqual(response.status_code, 403, response.text)
        self.assertEqual(task.workflow_instance_id, self.instance)
        self.assertEqual(self.instance.state, "task")

    @mute_logger("odoo.http")
    def test_workflow_versioning_does_not_let_a_handler_edit_steps(self):
        step = self.instance.step_id
        response = self._json2(self.user_handler, "claims.workflow.step", "write", step.ids,
                               {"workflow_versioning": True}, vals={"name": "Skip the call"})
        self.assertEqual(response.status_code, 403, response.text)
        self.assertEqual(step.name, "Follow up Scope 10 inspection")
        self.assertEqual(self.definition.version, 1)

    def test_workflow_versioning_does_not_change_running_instances(self):
        self.definition.company_id = self.company
        step = self.instance.step_id
        question = self.definition.step_ids.filtered(lambda s: s.code == "S3")
        for model, records, vals in (
            ("claims.workflow.step", step, {"name": "Skip the call"}),
            ("claims.workflow.definition", self.definition, {"start_amount": 1}),
            ("claims.workflow.option", question.option_ids[:1], {"name": "Z) Nothing"}),
        ):
            response = self._json2(self.user_manager, model, "write", records.ids,
                                   {"workflow_versioning": True}, vals=vals)
            self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(self.definition.version, 2)
        version = self.instance.version_id
        self.assertEqual(version.version_of_id, self.definition)
        self.assertRecordValues(version, [{"start_amount": 11, "active": False}])
        self.assertEqual(self.instance.step_id.name, "Follow up Scope 10 inspection")
        self.assertEqual(
            version.step_ids.filtered(lambda s: s.code == "S3").option_ids[:1].name,
            "A) Customer knows / is arranging it",
        )

    @mute_logger("odoo.http")
    def test_manager_cannot_write_the_version_fields(self):
        definition = self._task_definition("Workflow A")
        response = self._json2(self.user_manager, "claims.workflow.definition", "write",
                               definition.ids, {"workflow_versioning": True},
                               vals={"version": 9, "version_of_id": self.definition.id})
        self.assertEqual(response.status_code, 403, response.text)
        self.assertRecordValues(definition, [{"version": 1, "version_of_id": False}])

    @mute_logger("odoo.http")
    def test_workflow_no_commit_run_now_runs_one_definition_for_managers(self):
        today = fields.Date.context_today(self.env["res.users"])
        report = self._create_report(fields.Date.to_string(today + timedelta(days=60)))
        definition_a = self._task_definition("Workflow A")
        definition_b = self._task_definition("Workflow B")
        response = self._json2(self.user_handler, "claims.workflow.definition",
                               "action_run_scan", definition_a.ids, {"workflow_no_commit": False})
        self.assertEqual(response.status_code, 422, response.text)
        self.assertFalse(self._instances(report, definition_a))
        response = self._json2(self.user_manager, "claims.workflow.definition",
                               "action_run_scan", definition_a.ids, {"workflow_no_commit": False})
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(len(self._instances(report, definition_a)), 1)
        self.assertFalse(self._instances(report, definition_b))
        self.assertFalse(self._instances(report))

    @mute_logger("odoo.http")
    def test_workflow_instance_id_of_another_company_is_refused(self):
        self._mark_done(self.instance, "2027-05-01")
        outsider = new_test_user(
            self.env, login="outsider_rpc", groups="claims_base.group_claims_user",
            company_id=self.other_company.id, company_ids=[Command.set(self.other_company.ids)],
        )
        option = self.instance.option_ids[:1]
        response = self._json2(outsider, "claims.workflow.option", "action_choose", option.ids,
                               {"workflow_instance_id": self.instance.id})
        self.assertEqual(response.status_code, 403, response.text)
        self.assertEqual(self.instance.state, "question")
        self.assertFalse(self.instance.history_ids.filtered("option_id"))
