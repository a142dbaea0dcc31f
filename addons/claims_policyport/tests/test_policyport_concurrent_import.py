# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import threading

from odoo import SUPERUSER_ID, api
from odoo.orm.environments import Transaction
from odoo.tests import TransactionCase, tagged

from .common import PolicyPortSimulator, make_claim


@tagged("post_install", "-at_install")
class TestPolicyportConcurrentImport(TransactionCase):
    """Two jobs importing the same claim at the same time, each in its own committed
    transaction (real cursors and threads, as two queue_job workers would)."""

    def setUp(self):
        super().setUp()
        self.sim = PolicyPortSimulator().start()
        self.addCleanup(self.sim.stop)
        self.sim.add_claim(make_claim(901))
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            backend = env["claims.policyport.backend"].create({
                "name": "Concurrent desk", "endpoint": self.sim.url, "login": "desk",
                "secret": "s3cret", "user_id": env.ref("base.user_admin").id,
            })
            exchanges = env["claims.exchange"]._create_for(backend, [
                {"direction": "in", "kind": "claim", "external_id": "TV-100901"},
                {"direction": "in", "kind": "claim", "external_id": "TV-100901"},
            ])
            self.backend_id, self.exchange_ids = backend.id, exchanges.ids
            cr.commit()
        self.addCleanup(self._remove_committed_data)
        self.admin_id = self.env.ref("base.user_admin").id

    def _remove_committed_data(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
            backend = env["claims.policyport.backend"].browse(self.backend_id)
            bindings = env["claims.binding"].search(
                [("backend_model", "=", backend._name), ("backend_id", "=", backend.id)])
            claims = env["claims.claim"].browse(bindings.mapped("res_id")).exists()
            policies = claims.policy_id
            bindings.unlink()
            # posted reserve lines cannot be deleted through the ORM (a ledger): test data only
            cr.execute("DELETE FROM claims_reserve_line WHERE claim_id = ANY(%s)", [claims.ids])
            claims.unlink()
            policies.unlink()
            env["claims.exchange"].browse(self.exchange_ids).unlink()
            backend.unlink()
            cr.commit()

    def _import(self, exchange_id, before_commit=None):
        with self.registry.cursor() as cr:
            # the test runner holds the registry lock: give the thread's cursor the registry
            cr.transaction = Transaction(self.registry)
            env = api.Environment(cr, self.admin_id, {})
            env["claims.exchange"].browse(exchange_id)._job_process()
            if before_commit:
                before_commit()
            cr.commit()

    def test_two_imports_at_once_create_the_claim_once(self):
        first_done, go_commit = threading.Event(), threading.Event()
        errors = []

        def first():
            try:
                self._import(self.exchange_ids[0], before_commit=lambda: (
                    first_done.set(), go_commit.wait(30)))
            except Exception as err:  # noqa: BLE001 - reported below
                errors.append(err)
                first_done.set()

        def second():
            try:
                self._import(self.exchange_ids[1])
            except Exception as err:  # noqa: BLE001 - reported below
                errors.append(err)

        thread_1 = threading.Thread(target=first)
        thread_1.start()
        if not first_done.wait(30):
            import sys  # noqa: PLC0415
            import traceback  # noqa: PLC0415

            frame = sys._current_frames().get(thread_1.ident)
            self.fail("the first import hangs:\n" + "".join(traceback.format_stack(frame)))
        # the second starts while the first holds its binding, uncommitted
        thread_2 = threading.Thread(target=second)
        thread_2.start()
        thread_2.join(1.5)
        self.assertTrue(thread_2.is_alive(), "the second waits on the first's binding")
        go_commit.set()
        thread_1.join(60)
        thread_2.join(60)
        self.assertFalse(errors)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
            claims = env["claims.claim"].search([("tiva_claim_id", "=", "TV-100901")])
            exchanges = env["claims.exchange"].browse(self.exchange_ids)
            self.assertEqual(len(claims), 1)
            self.assertEqual(exchanges.mapped("state"), ["done", "skipped"])
            self.assertEqual(exchanges[1].summary, "Imported at the same time by another job.")
