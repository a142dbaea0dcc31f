# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
from datetime import datetime, timedelta

from pypdf import PdfReader

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.queue_job.exception import RetryableJobError
from odoo.addons.queue_job.tests.common import trap_jobs

from .common import ClaimsPolicyportCommon, make_claim


@tagged("post_install", "-at_install")
class TestPolicyportClaimImport(ClaimsPolicyportCommon):
    def _full_claim(self):
        claim = make_claim(1)
        claim["Policy"]["Coverages"] += [
            {"code": "F", "category": "IND", "Amount": "5000.00", "Deductible": "",
             "Reserve": "250.00", "Limit": "5000.00"},
            {"code": "U", "category": "LAEDC", "Amount": "", "Deductible": "",
             "Reserve": "1000.00", "Limit": ""},
            {"code": "U", "category": "LAEAO", "Amount": "", "Deductible": "",
             "Reserve": "500.00", "Limit": ""},
        ]
        claim["Parties"].append({"type": "Vendor/Other", "tivaId": "VN-77",
                                 "CompanyName": "Tarp Co", "City": "Tampa", "State": "FL"})
        return claim

    # ------------------------------------------------------------------ the batch

    def test_batch_with_every_field_coverage_and_party_type_imports(self):
        self.sim.add_claim(self._full_claim())
        jobs = self._poll_and_import()
        self.assertEqual(len(jobs), 1)
        self.assertEqual(jobs[0].user_id, self.user_integration.id, "runs as the backend user")
        claim = self._claim("TV-100001")
        self.assertRecordValues(claim, [{
            "insurer_claim_number": "HO-2026-00001", "tiva_client": "GULFSTATE",
            "tiva_client_file_status": "Open", "tiva_file_type": "Property",
            "tiva_event": "Hurricane Milton", "tiva_peril": "Wind", "tiva_severity_code": "2",
            "tiva_reported_by": "Insured", "file_status": "open_unassigned", "user_id": False,
            "date_loss": fields.Date.to_date("2026-10-09"),
            "date_reported": fields.Date.to_date("2026-10-11"),
            "date_assigned": fields.Date.to_date("2026-11-20"), "date_closed": False,
            "tiva_agent_company": "Sunshine Agency", "tiva_loss_city": "Tampa",
            "tiva_loss_state": "FL", "tiva_phone_fax": "813-555-0104",
            "tiva_deductible_aop_kind": "amount", "tiva_deductible_aop": 1000.0,
            "tiva_deductible_hurricane_kind": "percent", "tiva_deductible_hurricane": 2.0,
            "tiva_deductible_sinkhole_kind": "percent", "tiva_deductible_sinkhole": 10.0,
            "company_id": self.company.id,
        }])
        self.assertEqual(claim.insurer_id.name, "Gulf State Mutual")
        self.assertRecordValues(claim.policy_id, [{
            "name": "HO3-700001", "policy_type": "HO3", "tiva_endorsement": "Water backup HO 04 95",
            "tiva_exclude_wind": False, "policyholder_id": claim.claimant_id.id,
        }])
        codes = claim.coverage_ids.mapped("coverage_type_id.code")
        self.assertEqual(codes, ["PP_DWELLING", "PP_APPURTENANT", "PP_CONTENTS", "PP_ALE",
                                 "PP_LIABILITY", "PP_MEDICAL", "PP_DCC", "PP_LAE"])
        dwelling = claim.coverage_ids[0]
        self.assertEqual((dwelling.amount_limit, dwelling.amount_reserve), (300000.0, 15000.0))
        roles = {(p.role_id.code, p.partner_id.name, p.reference or "")
                 for p in claim.participant_ids}
        self.assertEqual(roles, {
            ("insured", "Ines Insured1", "CL-1"), ("agent", "Amy Agent", ""),
            ("mortgagee", "First Coast Bank", ""), ("other", "Paul Public", "OT-1"),
            ("vendor", "Dry Out Pros LLC", "VN-500"), ("vendor", "Tarp Co", "VN-77"),
        })
        insured = claim.claimant_id
        self.assertRecordValues(insured, [{"email": "insured1@example.com", "city": "Tampa",
                                           "zip": "33601", "tiva_phone_work": "813-555-0103"}])
        self.assertEqual(insured.state_id.code, "FL")
        contact = claim.participant_ids.filtered(lambda p: p.reference == "VN-77").partner_id
        self.assertRecordValues(contact, [{
            "is_claim_contact": True, "claims_contact_type": "vendor",
            "is_global_vendor": False}])  # an unknown vendor is a "Vendor" contact, not global
        self.assertEqual(contact.tiva_vendor_ids.mapped("payee_id"), ["VN-77"])

    def test_edi_note_and_three_documents(self):
        self.sim.add_claim(make_claim(2))
        self._poll_and_import()
        claim = self._claim("TV-100002")
        note = claim.message_ids.filtered(
            lambda m: m.subtype_id == self.env.ref("claims_policyport.mail_message_subtype_edi"))
        self.assertEqual(len(note), 1)
        self.assertIn("Created by the PolicyPort importer", note.body)
        self.assertIn(self._exchanges().batch, note.body)
        self.assertTrue(note.subtype_id.internal)
        names = sorted(claim.document_ids.mapped("name"))
        self.assertEqual(names, ["FNOL-HO-2026-00002.pdf", "HO-2026-00002.txt",
                                 "Policy Dec-HO-2026-00002.pdf"])
        for document in claim.document_ids.filtered(lambda d: d.name.endswith(".pdf")):
            self.assertTrue(PdfReader(io.BytesIO(document.attachment_id.raw)).pages)
        text = claim.document_ids.filtered(lambda d: d.name.endswith(".txt")).attachment_id.raw
        self.assertIn(b"ACORD 1", text)
        self.assertIn(b"<TivaClaimId>TV-100002</TivaClaimId>", text)

    def test_the_note_is_the_only_chatter_the_import_writes(self):
        """People, policy and claim are created quietly: the EDI note tells their origin, the
        integration user follows none of them, participants follow the claim by role."""
        self.sim.add_claim(make_claim(4))
        last_partner = self.env["res.partner"].search([], order="id desc", limit=1).id
        self._poll_and_import()
        claim = self._claim("TV-100004")
        self.assertEqual(len(claim.message_ids), 1)
        robot = self.backend.user_id.partner_id
        self.assertNotIn(robot, claim.message_partner_ids)
        created = claim.participant_ids.partner_id.filtered(lambda p: p.id > last_partner)
        self.assertGreaterEqual(len(created), 3, "insured, agent, mortgagee at least")
        for record in [*created, claim.policy_id]:
            self.assertFalse(record.message_ids, record.display_name)
            self.assertNotIn(robot, record.message_partner_ids, record.display_name)
        insured = claim.participant_ids.filtered(
            lambda p: p.role_id.code == "insured").partner_id
        self.assertIn(insured, claim.message_partner_ids)
        self.assertEqual(claim.amount_reserve, sum(claim.coverage_ids.mapped("amount_reserve")))
        self.assertTrue(claim.amount_reserve)

    def test_claim_without_documents_gets_the_text_only(self):
        self.sim.add_claim(make_claim(3, Documents=[]))
        self._poll_and_import()
        self.assertEqual(self._claim("TV-100003").document_ids.mapped("name"),
                         ["HO-2026-00003.txt"])

    def test_options_import_journals_and_default_vendor(self):
        self.backend.write({"import_journals": True, "default_vendor_id": self.payee.id})
        self.sim.add_claim(make_claim(4))
        self._poll_and_import()
        claim = self._claim("TV-100004")
        self.assertIn(self.payee, claim.participant_ids.partner_id)
        self.assertTrue(claim.message_ids.filtered(lambda m: "Assigned to the desk" in m.body))

    def test_closed_claim_is_imported_closed_on_its_closed_date(self):
        self.sim.add_claim(make_claim(5, ClientFileStatus="Closed", DateClosed="2026-11-02"))
        self._poll_and_import()
        claim = self._claim("TV-100005")
        self.assertRecordValues(claim, [{
            "file_status": "closed", "date_closed": fields.Date.to_date("2026-11-02"),
            "stage_id": claim._get_closing_stage().id,
        }])
        self.assertTrue(claim.stage_id.is_closing)
        self.assertEqual(len(claim.message_ids), 1, "the EDI note only")
        self.assertIn("imported closed", claim.message_ids.body)

    # ------------------------------------------------------------------ skipped and duplicates

    def test_claim_without_date_assigned_is_skipped_with_the_reason_once(self):
        self.sim.add_claim(make_claim(6, DateAssigned=""))
        self.sim.add_claim(make_claim(7))
        self._poll_and_import()
        self._poll_and_import()
        skipped = self._exchanges().filtered(lambda e: e.external_id == "TV-100006")
        self.assertEqual(len(skipped), 1, "not logged again at each poll")
        self.assertRecordValues(skipped, [{"state": "skipped",
                                           "summary": "Date Assigned is empty in PolicyPort."}])
        self.assertFalse(self._claim("TV-100006"))
        self.assertTrue(self._claim("TV-100007"), "the rest of the batch imports")

    def test_re_poll_never_creates_a_claim_twice(self):
        self.sim.add_claim(make_claim(8))
        self._poll_and_import()
        jobs = self._poll_and_import()
        self.assertFalse(jobs, "nothing to do for a known claim")
        self.assertEqual(len(self._claim("TV-100008")), 1)

    def test_same_client_number_and_client_under_another_tiva_id_is_a_duplicate(self):
        self.sim.add_claim(make_claim(9))
        self._poll_and_import()
        self.sim.add_claim(make_claim(10, ClientClaimNumber="HO-2026-00009",
                                      TivaClaimId="TV-200009"))
        # the list answers the same Client # + Client: the poll already knows it
        self.assertFalse(self._poll_and_import())
        # fetched anyway (e.g. listed under another client number), the binding refuses it
        exchange = self.env["claims.exchange"]._create_for(self.backend, [{
            "direction": "in", "kind": "claim", "external_id": "TV-200009"}])
        with trap_jobs() as trap:
            exchange._enqueue()
            trap.perform_enqueued_jobs()
        self.assertEqual(exchange.state, "skipped")
        self.assertIn("same Client # HO-2026-00009 and Client GULFSTATE", exchange.summary)
        self.assertEqual(exchange.record_ref, self._claim("TV-100009"))
        self.assertFalse(self._claim("TV-200009"))

    def test_marked_off_or_archived_claim_does_not_come_back(self):
        self.sim.add_claim(make_claim(11))
        self._poll_and_import()
        claim = self._claim("TV-100011")
        claim.action_mark_off("duplicate")
        claim.action_archive()
        self.assertFalse(self._poll_and_import())
        self.assertEqual(len(self._claim("TV-100011")), 1)
        with self.assertRaises(UserError):
            claim.unlink()

    # ------------------------------------------------------------------ hostile XML

    def test_malformed_entity_and_bomb_are_refused_and_kept(self):
        bodies = {
            "TV-100014": b"<Claim><TivaClaimId>TV-100014</TivaClaimId>",
            "TV-100015": b'<?xml version="1.0"?><!DOCTYPE Claim [<!ENTITY x SYSTEM '
                         b'"file:///etc/passwd">]><Claim>&x;</Claim>',
            "TV-100016": b'<?xml version="1.0"?><!DOCTYPE Claim [<!ENTITY a "aaaaaaaaaa">'
                         b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><Claim>&b;</Claim>',
        }
        for n, (tiva_id, body) in enumerate(bodies.items(), start=14):
            self.sim.add_claim(make_claim(n))
            self.sim.raw_claims[tiva_id] = body
        self._poll_and_import()
        exchanges = self._exchanges()
        self.assertEqual(
            {e.external_id: e.error_kind for e in exchanges},
            {"TV-100014": "malformed_xml", "TV-100015": "xml_doctype",
             "TV-100016": "xml_doctype"},
        )
        self.assertTrue(all(e.payload_attachment_id for e in exchanges), "the body is kept")
        self.assertNotIn("root:", "".join(exchanges.mapped("error_text")))

    def test_answer_over_the_size_cap_fails_for_good_with_the_reason(self):
        self.backend.max_response_mb = 1
        self.sim.add_claim(make_claim(19))
        self.sim.add_claim(make_claim(20))
        self.sim.add_fault("oversized", size=2 * 1024 * 1024, path="TV-100019$")
        self._poll_and_import()
        exchanges = self._exchanges()
        failed = exchanges.filtered(lambda e: e.external_id == "TV-100019")
        self.assertRecordValues(failed, [{"state": "error", "error_kind": "too_large"}])
        self.assertIn("GET /claims/TV-100019 is larger than 1 MB, the backend's cap",
                      failed.error_text)
        self.assertEqual(
            len([r for r in self.sim.requests if r.path.endswith("/TV-100019")]), 1,
            "permanent: not asked again",
        )
        self.assertFalse(self._claim("TV-100019"))
        self.assertTrue(self._claim("TV-100020"), "the batch goes on")
        with self.assertRaises(ValidationError):
            self.backend.max_response_mb = 0

    # ------------------------------------------------------------------ retries

    def test_429_500_and_timeout_are_retried_and_end_done(self):
        self.sim.add_claim(make_claim(17))
        self.sim.add_fault("status", status=429, retry_after=1, path="TV-100017$")
        self.sim.add_fault("status", status=500, path="TV-100017$")
        # Odoo's test harness raises any requests timeout to 10 s: wait longer than that
        self.sim.add_fault("delay", seconds=10.5, path="TV-100017$")
        with trap_jobs() as trap:
            self.backend._enqueue_poll()
            trap.perform_enqueued_jobs()
            job = trap.enqueued_jobs[0]
            trap.enqueued_jobs = []
            seconds = []
            for _try in range(3):
                with self.assertRaises(RetryableJobError) as caught:
                    job.perform()
                seconds.append(caught.exception.seconds)
            job.perform()
        exchange = self._exchanges()
        self.assertEqual(seconds, [1, None, None], "Retry-After, then the retry pattern")
        self.assertEqual(exchange.state, "done")
        self.assertTrue(self._claim("TV-100017"))

    # ------------------------------------------------------------------ scheduling

    def test_poll_asks_since_the_day_before_the_last_successful_run(self):
        self.backend.date_last_success = datetime(2026, 11, 20, 8, 0)
        self._poll_and_import()
        self.assertEqual(self.sim.requests[0].arg("assignedSince"), "2026-11-19")
        self.assertEqual(self.backend.cursor, "2026-11-19")

    def test_first_poll_asks_since_yesterday(self):
        self.backend.date_last_success = False
        self._poll_and_import()
        yesterday = fields.Date.today() - timedelta(days=1)
        self.assertEqual(self.sim.requests[0].arg("assignedSince"), yesterday.isoformat())

    def test_cron_runs_every_15_minutes_and_only_enqueues(self):
        cron = self.env.ref("claims_policyport.ir_cron_policyport_poll")
        self.assertEqual((cron.interval_number, cron.interval_type), (15, "minutes"))
        self.sim.add_claim(make_claim(18))
        self.assertEqual(cron.code.strip(), "model._cron_enqueue_polls()")
        with trap_jobs() as trap:
            self.env[cron.model_id.model]._cron_enqueue_polls()
        # each backend that is due (the demo's too) gets its poll job, and nothing else
        self.assertIn(self.backend, [call.method.__self__ for call in trap.calls])
        self.assertEqual({call.method.__name__ for call in trap.calls}, {"_job_poll"})
        self.assertFalse(self.sim.requests, "the cron itself does not call PolicyPort")
