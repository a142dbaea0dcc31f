# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user

from odoo.addons.claims_api.models.claims_webhook import ALLOW_PRIVATE_PARAM
from odoo.addons.claims_api.webhook_client import backoff, sign
from odoo.addons.claims_base.tests.common import ClaimsCommon
from odoo.addons.queue_job.tests.common import trap_jobs


class TestClaimsWebhookEvents(ClaimsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["claims.change"]._assign_numbers()  # the fixture's own entries: no webhook yet
        cls.partner_user = new_test_user(
            cls.env, login="partner_system", groups="claims_api.group_claims_api",
            company_id=cls.company.id, company_ids=[(6, 0, (cls.company | cls.branch).ids)],
        )
        cls.webhook = cls.env["claims.webhook"].with_user(cls.partner_user).create({
            "name": "Broker portal", "url": "https://partner.example/hooks",
            "on_document_added": False,
        })
        cls.stage = cls.env["claims.claim.stage"].create({"name": "Repair", "sequence": 99})
        cls.user_integration = new_test_user(
            cls.env, login="integration_admin", groups="claims_connector.group_claims_integration",
            company_id=cls.company.id, company_ids=[(6, 0, (cls.company | cls.branch).ids)],
        )

    def _number(self):
        """What follows the writer's commit: the entries get their number, webhooks queue."""
        return self.env["claims.change"]._assign_numbers()

    def test_subscribed_events_are_outbound_exchanges_with_one_job_each(self):
        with trap_jobs() as trap:
            self.claim.stage_id = self.stage
            self.env["claims.document"].create({
                "name": "x.pdf", "claim_id": self.claim.id, "datas": "SGVsbG8=",
                "category_id": self.env.ref("claims_base.claims_document_category_other").id,
            })
            branch_claim = self._create_claim(self.branch)
            self.assertFalse(self.webhook.exchange_ids, "nothing before the entries are numbered")
            self._number()
        exchanges = self.webhook.exchange_ids.sorted("id")
        self.assertRecordValues(exchanges, [
            {"direction": "out", "kind": "claim.stage_changed", "state": "pending",
             "res_model": "claims.claim", "res_id": self.claim.id, "company_id": self.company.id},
            {"direction": "out", "kind": "claim.created", "state": "pending",
             "res_model": "claims.claim", "res_id": branch_claim.id,
             "company_id": self.company.id},
        ])
        self.assertEqual(len(trap.enqueued_jobs), 2)
        self.assertEqual({job.method_name for job in trap.enqueued_jobs}, {"_job_process"})
        self.assertEqual({job.channel for job in trap.enqueued_jobs}, {"root.claims_webhook"})
        self.assertEqual({job.max_retries for job in trap.enqueued_jobs}, {10})
        payload = json.loads(exchanges[0].payload_attachment_id.raw)
        self.assertEqual(payload["id"], exchanges[0].external_id)
        self.assertEqual(payload["change"]["kind"], "stage_changed")
        self.assertTrue(payload["change"]["number"], "the body carries the feed number")
        self.assertEqual(self.claim.exchange_count, 1, "the claim shows its deliveries")
        self.assertEqual(self.webhook.exchange_count, 2)

    def test_deliveries_stay_out_of_the_claim_sync_badge(self):
        with trap_jobs():
            self.claim.stage_id = self.stage
            self._number()
        self.assertTrue(self.webhook.exchange_ids)
        self.claim.invalidate_recordset(["sync_state"])
        self.assertFalse(self.claim.sync_state)

    def test_claims_of_other_company_send_nothing(self):
        with trap_jobs() as trap:
            self._create_claim(self.other_company, policy_id=False)
            self._number()
        self.assertFalse(self.webhook.exchange_ids)
        self.assertFalse(trap.enqueued_jobs)

    def test_signature_carries_previous_secret_during_grace(self):
        secret = self.webhook.sudo().secret
        header = self.webhook._get_signature_header(1700000000, b"{}")
        self.assertEqual(header, f"v1={sign(secret, 1700000000, b'{}')}")
        new_secret = self.webhook.with_user(self.partner_user).action_rotate_secret()["secret"]
        header = self.webhook._get_signature_header(1700000000, b"{}")
        self.assertEqual(header, f"v1={sign(new_secret, 1700000000, b'{}')},"
                                 f"v1={sign(secret, 1700000000, b'{}')}")

    def test_backoff_follows_the_documented_schedule(self):
        self.assertEqual([backoff(n) for n in range(1, 11)],
                         [10, 30, 60, 300, 900, 3600, 3600, 3600, 3600, 3600])

    def test_subscription_needs_http_url_and_sees_as_its_maker(self):
        Webhook = self.env["claims.webhook"].with_user(self.partner_user)
        with self.assertRaises(ValidationError):
            Webhook.create({"name": "bad", "url": "ftp://partner.example/hooks"})
        webhook = Webhook.create({"name": "mine", "url": "http://partner.example/h",
                                  "user_id": self.user_manager.id})
        self.assertEqual(webhook.user_id, self.partner_user)
        with self.assertRaises(ValidationError):
            webhook.user_id = self.user_manager

    def test_handler_without_api_group_cannot_read_secret(self):
        webhook = self.webhook.with_user(self.user_manager)
        self.assertEqual(webhook.name, "Broker portal")
        with self.assertRaises(AccessError):
            webhook.read(["secret"])

    def test_partner_cannot_retry_deliveries_like_an_integration_admin(self):
        with trap_jobs():
            self.claim.stage_id = self.stage
            self._number()
        exchange = self.webhook.exchange_ids
        exchange.sudo().write({"state": "error", "error_text": "HTTP 410"})
        with self.assertRaises(AccessError):
            exchange.with_user(self.partner_user).action_retry()
        # an integration admin's retry goes through the webhook channel and schedule again
        with trap_jobs() as trap:
            exchange.with_user(self.user_integration).action_retry()
        self.assertEqual(exchange.state, "pending")
        self.assertEqual(
            [(job.channel, job.max_retries) for job in trap.enqueued_jobs],
            [("root.claims_webhook", 10)],
        )

    def test_delivery_to_a_private_address_fails_without_a_call(self):
        self.env["ir.config_parameter"].set_param(ALLOW_PRIVATE_PARAM, "1")
        self.webhook.url = "http://127.0.0.1:9/hooks"
        self.env["ir.config_parameter"].set_param(ALLOW_PRIVATE_PARAM, False)
        with trap_jobs() as trap:
            self.claim.stage_id = self.stage
            self._number()
            trap.perform_enqueued_jobs()
        self.assertRecordValues(self.webhook.exchange_ids, [{
            "state": "error", "attempts": 1, "error_kind": "private_address"}])
        self.assertIn("not a public address", self.webhook.exchange_ids.error_text)
        self.assertIn("not a public address", self.claim.message_ids[:1].body,
                      "the failure is on the claim's chatter, as for other exchanges")
