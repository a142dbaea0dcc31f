# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Webhook deliveries against a real listener on 127.0.0.1: they reach only the address that
was checked, follow no redirect, keep a few bytes of an answer, and stop with their user."""

import shutil
import tempfile
from unittest.mock import patch

import urllib3

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user

from odoo.addons.claims_api import webhook_client
from odoo.addons.claims_api.models.claims_webhook import ALLOW_PRIVATE_PARAM
from odoo.addons.claims_api.webhook_client import sign
from odoo.addons.claims_base.tests.common import ClaimsCommon
from odoo.addons.queue_job.exception import RetryableJobError
from odoo.addons.queue_job.tests.common import trap_jobs

from .common_webhook import Listener, make_certificate, resolving, tls_server_context

PUBLIC_ADDRESS = "93.184.215.14"


class TestClaimsWebhookDelivery(ClaimsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["claims.change"]._assign_numbers()  # the fixture's own entries: no webhook yet
        companies = [Command.set((cls.company | cls.branch).ids)]
        cls.partner_user = new_test_user(
            cls.env, login="hook_partner", groups="claims_api.group_claims_api",
            company_id=cls.company.id, company_ids=companies)
        cls.partner_user_2 = new_test_user(
            cls.env, login="hook_partner_2", groups="claims_api.group_claims_api",
            company_id=cls.company.id, company_ids=companies)
        cls.user_integration = new_test_user(
            cls.env, login="hook_integration", groups="claims_connector.group_claims_integration",
            company_id=cls.company.id, company_ids=companies)
        cls.stages = cls.env["claims.claim.stage"].create([
            {"name": f"Hook stage {n}", "sequence": 90 + n} for n in range(4)])

    def setUp(self):
        super().setUp()
        self._allow_private(True)

    # ------------------------------------------------------------------ helpers

    def _allow_private(self, allowed):
        self.env["ir.config_parameter"].set_param(ALLOW_PRIVATE_PARAM, "1" if allowed else False)

    def _listener(self, **kwargs):
        listener = Listener(**kwargs)
        self.addCleanup(listener.close)
        return listener

    def _subscribe(self, url, user=None):
        return self.env["claims.webhook"].with_user(user or self.partner_user).create({
            "name": "Broker portal", "url": url, "timeout": 2,
            "on_document_added": False, "on_claim_created": False, "on_payment_paid": False,
        })

    def _queue_event(self, trap):
        """A stage change of the claim, numbered: one delivery per subscription."""
        self.claim.stage_id = self.stages.filtered(lambda s: s != self.claim.stage_id)[:1]
        self.env["claims.change"]._assign_numbers()
        return trap

    def _deliveries(self, webhook):
        return self.env["claims.exchange"].search(
            [("backend_model", "=", "claims.webhook"), ("backend_id", "=", webhook.id)],
            order="id")

    def _deliver(self, webhook):
        """Queue one event and run its job; return the subscription's last delivery."""
        with trap_jobs() as trap:
            self._queue_event(trap)
            trap.perform_enqueued_jobs()
        return self._deliveries(webhook)[-1:]

    # ------------------------------------------------------------------ tests

    def test_delivery_goes_to_the_checked_address_with_its_host_name_and_signature(self):
        listener = self._listener()
        with resolving({"hooks.partner.example": ["127.0.0.1"]}):
            webhook = self._subscribe(listener.url("hooks.partner.example", "/in?account=7"))
            exchange = self._deliver(webhook)
        self.assertRecordValues(exchange, [{"state": "done", "summary": "HTTP 200",
                                            "attempts": 1, "error_text": False}])
        [request] = listener.requests
        headers = request["headers"]
        self.assertEqual(request["path"], "/in?account=7")
        self.assertEqual(headers["Host"], f"hooks.partner.example:{listener.port}")
        self.assertEqual(request["body"], exchange.payload_attachment_id.raw)
        timestamp = int(headers["X-Claims-Timestamp"])
        self.assertEqual(headers["X-Claims-Signature"],
                         f"v1={sign(webhook.sudo().secret, timestamp, request['body'])}")
        self.assertEqual(headers["X-Claims-Delivery"], exchange.external_id)

    def test_loopback_urls_are_refused_when_saved_and_reach_nobody(self):
        self._allow_private(False)
        listener = self._listener()
        port = listener.port
        urls = [
            listener.url("127.0.0.1"), listener.url("localhost"), listener.url("127.1"),
            listener.url("2130706433"), listener.url("0x7f000001"),
            listener.url("[::ffff:127.0.0.1]"), listener.url("[::ffff:7f00:1]"),
            f"http://partner.example@127.0.0.1:{port}/hooks",
            f"http://partner.example\\@127.0.0.1:{port}/hooks",
            f"http://127.0.0.1:{port}\\@partner.example/hooks",
            f"http://user:pw@localhost:{port}/hooks",
            f"http://127.0.0.1:0{port}/hooks",
        ]
        for url in urls:
            with self.subTest(url=url), self.assertRaises(ValidationError):
                self._subscribe(url)
        webhook = self._subscribe("https://partner.example/hooks")  # does not resolve yet
        for url in urls:
            with self.subTest(url=url), self.assertRaises(ValidationError):
                webhook.with_user(self.partner_user).url = url
        listener.close()
        self.assertEqual(listener.connections, [])

    def test_each_delivery_checks_the_address_again(self):
        listener = self._listener()
        webhook = self._subscribe(listener.url("localhost"))  # allowed when saved
        self._allow_private(False)
        exchange = self._deliver(webhook)
        self.assertRecordValues(exchange, [{
            "state": "error", "attempts": 1, "error_kind": "private_address"}])
        self.assertIn("localhost resolves to 127.0.0.1, which is not a public address",
                      exchange.error_text)
        listener.close()
        self.assertEqual(listener.connections, [])

    def test_a_name_is_resolved_once_and_never_again_for_the_connection(self):
        """DNS rebinding: the name resolves to a public address for the check, to the
        listener afterwards; the connection goes to the checked address."""
        self._allow_private(False)
        listener = self._listener()
        name = "rebind.partner.example"
        with resolving({name: [PUBLIC_ADDRESS]}):
            webhook = self._subscribe(listener.url(name))
        connected_to = []
        real_create_connection = urllib3.util.connection.create_connection

        def create_connection(address, *args, **kwargs):
            connected_to.append(address)
            if address[0] == PUBLIC_ADDRESS:  # stands for the public host, away today
                raise ConnectionRefusedError(111, "Connection refused")
            return real_create_connection(address, *args, **kwargs)

        with (trap_jobs() as trap,
              resolving({name: [[PUBLIC_ADDRESS], ["127.0.0.1"]]}) as looked_up,
              patch("urllib3.util.connection.create_connection", create_connection)):
            self._queue_event(trap)
            with self.assertRaises(RetryableJobError):  # a connection error: retried later
                trap.perform_enqueued_jobs()
        self.assertEqual(looked_up.count(name), 1)
        self.assertEqual(connected_to, [(PUBLIC_ADDRESS, listener.port)])
        listener.close()
        self.assertEqual(listener.connections, [])
        self.assertTrue(self._deliveries(webhook))

    def test_redirects_are_failures_and_are_not_followed(self):
        target = self._listener()
        for status in (302, 307):
            with self.subTest(status=status):
                redirecting = self._listener(status=status,
                                             headers={"Location": target.url(path="/stolen")})
                webhook = self._subscribe(redirecting.url())
                exchange = self._deliver(webhook)
                self.assertRecordValues(exchange, [{
                    "state": "error", "attempts": 1, "error_kind": f"http_{status}"}])
                self.assertIn("redirects are not followed", exchange.error_text)
                self.assertNotIn("stolen", exchange.error_text)
                redirecting.close()
                self.assertEqual(len(redirecting.requests), 1)
                webhook.active = False
        target.close()
        self.assertEqual(target.connections, [])

    def test_only_the_status_and_a_few_hundred_bytes_of_an_answer_are_kept(self):
        body = b"internal: " + bytes(range(256)) + b"A" * 100_000
        listener = self._listener(status=410, body=body)
        webhook = self._subscribe(listener.url())
        exchange = self._deliver(webhook)
        self.assertEqual((exchange.state, exchange.error_kind), ("error", "http_410"))
        self.assertTrue(exchange.error_text.startswith("HTTP 410: internal: "))
        self.assertLessEqual(len(exchange.error_text),
                             len("HTTP 410: ") + webhook_client.MAX_ANSWER_BYTES)
        self.assertNotIn("\x00", exchange.error_text)
        # a 2xx answer keeps its status only
        listener.status = 200
        exchange = self._deliver(webhook)
        self.assertRecordValues(exchange, [{"state": "done", "summary": "HTTP 200",
                                            "error_text": False}])

    def test_https_checks_the_certificate_against_the_url_host_not_the_address(self):
        directory = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, directory, ignore_errors=True)
        cert, key = make_certificate("hooks.partner.example", directory)
        listener = self._listener(tls_context=tls_server_context(cert, key))
        names = {"hooks.partner.example": ["127.0.0.1"], "other.partner.example": ["127.0.0.1"]}
        with resolving(names), patch.object(webhook_client, "_ca_bundle", lambda: cert):
            webhook = self._subscribe(listener.url("hooks.partner.example", scheme="https"))
            exchange = self._deliver(webhook)
            self.assertEqual(exchange.state, "done")
            self.assertEqual(listener.server_names, ["hooks.partner.example"])
            self.assertEqual(listener.requests[0]["headers"]["Host"],
                             f"hooks.partner.example:{listener.port}")
            # the same address under another name: its certificate does not match
            webhook.url = listener.url("other.partner.example", scheme="https")
            with trap_jobs() as trap:
                self._queue_event(trap)
                with self.assertRaises(RetryableJobError):
                    trap.perform_enqueued_jobs()
        listener.close()
        self.assertEqual(len(listener.requests), 1, "nothing is sent over the mismatched TLS")
        self.assertEqual(listener.server_names[-1], "other.partner.example")

    def test_deliveries_stop_when_the_user_is_archived(self):
        listener = self._listener()
        webhook = self._subscribe(listener.url())
        with trap_jobs() as trap:
            self._queue_event(trap)
            self.partner_user.active = False
            trap.perform_enqueued_jobs()
            exchange = self._deliveries(webhook)
            self.assertRecordValues(exchange, [{"state": "skipped"}])
            self.assertIn("is archived", exchange.summary)
            self._queue_event(trap)
            self.assertFalse(trap.enqueued_jobs)
        self.assertEqual(self._deliveries(webhook), exchange, "no delivery for later events")
        listener.close()
        self.assertEqual(listener.connections, [])

    def test_deliveries_stop_when_the_user_leaves_the_api_group(self):
        listener = self._listener()
        webhook = self._subscribe(listener.url())
        api_group = self.env.ref("claims_api.group_claims_api")
        with trap_jobs() as trap:
            self._queue_event(trap)
            self.partner_user.group_ids = [
                Command.unlink(api_group.id),
                Command.link(self.env.ref("base.group_user").id),
            ]
            self.assertFalse(self.partner_user.has_group("claims_api.group_claims_api"))
            trap.perform_enqueued_jobs()
            exchange = self._deliveries(webhook)
            self.assertRecordValues(exchange, [{"state": "skipped"}])
            self.assertIn("no longer a partner system", exchange.summary)
            self._queue_event(trap)
            self.assertFalse(trap.enqueued_jobs)
        listener.close()
        self.assertEqual(listener.connections, [])

    def test_partner_system_sees_and_edits_only_its_own_subscriptions(self):
        mine = self._subscribe("https://partner.example/a")
        theirs = self._subscribe("https://partner.example/b", user=self.partner_user_2)
        Webhook = self.env["claims.webhook"].with_user(self.partner_user_2)
        self.assertEqual(Webhook.search([]), theirs)
        self.assertEqual(Webhook.with_context(active_test=False).search([]), theirs)
        self.assertTrue(theirs.with_user(self.partner_user_2).secret)
        other = mine.with_user(self.partner_user_2)
        with self.assertRaises(AccessError):
            other.read(["secret"])
        with self.assertRaises(AccessError):
            other.read(["name", "url"])
        with self.assertRaises(AccessError):
            other.write({"url": "https://evil.example/hooks"})
        with self.assertRaises(AccessError):
            other.action_rotate_secret()
        with self.assertRaises(AccessError):
            other.unlink()
        with self.assertRaises(AccessError):
            other.with_context(active_test=False, allowed_company_ids=self.company.ids).read(
                ["secret"])
        self.assertEqual(mine.url, "https://partner.example/a")
        # managers read every subscription of their companies, without secrets or writes
        self.assertEqual(mine.with_user(self.user_manager).name, "Broker portal")
        with self.assertRaises(AccessError):
            mine.with_user(self.user_manager).write({"name": "renamed"})
        # integration admins manage them all
        admin_view = self.env["claims.webhook"].with_user(self.user_integration)
        self.assertEqual(admin_view.search([("id", "in", (mine | theirs).ids)]), mine | theirs)
        mine.with_user(self.user_integration).timeout = 5
        self.assertEqual(mine.timeout, 5)
