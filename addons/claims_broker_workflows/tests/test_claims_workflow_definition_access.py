# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import ClaimsWorkflowsCommon


@tagged("post_install", "-at_install")
class TestClaimsWorkflowDefinitionAccess(ClaimsWorkflowsCommon):
    """Definitions belong to a company; one without a company is for administrators only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.definition_a = cls._task_definition("Workflow of A")
        cls.user_other = new_test_user(
            cls.env, login="other_manager", groups="claims_base.group_claims_manager",
            company_id=cls.other_company.id, company_ids=[Command.set(cls.other_company.ids)],
        )
        cls.admin = cls.env.ref("base.user_admin")
        cls.admin.company_ids = [Command.link(cls.company.id)]

    def _visible(self, user):
        return self.env["claims.workflow.definition"].with_user(user).search([])

    def test_user_of_another_company_cannot_see_definitions(self):
        self.assertNotIn(self.definition_a, self._visible(self.user_other))
        with self.assertRaises(AccessError):
            self.definition_a.with_user(self.user_other).read(["name", "domain"])
        with self.assertRaises(AccessError):
            self.definition_a.step_ids.with_user(self.user_other).read(["name"])
        with self.assertRaises(AccessError):
            self.definition_a.with_user(self.user_other).write({"name": "Hijacked"})
        self.assertEqual(self.definition_a.name, "Workflow of A")

    def test_handler_cannot_see_or_edit_a_shared_definition(self):
        self.assertIn(self.definition_a, self._visible(self.user_handler))
        self.assertNotIn(self.definition, self._visible(self.user_handler))
        with self.assertRaises(AccessError):
            self.definition.with_user(self.user_handler).read(["domain"])
        with self.assertRaises(AccessError):
            self.definition.with_user(self.user_handler).write({"domain": "[]"})

    def test_manager_cannot_edit_a_shared_definition_or_its_steps(self):
        self.assertNotIn(self.definition, self._visible(self.user_manager))
        step = self.definition.step_ids[:1]
        with self.assertRaises(AccessError):
            self.definition.with_user(self.user_manager).write({"start_amount": 1})
        with self.assertRaises(AccessError):
            step.with_user(self.user_manager).write({"name": "Changed"})
        with self.assertRaises(AccessError):
            self.env["claims.workflow.step"].with_user(self.user_manager).create({
                "definition_id": self.definition.id, "code": "X1", "name": "Extra",
                "kind": "end",
            })
        self.assertEqual(self.definition.start_amount, 11)
        self.assertNotEqual(step.name, "Changed")

    def test_administrator_sees_and_edits_shared_definitions(self):
        self.assertIn(self.definition, self._visible(self.admin))
        self.definition.with_user(self.admin).write({"grace_days": 3})
        self.assertEqual(self.definition.grace_days, 3)

    def test_manager_cannot_share_a_definition_with_every_company(self):
        with self.assertRaises(AccessError):
            self.env["claims.workflow.definition"].with_user(self.user_manager).create({
                "name": "Everyone's", "company_id": False,
                "model_id": self.definition_a.model_id.id,
                "date_field_id": self.definition_a.date_field_id.id,
            })
        for company in (self.env["res.company"], self.other_company):
            with self.assertRaises(ValidationError):
                self.definition_a.with_user(self.user_manager).write({"company_id": company.id})
        self.assertEqual(self.definition_a.company_id, self.company)

    def test_manager_creates_a_definition_for_the_current_company(self):
        definition = self.env["claims.workflow.definition"].with_user(self.user_manager).create({
            "name": "Mine",
            "model_id": self.definition_a.model_id.id,
            "date_field_id": self.definition_a.date_field_id.id,
        })
        self.assertEqual(definition.company_id, self.company)

    def test_a_step_stays_in_its_workflow(self):
        step = self.definition_a.step_ids
        with self.assertRaises(AccessError):
            step.with_user(self.user_manager).write({"definition_id": self.definition.id})
        self.assertEqual(step.definition_id, self.definition_a)

    def test_jumps_stay_in_their_workflow(self):
        foreign = self.definition.step_ids[:1]
        with self.assertRaises(ValidationError):
            self.env["claims.workflow.step"].with_user(self.user_manager).create({
                "definition_id": self.definition_a.id, "code": "G", "name": "Jump away",
                "kind": "goto", "goto_step_id": foreign.id,
            })
        question = self.definition.step_ids.filtered(lambda s: s.code == "S3")
        with self.assertRaises(ValidationError):
            question.option_ids[:1].next_step_id = self.definition_a.step_ids

    def test_copy_points_jumps_at_its_own_steps(self):
        copy = self.definition.copy({"company_id": self.company.id})
        jumps = copy.step_ids.goto_step_id | copy.step_ids.option_ids.next_step_id
        self.assertTrue(jumps)
        self.assertEqual(jumps.definition_id, copy)

    def test_version_fields_are_for_the_engine_only(self):
        with self.assertRaises(AccessError):
            self.definition_a.with_user(self.user_manager).write({"version": 7})
        with self.assertRaises(AccessError):
            self.definition_a.with_user(self.user_manager).write(
                {"version_of_id": self.definition_a.copy().id})
        with self.assertRaises(AccessError):
            self.definition_a.with_user(self.user_manager).copy({"version_of_id": False,
                                                                  "version": 3})
        self.assertEqual(self.definition_a.version, 1)
        self.assertFalse(self.definition_a.version_of_id)
