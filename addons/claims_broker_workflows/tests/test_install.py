# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestClaimsBrokerWorkflowsInstall(TransactionCase):
    def test_installed_on_top_of_claims_base(self):
        modules = self.env["ir.module.module"].search(
            [("name", "in", ("claims_broker_workflows", "claims_base"))]
        )
        self.assertEqual(set(modules.mapped("state")), {"installed"})
        self.assertEqual(len(modules), 2)
