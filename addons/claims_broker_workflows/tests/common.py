# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo import Command

from odoo.addons.claims_base.tests.common import ClaimsCommon


class ClaimsWorkflowsCommon(ClaimsCommon):
    """A building policy of a customer with an e-mail address, managed by Hanna Handler, with
    a building and its Scope 10 inspection report ending on 31 December 2027 (start moment
    of the shipped workflow: 31 January 2027)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.definition = cls.env.ref("claims_broker_workflows.claims_workflow_definition_scope10")
        cls.customer = cls.env["res.partner"].create({
            "name": "Bakkerij De Vries", "email": "info@bakkerij-devries.example",
            "is_company": True,
        })
        cls.building_policy = cls.env["claims.policy"].create({
            "name": "OPS-2027-001",
            "company_id": cls.company.id,
            "insurer_id": cls.insurer.id,
            "policyholder_id": cls.customer.id,
            "user_id": cls.user_handler.id,
            "line_of_business": "building",
            "date_start": "2026-01-01",
        })
        cls.building = cls.env["claims.insured.object"].create({
            "policy_id": cls.building_policy.id,
            "object_type": "building",
            "name": "Dorpsstraat 12, Zwolle",
        })
        cls.report = cls._create_report("2027-12-31")

    @classmethod
    def _task_definition(cls, name, company=None, **values):
        """A workflow of ``company`` (default: the account) on Scope 10 reports, started 11
        months before their end date, with one task for the account manager."""
        return cls.env["claims.workflow.definition"].create({
            "name": name,
            "company_id": (cls.company if company is None else company).id,
            "model_id": cls.env["ir.model"]._get_id("claims.inspection.report"),
            "date_field_id": cls.env["ir.model.fields"]._get(
                "claims.inspection.report", "date_end").id,
            "domain": "[('scope', '=', 'scope_10')]",
            "start_amount": 11,
            "start_unit": "month",
            "start_direction": "before",
            "user_path": "user_id",
            "step_ids": [Command.create({
                "code": "T", "name": f"{name}: call the customer", "kind": "task",
                "activity_type_id": cls.env.ref("mail.mail_activity_data_todo").id,
            })],
            **values,
        })

    @classmethod
    def _create_report(cls, date_end, scope="scope_10", insured=None):
        return cls.env["claims.inspection.report"].create({
            "insured_object_id": (insured or cls.building).id,
            "scope": scope,
            "date_inspection": "2022-12-31",
            "date_end": date_end,
        })

    def _scan(self, day):
        """The scheduled scan on ``day`` (the clock of the whole run is moved)."""
        with freeze_time(day):
            return self.env["claims.workflow.definition"]._cron_start_instances(commit=False)

    def _instances(self, record=None, definition=None):
        record = record or self.report
        return self.env["claims.workflow.instance"].search([
            ("res_model", "=", record._name), ("res_id", "=", record.id),
            ("definition_id", "=", (definition or self.definition).id),
        ])

    def _mark_done(self, instance, day, user=None):
        activity = instance.activity_id
        self.assertTrue(activity, f"{instance.display_name} waits for no activity")
        with freeze_time(day):
            activity.with_user(user or activity.user_id).action_done()

    def _answer(self, instance, day, answer, user=None):
        """Answer the instance's question from its activity, as the activity's user."""
        activity = instance.activity_id
        option = instance.step_id.option_ids.filtered(
            lambda o: o.answer == answer or o.name.startswith(f"{answer})")
        )
        self.assertEqual(len(option), 1, f"no answer {answer} on {instance.step_id.code}")
        with freeze_time(day):
            activity.with_user(user or activity.user_id).action_workflow_answer(option.id)

    def _mails(self, record=None):
        record = record or self.report
        return self.env["mail.mail"].search(
            [("model", "=", record._name), ("res_id", "=", record.id)], order="id"
        )

    def _notes(self, record, text):
        return record.message_ids.filtered(lambda m: text in (m.body or ""))

    def assertActivity(self, instance, code, deadline, user):
        activity = instance.activity_id
        self.assertEqual(instance.step_id.code, code)
        self.assertRecordValues(activity, [{
            "date_deadline": date.fromisoformat(deadline),
            "user_id": user.id,
            "res_id": instance.res_id,
            "res_model": instance.res_model,
        }])
