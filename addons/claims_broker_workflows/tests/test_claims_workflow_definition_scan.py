# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ClaimsWorkflowsCommon


@tagged("post_install", "-at_install")
class TestClaimsWorkflowDefinitionScan(ClaimsWorkflowsCommon):
    """The scheduled scan: who starts, when, and never twice."""

    def test_nothing_starts_before_the_start_moment(self):
        self.assertFalse(self._scan("2027-01-30"))
        self.assertFalse(self._instances())

    def test_cron_twice_starts_nothing_twice(self):
        first = self._scan("2027-02-01")
        second = self._scan("2027-02-02")
        self.assertEqual(len(first), 1)
        self.assertFalse(second)
        self.assertEqual(len(self._instances()), 1)
        self.assertEqual(len(self._mails()), 1)

    def test_unique_key_is_kept_by_the_database(self):
        self._scan("2027-02-01")
        rows = [(self.definition.id, self.report.id, date(2027, 12, 31))]
        with mute_logger("odoo.sql_db"):
            again = self.env["claims.workflow.instance"]._start_batch(rows)
        self.assertFalse(again)
        self.assertEqual(len(self._instances()), 1)

    def test_scan_is_one_query(self):
        definitions = self.env["claims.workflow.definition"].search([])
        definitions._scan_query(date(2027, 2, 1))  # warm the cache
        query = definitions._scan_query(date(2027, 2, 1))
        self.env.flush_all()
        with self.assertQueryCount(1):
            rows = self.env.execute_query(query)
        self.assertIn((self.definition.id, self.report.id, date(2027, 12, 31)), rows)

    def test_condition_excludes_other_policies_and_scopes(self):
        motor_object = self.env["claims.insured.object"].create({
            "policy_id": self.policy.id, "object_type": "other", "name": "Depot"
        })
        motor_report = self._create_report("2027-12-31", insured=motor_object)
        scope_12 = self._create_report("2027-12-31", scope="scope_12")
        self._scan("2027-02-01")
        self.assertEqual(len(self._instances()), 1)
        self.assertFalse(self._instances(motor_report))
        self.assertFalse(self._instances(scope_12))

    def test_late_record_starts_at_once_with_due_dates_today(self):
        late = self._create_report("2027-03-31")
        self._scan("2027-03-01")
        instance = self._instances(late)
        self.assertEqual(instance.date_start, date(2026, 4, 30))
        self.assertEqual(len(self._mails(late)), 1)
        self.assertActivity(instance, "S2", "2027-03-01", self.user_handler)

    def test_expired_record_does_not_start(self):
        expired = self._create_report("2027-01-15")
        self._scan("2027-02-01")
        self.assertFalse(self._instances(expired))

    def test_moved_anchor_keeps_dates_and_starts_a_new_instance(self):
        self._scan("2027-02-01")
        instance = self._instances()
        self.report.date_end = "2028-01-31"
        self._scan("2027-03-01")
        self.assertTrue(instance.anchor_moved)
        self.assertEqual(instance.date_anchor, date(2027, 12, 31))
        self.assertEqual(instance.activity_id.date_deadline, date(2027, 5, 31))
        self.assertTrue(self._notes(self.report, "this workflow keeps its dates"))
        self.assertTrue(any("keeps its dates" in (m or "") for m in
                            instance.history_ids.mapped("message")))
        instances = self._instances()
        self.assertEqual(len(instances), 2)
        self.assertEqual(set(instances.mapped("date_anchor")),
                         {date(2027, 12, 31), date(2028, 1, 31)})

    def test_repeat_cycle_starts_a_new_instance(self):
        definition = self.env["claims.workflow.definition"].create({
            "name": "Yearly policy review",
            "model_id": self.env["ir.model"]._get_id("claims.policy"),
            "date_field_id": self.env["ir.model.fields"]._get("claims.policy", "date_start").id,
            "domain": "[('line_of_business', '=', 'building')]",
            "start_amount": 1,
            "start_unit": "month",
            "start_direction": "before",
            "repeat": True,
            "repeat_years": 1,
            "user_path": "user_id",
            "company_id": self.company.id,
            "step_ids": [
                Command.create({
                    "code": "T", "name": "Review the cover", "kind": "task",
                    "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
                }),
                Command.create({"code": "E", "name": "End", "kind": "end", "sequence": 20}),
            ],
        })
        self._scan("2026-12-05")
        first = self._instances(self.building_policy, definition)
        self.assertEqual(first.date_anchor, date(2027, 1, 1))
        self._mark_done(first, "2026-12-10")
        self.assertEqual(first.state, "done")
        self.assertFalse(self._scan("2027-06-01").filtered(lambda i: i.definition_id == definition))
        self._scan("2027-12-02")
        both = self._instances(self.building_policy, definition)
        self.assertEqual(both.mapped("date_anchor"), [date(2028, 1, 1), date(2027, 1, 1)])

    def test_bad_condition_is_refused(self):
        with self.assertRaises(ValidationError):
            self.definition.domain = "[('create_uid.password', '=', 'x')]"
        with self.assertRaises(ValidationError):
            self.definition.domain = "__import__('os').system('true')"
        with self.assertRaises(ValidationError):
            self.definition.domain = "[('no_such_field', '=', 1)]"

    def test_editing_a_used_definition_makes_a_new_version(self):
        self._scan("2027-02-01")
        instance = self._instances()
        old_names = sorted(self.definition.step_ids.mapped("name"))
        self.definition.step_ids.filtered(lambda s: s.code == "S2").name = "Call the customer"
        self.assertEqual(self.definition.version, 2)
        self.assertNotEqual(instance.version_id, self.definition)
        self.assertEqual(instance.version_id.version_of_id, self.definition)
        self.assertEqual(instance.step_id.name, "Follow up Scope 10 inspection")
        self.assertEqual(sorted(instance.version_id.step_ids.mapped("name")), old_names)
        self.assertEqual(instance.state, "task")
        self._mark_done(instance, "2027-05-01")
        self.assertEqual(instance.step_id.code, "S3")
        self.assertEqual(instance.step_id.definition_id, instance.version_id)
        other = self._create_report("2027-12-30")
        self._scan("2027-02-01")
        self.assertEqual(self._instances(other).activity_id.summary, "Call the customer")

    def test_manager_starts_due_workflows_from_the_form_user_cannot(self):
        self.definition.company_id = self.company
        with self.assertRaises(UserError):
            self.definition.with_user(self.user_handler).action_run_scan()
        with freeze_time("2027-02-01"):
            action = self.definition.with_user(self.user_manager).action_run_scan()
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(len(self._instances()), 1)

    def test_run_now_starts_that_definition_only(self):
        definition_a = self._task_definition("Workflow A")
        definition_b = self._task_definition("Workflow B")
        with freeze_time("2027-02-01"):
            action = definition_a.with_user(self.user_manager).action_run_scan()
        self.assertIn("1 workflows started", action["params"]["message"])
        self.assertEqual(len(self._instances(definition=definition_a)), 1)
        self.assertFalse(self._instances(definition=definition_b))
        self.assertFalse(self._instances(), "the shared Scope 10 workflow waits for the cron")
        self._scan("2027-02-01")
        self.assertEqual(len(self._instances(definition=definition_b)), 1)
        self.assertEqual(len(self._instances(definition=definition_a)), 1)

    def test_run_now_of_an_archived_definition_starts_nothing(self):
        definition = self._task_definition("Archived workflow", active=False)
        with freeze_time("2027-02-01"):
            definition.with_user(self.user_manager).action_run_scan()
        self.assertFalse(self.env["claims.workflow.instance"].search([]))

    def test_models_outside_the_allow_list_are_refused(self):
        Definition = self.env["claims.workflow.definition"]
        for model in ("res.users", "ir.config_parameter", "res.partner", "claims.mail.review"):
            with self.subTest(model=model), self.assertRaises(ValidationError) as caught:
                Definition.create({
                    "name": f"Scan {model}",
                    "company_id": False,
                    "model_id": self.env["ir.model"]._get_id(model),
                    "date_field_id": self.env["ir.model.fields"]._get(model, "create_date").id,
                })
            self.assertIn(f"Workflows cannot run on {model}", str(caught.exception))
        self.assertFalse(Definition.search([("name", "like", "Scan ")]))
        with self.assertRaises(ValidationError):
            self.definition.model_id = self.env["ir.model"]._get("res.partner")

    def test_administrator_extends_the_allow_list(self):
        self.env["ir.config_parameter"].set_param(
            "claims_broker_workflows.extra_models", "res.partner, ir.config_parameter")
        Definition = self.env["claims.workflow.definition"]
        values = {
            "company_id": False,
            "model_id": self.env["ir.model"]._get_id("res.partner"),
            "date_field_id": self.env["ir.model.fields"]._get("res.partner", "create_date").id,
        }
        partners = Definition.create({"name": "Partner follow-up", **values})
        self.assertEqual(partners.model, "res.partner")
        with self.assertRaises(ValidationError, msg="technical models stay out"):
            Definition.create({
                **values,
                "name": "Parameters",
                "model_id": self.env["ir.model"]._get_id("ir.config_parameter"),
                "date_field_id": self.env["ir.model.fields"]._get(
                    "ir.config_parameter", "create_date").id,
            })
