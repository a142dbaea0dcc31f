# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ClaimsOpusCommon, make_allocation


@tagged("post_install", "-at_install")
class TestOpusPollRobustness(ClaimsOpusCommon):
    def _imported(self):
        return self.env["claims.claim"].search(
            [("opus_backend_id", "=", self.backend.id)]).mapped("opus_allocation_id")

    def test_an_expired_session_signs_in_again(self):
        self._poll()
        self.sim.add_allocation(make_allocation(4))
        logins = self.sim.logins
        self.sim.expire_sessions()
        self._poll()
        self.assertEqual(self.sim.logins, logins + 1)
        self.assertIn("ALC-100004", self._imported())

    def test_a_500_is_retried_by_its_own_job(self):
        self.sim.add_fault("status", status=500, path="^/allocations/ALC-100002$", times=1)
        retries = self._poll()
        self.assertEqual(sorted(self._imported()), ["ALC-100001", "ALC-100003"])
        exchange = self._exchanges("allocation").filtered(lambda e: e.external_id == "ALC-100002")
        self.assertEqual((exchange.state, exchange.attempts), ("pending", 1))
        self.assertIn("500", exchange.sudo().error_text)
        self.assertIn("Something went wrong", base64.b64decode(
            exchange.sudo().opus_page_html).decode(), "the page of the failed try is kept")
        self.assertEqual(len(retries), 1)
        retries[0].perform()
        self.assertEqual((exchange.state, exchange.record_ref), ("done", self._claim("ALC-100002")))

    def test_a_slow_page_is_waited_for(self):
        self.sim.add_fault("delay", seconds=1.5, path="^/allocations$", times=1)
        self.sim.kpi_delay = 1.0
        self._poll()
        self.assertEqual(len(self._imported()), 3)
        self.assertEqual(len(self.env["claims.opus.kpi.target"].search(
            [("backend_id", "=", self.backend.id)])), 15)

    def test_the_layout_variant_imports_the_same(self):
        self.sim.layout = "variant"
        self._poll()
        claim = self._claim("ALC-100002")
        self.assertRecordValues(claim, [{
            "insurer_claim_number": "HOM-2026-000002", "opus_incident_code": "CO",
            "opus_incident_type": "impact", "opus_status": "Book"}])
        self.assertEqual(str(claim.date_loss), "2026-11-18")
        self.assertEqual(len(claim.document_ids), 2)

    def test_a_field_not_found_leaves_its_page_and_nothing_written(self):
        self.sim.renamed = {"Date of loss": "Loss date"}
        partners = self.env["res.partner"].search_count([])
        self._poll()
        self.assertEqual(self._imported(), [])
        self.assertEqual(self.env["res.partner"].search_count([]), partners)
        self.assertFalse(self.env["claims.binding"].search_count(
            [("backend_model", "=", self.backend._name), ("backend_id", "=", self.backend.id)]))
        exchange = self._exchanges("allocation").filtered(
            lambda e: e.external_id == "ALC-100001").sudo()
        self.assertEqual((exchange.state, exchange.error_kind), ("error", "layout"))
        self.assertIn("'Date of loss' not found", exchange.error_text)
        self.assertEqual(base64.b64decode(exchange.opus_screenshot)[:4], b"\x89PNG")
        self.assertIn("Loss date", base64.b64decode(exchange.opus_page_html).decode())
        self.assertTrue(exchange.opus_page_url.endswith("/allocations/ALC-100001"))
        # the next run does not open it again: a failed exchange is retried by hand
        self.sim.renamed = {}
        self._poll()
        self.assertEqual(self._imported(), [])
        exchange.with_user(self.user_integration).action_retry()

    def test_overlapping_runs_create_each_allocation_once(self):
        rows = [{"allocation_id": f"ALC-{100000 + n}", "status": "Book"} for n in (1, 2)]
        first = self.backend._create_allocation_exchanges(rows, "A")
        second = self.backend._create_allocation_exchanges(rows, "B")
        self.assertEqual(len(first), 2)
        self.assertEqual([e for e in second if e not in first], [],
                         "the run that overlaps creates no exchange of its own")
        # an allocation bound meanwhile (by the other run) is skipped, never created twice
        self.backend._run_in_this_session(first[0])
        claim = self._claim("ALC-100001")
        duplicate = self.env["claims.exchange"]._create_for(self.backend, [{
            "direction": "in", "kind": "allocation", "external_id": "ALC-100001"}])
        self.backend._run_in_this_session(duplicate)
        self.assertEqual((duplicate.state, duplicate.record_ref), ("skipped", claim))
        self.assertEqual(len(self._claim("ALC-100001")), 1)

    def test_a_claims_user_cannot_read_the_password_or_the_page(self):
        backend = self.backend.with_user(self.user_handler)
        self.assertEqual(backend.name, "Harbour Builders")
        with self.assertRaises(AccessError):
            backend.read(["secret"])
        with self.assertRaises(AccessError):
            backend.read(["login"])
        with self.assertRaises(AccessError):
            backend.write({"endpoint": "http://127.0.0.1:1"})
        with self.assertRaises(AccessError):
            backend.status_stage_ids[:1].write({"name": "Book"})
        self.assertEqual(self.backend.with_user(self.user_integration).secret, "s3cret-opus")
        self.sim.renamed = {"Policy number": "Policy no."}
        self._poll()
        exchange = self._exchanges("allocation")[:1].with_user(self.user_handler)
        with self.assertRaises(AccessError):
            exchange.read(["opus_screenshot"])
        self.assertNotIn(b"s3cret-opus", base64.b64decode(exchange.sudo().opus_page_html))


