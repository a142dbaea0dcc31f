# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import threading
from unittest.mock import patch

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import DummyRLock, Registry
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common import PolicyPortSimulator, make_claim


class ConcurrentImportCase(TransactionCase):
    """Imports run by jobs at the same time, each in its own committed transaction (real
    cursors and threads, as two queue_job workers would).

    The test runner holds the registry lock while tests run, and every new environment of
    the threads (theirs, and those their commits open, such as the change feed's numbering)
    looks its registry up under that lock: as Odoo's threaded tests do, the lock is a dummy
    for the test, or each thread would wait for the test to end.
    """

    def setUp(self):
        super().setUp()
        lock = patch.object(Registry, "_lock", DummyRLock())
        lock.start()
        self.addCleanup(lock.stop)
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
            # committed on purpose: the import threads see the data from their own cursors
            cr.commit()  # pylint: disable=invalid-commit
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
            # committed on purpose: removes what setUp and the threads committed
            cr.commit()  # pylint: disable=invalid-commit

    def _import(self, exchange_id, before_commit=None):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, self.admin_id, {})
            env["claims.exchange"].browse(exchange_id)._job_process()
            if before_commit:
                before_commit()
            # committed on purpose: a job's import commits, as a queue_job worker's does
            cr.commit()  # pylint: disable=invalid-commit

    def _import_at_once(self, first_id, second_id, second_waits_on):
        """Import two exchanges in two threads: the second starts while the first has done
        its work, uncommitted; returns the exceptions the two raised."""
        first_done, go_commit = threading.Event(), threading.Event()
        errors = []

        def first():
            try:
                self._import(first_id, before_commit=lambda: (
                    first_done.set(), go_commit.wait(30)))
            except Exception as err:  # noqa: BLE001 - returned
                errors.append(err)
                first_done.set()

        def second():
            try:
                self._import(second_id)
            except Exception as err:  # noqa: BLE001 - returned
                errors.append(err)

        thread_1 = threading.Thread(target=first)
        thread_1.start()
        if not first_done.wait(30):
            import sys  # noqa: PLC0415
            import traceback  # noqa: PLC0415

            frame = sys._current_frames().get(thread_1.ident)
            self.fail("the first import hangs:\n" + "".join(traceback.format_stack(frame)))
        thread_2 = threading.Thread(target=second)
        with mute_logger("odoo.sql_db"):  # PostgreSQL's refusal of a duplicate is logged
            thread_2.start()
            thread_2.join(1.5)
            self.assertTrue(thread_2.is_alive(), f"the second waits on {second_waits_on}")
            go_commit.set()
            thread_1.join(60)
            thread_2.join(60)
        return errors


@tagged("post_install", "-at_install")
class TestPolicyportConcurrentImport(ConcurrentImportCase):
    """Two jobs importing the same claim at the same time."""

    def test_two_imports_at_once_create_the_claim_once(self):
        errors = self._import_at_once(*self.exchange_ids, "the first's binding")
        self.assertFalse(errors)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
            claims = env["claims.claim"].search([("tiva_claim_id", "=", "TV-100901")])
            exchanges = env["claims.exchange"].browse(self.exchange_ids)
            self.assertEqual(len(claims), 1)
            self.assertEqual(exchanges.mapped("state"), ["done", "skipped"])
            self.assertEqual(exchanges[1].summary, "Imported at the same time by another job.")


@tagged("post_install", "-at_install")
class TestPolicyportConcurrentNewClient(ConcurrentImportCase):
    """Two different claims of a client never seen before, imported at once: both would
    create the client's insurer; the second job is retried and then uses the first's."""

    def setUp(self):
        super().setUp()
        self.sim.add_claim(make_claim(902, Client="NEWCLIENT", ClientName="New Client Mutual"))
        self.sim.add_claim(make_claim(903, Client="NEWCLIENT", ClientName="New Client Mutual"))
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            backend = env["claims.policyport.backend"].browse(self.backend_id)
            exchanges = env["claims.exchange"].browse(self.exchange_ids)
            exchanges |= env["claims.exchange"]._create_for(backend, [
                {"direction": "in", "kind": "claim", "external_id": "TV-100902"},
                {"direction": "in", "kind": "claim", "external_id": "TV-100903"},
            ])
            self.exchange_ids = exchanges.ids
            # committed on purpose: the import threads see the data from their own cursors
            cr.commit()  # pylint: disable=invalid-commit

    def _remove_committed_data(self):
        result = super()._remove_committed_data()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
            refs = env["claims.partner.ref"].search([("ref", "=", "NEWCLIENT")])
            partners = refs.partner_id
            refs.unlink()
            partners.unlink()
            # committed on purpose: removes the client that the threads committed
            cr.commit()  # pylint: disable=invalid-commit
        return result

    def test_first_claims_of_a_new_client_at_once(self):
        from odoo.addons.queue_job.exception import RetryableJobError  # noqa: PLC0415

        exchange_a, exchange_b = self.exchange_ids[2:]
        errors = self._import_at_once(exchange_a, exchange_b, "the first's insurer")
        # the second job asks queue_job for a retry; its exchange waits, nothing half-made
        self.assertEqual(len(errors), 1)
        self.assertIsInstance(errors[0], RetryableJobError)
        self.assertIn("another import at the same time", str(errors[0]))
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
            self.assertEqual(env["claims.exchange"].browse(exchange_b).state, "pending")
            self.assertFalse(env["claims.claim"].search([("tiva_claim_id", "=", "TV-100903")]))
        # the retry finds the insurer the first import created
        self._import(exchange_b)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
            claims = env["claims.claim"].search(
                [("tiva_claim_id", "in", ("TV-100902", "TV-100903"))])
            self.assertEqual(len(claims), 2)
            self.assertEqual(len(claims.insurer_id), 1)
            self.assertEqual(claims.insurer_id.name, "New Client Mutual")
            self.assertEqual(env["claims.exchange"].browse(exchange_b).state, "done")
