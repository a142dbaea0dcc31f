# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import ClaimsConnectorCommon


@tagged("post_install", "-at_install")
class TestClaimsBindingCompany(ClaimsConnectorCommon):
    """A connector's bindings stay in the company of its backend."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.outsider = new_test_user(
            cls.env, login="outsider_integration",
            groups="claims_base.group_claims_manager,claims_connector.group_claims_integration",
            company_id=cls.other_company.id, company_ids=[Command.set(cls.other_company.ids)],
        )
        cls.binding = cls.env["claims.binding"]._reserve(
            cls.backend, "claims.claim", external_id="T-COMPANY")

    def test_binding_takes_the_company_of_its_backend(self):
        self.assertEqual(self.binding.company_id, self.company)

    def test_integration_admin_of_other_company_cannot_read_a_binding(self):
        Binding = self.env["claims.binding"].with_user(self.outsider)
        self.assertFalse(Binding.search([("id", "=", self.binding.id)]))
        with self.assertRaises(AccessError):
            self.binding.with_user(self.outsider).read(["external_id"])

    def test_own_company_reads_it(self):
        Binding = self.env["claims.binding"].with_user(self.user_manager)
        self.assertEqual(Binding.search([("id", "=", self.binding.id)]), self.binding)
