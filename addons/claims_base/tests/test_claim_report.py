# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import tagged

from .common import ClaimsCommon

REPORT = "claims_base.claims_claim_report_summary"


@tagged("post_install", "-at_install")
class TestClaimReport(ClaimsCommon):
    """The claim summary shows the claim, its money per coverage, participants, documents."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.coverage._add_reserve(10000, "estimate")
        payment = cls._payment_cls(3000)
        payment.action_request()
        payment.with_user(cls.user_manager).action_approve()
        cls.claim.write({
            "claimant_id": cls.payee.id,
            "participant_ids": [Command.create({
                "partner_id": cls.broker.id,
                "role_id": cls.env.ref("claims_base.claims_participant_role_broker").id,
            })],
            "document_ids": [Command.create({
                "name": "front-bumper.jpg",
                "category_id": cls.env.ref("claims_base.claims_document_category_photo").id,
            })],
        })

    @classmethod
    def _payment_cls(cls, amount):
        return cls.env["claims.payment"].create({
            "claim_id": cls.claim.id, "coverage_id": cls.coverage.id,
            "partner_id": cls.payee.id, "amount": amount, "remarks": "repair",
        })

    def test_summary_shows_claim_money_participants_and_documents(self):
        html, kind = self.env["ir.actions.report"].with_user(self.user_handler)._render_qweb_html(
            REPORT, self.claim.ids)
        self.assertEqual(kind, "html")
        html = html.decode()
        for text in (self.claim.name, "Delta Insurance", "POL-001", "Own damage",
                     "10,000.00", "3,000.00", "7,000.00", "Brokers &amp; Co",
                     "front-bumper.jpg", "Photos", "Garage Jansen"):
            self.assertIn(text, html)

    def test_summary_is_offered_in_the_claim_print_menu(self):
        report = self.env.ref(REPORT)
        self.assertEqual(report.binding_model_id.model, "claims.claim")
        self.assertTrue(self.env.ref("claims_base.claims_claim_report_summary_document"))
