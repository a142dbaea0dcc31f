# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged

from ..models.claims_payment import PAYMENT_STATES


@tagged("post_install", "-at_install")
class TestDemoDesk(TransactionCase):
    """A fresh demo database looks like a working desk, with the rules kept."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.claim = cls.env.ref("claims_base.claims_demo_claim_maasvlakte_od",
                                raise_if_not_found=False)

    def setUp(self):
        super().setUp()
        if not self.claim:
            self.skipTest("installed without demo data")

    def _demo_records(self, model):
        names = self.env["ir.model.data"].search(
            [("module", "=", "claims_base"), ("model", "=", model),
             ("name", "=like", "claims_demo_%")])
        return self.env[model].browse(names.mapped("res_id"))

    def test_payments_in_every_state(self):
        states = set(self._demo_records("claims.payment").mapped("state"))
        self.assertEqual(states, {key for key, _label in PAYMENT_STATES})

    def test_claims_across_stages_and_statuses(self):
        claims = self._demo_records("claims.claim")
        self.assertGreaterEqual(len(claims.stage_id), 4)
        self.assertEqual(set(claims.mapped("file_status")),
                         {"open_unassigned", "open", "closed"})
        self.assertTrue(claims.filtered("is_marked_off"))
        self.assertEqual(len(claims.company_id), 2, "claims in both branches")

    def test_money_follows_the_ledger(self):
        self.assertRecordValues(self.claim, [{
            "amount_reserve": 19700, "amount_paid": 1150, "amount_pending": 9000,
            "amount_outstanding": 9550,
        }])
        self.assertEqual(len(self.claim.reserve_line_ids), 3)

    def test_desk_has_documents_deadlines_and_fleet(self):
        self.assertTrue(self.claim.document_ids.attachment_id)
        self.assertTrue(self._demo_records("claims.claim").deadline_ids)
        kinds = set(self._demo_records("fleet.vehicle").mapped("vehicle_type"))
        self.assertEqual(kinds, {"truck", "trailer"})
        self.assertEqual(len(self._demo_records("claims.policy").insurer_id), 3)

    def test_opening_claims_again_creates_nothing(self):
        incident = self.claim.incident_id
        before = incident.claim_ids
        incident.action_open_claims()
        incident.invalidate_recordset()
        self.assertEqual(incident.claim_ids, before)