@tagged("post_install", "-at_install")
class TestOpusStatusChanges(ClaimsOpusCommon):
    def _stage(self, name):
        return self.env.ref(f"claims_base.claims_claim_stage_{name}")

    def test_status_changes_move_the_claim_through_the_mapping(self):
        self._poll()
        claim = self._claim("ALC-100001")
        self.assertEqual(claim.stage_id, self._stage("new"))
        self.sim.set_status("ALC-100001", "Works in Progress")
        self.sim.set_status("ALC-100002", "Awaiting Excess")
        self.sim.requests.clear()
        self._poll()
        self.assertEqual(claim.stage_id, self._stage("in_progress"))
        self.assertEqual(claim.opus_status, "Works in Progress")
        self.assertEqual(self._claim("ALC-100002").stage_id, self._stage("awaiting"))
        self.assertEqual(self._claim("ALC-100003").stage_id, self._stage("new"))
        status = self._exchanges("status")
        self.assertEqual(sorted(status.mapped("external_id")), ["ALC-100001", "ALC-100002"])
        self.assertEqual(set(status.mapped("state")), {"done"})
        self.assertFalse([r for r in self.sim.requests if r.path.startswith("/allocations/")],
                         "a status is read from the list: no page opened")
        self._poll()
        self.assertEqual(len(self._exchanges("status")), 2, "nothing twice")

    def test_an_unmapped_status_is_shown_and_the_claim_stays(self):
        self._poll()
        claim = self._claim("ALC-100003")
        self.sim.set_status("ALC-100003", "On Hold")
        self._poll()
        self.assertRecordValues(claim, [{"opus_status": "On Hold", "opus_status_unmapped": True,
                                         "stage_id": self._stage("new").id}])
        exchange = self._exchanges("status")
        self.assertEqual(exchange.state, "done")
        self.assertIn("On Hold has no stage mapping", exchange.summary)
        # the note beside the tracked change of the status
        notes = claim.message_ids.filtered(lambda m: "On Hold has no stage mapping" in m.body)
        self.assertEqual(len(notes), 1)
        # an integration admin maps it: the next change moves the claim
        self.backend.with_user(self.user_integration).status_stage_ids = [(0, 0, {
            "name": "On hold", "stage_id": self._stage("awaiting").id})]
        self.sim.set_status("ALC-100003", "Scheduled")
        self._poll()
        self.assertRecordValues(claim, [{"opus_status_unmapped": False,
                                         "stage_id": self._stage("in_progress").id}])
        self.sim.set_status("ALC-100003", "On Hold")
        self._poll()
        self.assertEqual(claim.stage_id, self._stage("awaiting"))

    def test_a_closing_status_closes_the_claim(self):
        self._poll()
        claim = self._claim("ALC-100002")
        self.sim.set_status("ALC-100002", "Cash Settled")
        self._poll()
        self.assertRecordValues(claim, [{"stage_id": self._stage("closed").id,
                                         "file_status": "closed"}])
