# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ClaimsOpusCommon, make_allocation


@tagged("post_install", "-at_install")
class TestOpusAllocationImport(ClaimsOpusCommon):
    """One import of 12 allocations (every incident code of the guide, in turn) for the
    class; each test reads it."""

    allocations = 12

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for n in range(1, cls.allocations + 1):
            cls.sim.add_allocation(make_allocation(n))
        cls._poll()

    def test_every_field_and_code_of_an_allocation_arrives(self):
        claim = self._claim("ALC-100011")  # code ST
        self.assertRecordValues(claim, [{
            "insurer_claim_number": "HOM-2026-000011",
            "opus_status": "Book", "opus_incident_code": "ST",
            "opus_incident_type": "storm_wind", "opus_brand": "NRMA Insurance",
            "claim_type_id": self.env.ref("claims_opus.claims_claim_type_iag").id,
            "stage_id": self.env.ref("claims_base.claims_claim_stage_new").id,
            "opus_backend_id": self.backend.id, "company_id": self.company.id,
        }])
        self.assertEqual(str(claim.date_assigned), "2026-11-20")
        self.assertEqual(str(claim.date_loss), "2026-11-18")
        self.assertEqual(claim.description, "Storm lifted roof sheets; water through the ceiling.")
        self.assertRecordValues(claim.policy_id, [{
            "name": "HOM700000011", "line_of_business": "homeowners",
            "amount_sum_insured": 661000.0, "policyholder_id": claim.claimant_id.id}])
        self.assertEqual(str(claim.opus_policy_inception), "2019-03-01")
        self.assertEqual(claim.opus_sum_insured, 661000.0)
        self.assertRecordValues(claim.claimant_id, [{
            "name": "Pat Holder11", "email": "holder11@example.com.au", "phone": "0412 555 011",
            "opus_phone_home": "02 9555 0100", "street": "11 Harbour Street", "city": "Sydney",
            "zip": "2000", "country_id": self.env.ref("base.au").id}])
        self.assertEqual(claim.claimant_id.state_id.code, "NSW")
        self.assertEqual(claim.claimant_id.claims_ref_ids.mapped("ref"), ["CUS-500011"])
        expected = {
            "CA": "earthquake_tsunami", "CO": "impact", "DA": "accidental_damage",
            "FE": "fire", "FL": "flood", "FS": "explosion", "GL": "other", "HB": "other",
            "LR": "other", "OT": "other", "ST": "storm_wind", "TH": "theft_burglary"}
        claims = self.env["claims.claim"].search([("opus_backend_id", "=", self.backend.id)])
        self.assertEqual(len(claims), 12)
        self.assertEqual({c.opus_incident_code: c.opus_incident_type for c in claims}, expected)

    def test_documents_of_the_allocation_are_filed_with_their_opus_type(self):
        claim = self._claim("ALC-100001")
        self.assertEqual(
            sorted((d.name, d.category_id.code) for d in claim.document_ids),
            [("Claim form HOM-2026-000001.pdf", "opus_claim_form"),
             ("Photos from the customer.pdf", "opus_photos")])
        self.assertTrue(claim.document_ids[0].datas)
        self.assertEqual(claim.document_ids.attachment_id.mapped("mimetype"),
                         ["application/pdf"] * 2)

    def test_a_second_run_creates_nothing(self):
        self.assertEqual(len(self._exchanges("allocation")), 12)
        self.sim.requests.clear()
        self._poll()
        self.assertEqual(len(self._exchanges("allocation")), 12)
        self.assertEqual(self.env["claims.claim"].search_count(
            [("opus_backend_id", "=", self.backend.id)]), 12)
        opened = [r.path for r in self.sim.requests if r.path.startswith("/allocations/")]
        self.assertEqual(opened, [], "no allocation page opened again")


    def test_a_user_cannot_change_what_opus_owns(self):
        claim = self._claim("ALC-100001").with_user(self.user_handler)
        with self.assertRaises(UserError) as caught:
            claim.write({"date_loss": "2026-11-01", "description": "Seen on site"})
        self.assertIn("(Date of loss)", str(caught.exception))
        with self.assertRaises(UserError):
            claim.opus_status = "Closed"
        claim.description = "Seen on site"  # ours
        self.assertEqual(claim.description, "Seen on site")
        self.assertEqual(str(claim.date_loss), "2026-11-18")


@tagged("post_install", "-at_install")
class TestOpusAllocationMatching(ClaimsOpusCommon):
    allocations = 3

    def test_an_unknown_code_is_other_with_a_warning_never_lost(self):
        self.sim.add_allocation(make_allocation(4, incident_code="ZZ"))
        self._poll()
        claim = self._claim("ALC-100004")
        self.assertEqual(claim.opus_incident_type, "other")
        self.assertEqual(claim.opus_incident_code, "ZZ")
        activity = claim.activity_ids
        self.assertEqual(activity.activity_type_id,
                         self.env.ref("mail.mail_activity_data_warning"))
        self.assertIn("Unknown Opus incident code", str(activity.note))
        exchange = self._exchanges("allocation").filtered(lambda e: e.external_id == "ALC-100004")
        self.assertEqual((exchange.state, exchange.record_ref), ("done", claim))
        self.assertIn("Unknown Opus incident code 'ZZ'", exchange.summary)

    def test_policyholder_matched_on_opus_id_or_exact_email_only(self):
        by_id = self.env["res.partner"].create({
            "name": "Known by id", "claims_ref_ids": [(0, 0, {"system": "opus",
                                                              "ref": "CUS-500001"})]})
        by_email = self.env["res.partner"].create({"name": "Known by e-mail",
                                                   "email": "holder2@example.com.au"})
        same_name = self.env["res.partner"].create({"name": "Pat Holder3",
                                                    "email": "HOLDER3@example.com"})
        self._poll()
        self.assertEqual(self._claim("ALC-100001").claimant_id, by_id)
        self.assertEqual(self._claim("ALC-100002").claimant_id, by_email)
        self.assertEqual(by_email.claims_ref_ids.mapped("ref"), ["CUS-500002"])
        self.assertNotEqual(self._claim("ALC-100003").claimant_id, same_name)

    def test_the_customer_contact_flow_is_off_until_turned_on(self):
        self.assertFalse(self.env["claims.opus.backend"].new({}).contact_on_allocation)
        self.backend.contact_on_allocation = True
        self._poll()
        comment = self.env.ref("mail.mt_comment")
        for n in (1, 2, 3):
            claim = self._claim(f"ALC-10000{n}")
            mail = claim.message_ids.filtered(lambda m, c=comment: m.subtype_id == c)
            self.assertEqual(mail.partner_ids, claim.claimant_id)
            self.assertEqual(mail.subject, f"Your claim HOM-2026-00000{n}: your repairer")
