# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import BaseCase

from odoo.addons.claims_connector.connector.exceptions import PermanentError, RetryableError

from ..client import PolicyPortClient
from .common import PolicyPortSimulator, make_claim


class TestPolicyportClientHttp(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sim = PolicyPortSimulator().start()
        cls.addClassCleanup(cls.sim.stop)
        cls.sim.add_claim(make_claim(1))
        cls.sim.add_claim(make_claim(2, DateAssigned=""))

    def setUp(self):
        super().setUp()
        self.sim.clear_faults()
        self.client = PolicyPortClient(self.sim.url, "desk", "s3cret", timeout=0.5)

    def test_lists_claims_assigned_since_a_date(self):
        refs = self.client.list_claims(date(2026, 11, 19))
        self.assertEqual([r["tiva_claim_id"] for r in refs], ["TV-100001", "TV-100002"])
        self.assertEqual(refs[1]["date_assigned"], None)
        self.assertEqual(self.sim.requests[-1].arg("assignedSince"), "2026-11-19")

    def test_reads_a_claim_and_its_documents(self):
        raw, root = self.client.get_claim("TV-100001")
        self.assertIn(b"TV-100001", raw)
        self.assertTrue(self.client.get_document("TV-100001", "D1F", "FNOL-1.pdf")
                        .startswith(b"%PDF"))

    def test_429_is_retryable_after_retry_after(self):
        self.sim.add_fault("status", status=429, retry_after=4)
        with self.assertRaises(RetryableError) as caught:
            self.client.get_claim("TV-100001")
        self.assertEqual((caught.exception.kind, caught.exception.retry_after), ("http_429", 4))

    def test_500_is_retryable(self):
        self.sim.add_fault("status", status=500)
        with self.assertRaises(RetryableError) as caught:
            self.client.get_claim("TV-100001")
        self.assertIn("simulated failure", str(caught.exception))

    def test_timeout_and_dropped_connection_are_retryable(self):
        # Odoo's test harness raises any requests timeout to 10 s: wait longer than that
        self.sim.add_fault("delay", seconds=10.5)
        with self.assertRaises(RetryableError) as caught:
            self.client.get_claim("TV-100001")
        self.assertEqual(caught.exception.kind, "timeout")
        self.sim.add_fault("drop")
        with self.assertRaises(RetryableError) as caught:
            self.client.get_claim("TV-100001")
        self.assertEqual(caught.exception.kind, "connection")

    def test_wrong_credentials_are_permanent(self):
        client = PolicyPortClient(self.sim.url, "desk", "wrong", timeout=2)
        with self.assertRaises(PermanentError) as caught:
            client.get_claim("TV-100001")
        self.assertEqual(caught.exception.kind, "http_401")
        self.assertIn("Invalid credentials", str(caught.exception))

    def test_malformed_body_is_permanent(self):
        self.sim.add_fault("malformed")
        with self.assertRaises(PermanentError) as caught:
            self.client.get_claim("TV-100001")
        self.assertEqual(caught.exception.kind, "malformed_xml")

    def test_answer_over_the_size_cap_is_permanent_whatever_its_length_says(self):
        client = PolicyPortClient(self.sim.url, "desk", "s3cret", timeout=2,
                                  max_bytes=1024 * 1024)
        # no Content-Length: the client counts what it reads and stops past the cap
        self.sim.add_fault("oversized", size=3 * 1024 * 1024)
        with self.assertRaises(PermanentError) as caught:
            client.get_claim("TV-100001")
        self.assertEqual(caught.exception.kind, "too_large")
        self.assertIn("GET /claims/TV-100001 is larger than 1 MB", str(caught.exception))
        self.assertFalse(getattr(caught.exception, "payload", None), "nothing of it is kept")
        # a Content-Length over the cap is refused before the body is read
        small = PolicyPortClient(self.sim.url, "desk", "s3cret", timeout=2, max_bytes=500)
        with self.assertRaises(PermanentError) as caught:
            small.get_claim("TV-100002")
        self.assertEqual(caught.exception.kind, "too_large")
        self.assertIn("larger than 500 bytes", str(caught.exception))
        # within the cap, the same answers are read as before
        self.assertEqual(client.get_claim("TV-100001")[1].findtext("TivaClaimId"), "TV-100001")
