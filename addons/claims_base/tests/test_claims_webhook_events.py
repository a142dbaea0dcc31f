# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user

from odoo.addons.claims_base.models.claims_webhook import sign
from odoo.addons.claims_base.models.claims_webhook_delivery import ALLOW_PRIVATE_PARAM
from odoo.addons.queue_job.tests.common import trap_jobs

from .common import ClaimsCommon


class TestClaimsWebhookEvents(ClaimsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.partner_user = new_test_user(
            cls.env, login="partner_system", groups="claims_base.group_claims_api",
            company_id=cls.company.id, company_ids=[(6, 0, (cls.company | cls.branch).ids)],
        )
        cls.webhook = cls.env["claims.webhook"].with_user(cls.partner_user).create({
            "name": "Broker portal", "url": "https://partner.example/hooks",
            "on_document_added": False,
        })
        cls.stage = cls.env["claims.claim.stage"].create({"name": "Repair", "sequence": 99})

    def test_subscribed_events_queue_one_job_each(self):
        with trap_jobs() as trap:
            self.claim.stage_id = self.stage
            self.env["claims.document"].create({
                "name": "x.pdf", "claim_id": self.claim.id, "datas": "SGVsbG8=",
                "category_id": self.env.ref("claims_base.claims_document_category_other").id,
            })
            self._create_claim(self.branch)
        self.assertEqual(self.webhook.delivery_ids.mapped("event"),
                         ["claim.created", "claim.stage_changed"])
        self.assertEqual(len(trap.enqueued_jobs), 2)
        self.assertEqual({job.method_name for job in trap.enqueued_jobs}, {"_send"})

    def test_claims_of_other_company_send_nothing(self):
        with trap_jobs() as trap:
            self._create_claim(self.other_company, policy_id=False)
        self.assertFalse(self.webhook.delivery_ids)
        self.assertFalse(trap.enqueued_jobs)

    def test_signature_carries_previous_secret_during_grace(self):
        secret = self.webhook.sudo().secret
        header = self.webhook._get_signature_header(1700000000, b"{}")
        self.assertEqual(header, f"v1={sign(secret, 1700000000, b'{}')}")
        new_secret = self.webhook.with_user(self.partner_user).action_rotate_secret()["secret"]
        header = self.webhook._get_signature_header(1700000000, b"{}")
        self.assertEqual(header, f"v1={sign(new_secret, 1700000000, b'{}')},"
                                 f"v1={sign(secret, 1700000000, b'{}')}")

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
            webhook.secret  # noqa: B018

    def test_delivery_to_a_private_address_fails_without_a_call(self):
        self.env["ir.config_parameter"].set_param(ALLOW_PRIVATE_PARAM, False)
        self.webhook.url = "http://127.0.0.1:9/hooks"
        self.registry_enter_test_mode()  # attempts are written through a cursor of their own
        with trap_jobs() as trap:
            self.claim.stage_id = self.stage
            self.env["claims.change"]._assign_numbers()  # what follows the writer's commit
            trap.perform_enqueued_jobs()
        self.env.invalidate_all()
        delivery = self.webhook.delivery_ids
        self.assertEqual((delivery.state, delivery.attempt_count, delivery.response_status),
                         ("error", 1, 0))
        self.assertIn("not a public address", delivery.error)
