# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.service.model import get_public_method
from odoo.tests import new_test_user

from odoo.addons.claims_base.tests.common import ClaimsCommon


class TestClaimsChangeFeed(ClaimsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Change = cls.env["claims.change"]
        cls.Change._assign_numbers()
        cls.stage_next = cls.env["claims.claim.stage"].create({"name": "Expertise", "sequence": 99})
        cls.category = cls.env.ref("claims_base.claims_document_category_photo")

    def _new_entries(self, after):
        self.Change._assign_numbers()
        return self.Change.with_user(self.user_handler)._read_feed(after=after)["changes"]

    def _last(self):
        return self.Change.search([], order="number desc", limit=1).number

    def test_claim_created_and_stage_changed_are_entries(self):
        last = self._last()
        claim = self._create_claim(self.company)
        claim.stage_id = self.stage_next
        entries = self._new_entries(last)
        self.assertEqual([(e["kind"], e["claim_id"]) for e in entries],
                         [("claim_created", claim.id), ("stage_changed", claim.id)])
        self.assertEqual(entries[1]["data"]["stage"], "Expertise")
        self.assertLess(entries[0]["number"], entries[1]["number"])

    def test_entries_of_a_transaction_are_numbered_by_one_callback(self):
        """However many entries a transaction writes, one post-commit run numbers them all."""
        self._create_claim(self.company)
        self._create_claim(self.company)
        self.claim.stage_id = self.stage_next
        callbacks = [func for func in self.env.cr.postcommit._funcs
                     if getattr(func, "__name__", "") == "_assign_numbers_after_commit"]
        self.assertEqual(len(callbacks), 1)

    def test_unwatched_write_makes_no_entry(self):
        last = self._last()
        self.claim.description = "Only a description"
        self.assertFalse(self._new_entries(last))

    def test_document_added_and_payment_paid_are_entries(self):
        last = self._last()
        self.coverage._add_reserve(1000, "initial")
        self.env["claims.document"].create({
            "name": "estimate.pdf", "claim_id": self.claim.id, "category_id": self.category.id,
            "datas": "SGVsbG8=",
        })
        payment = self._payment(100)
        payment.with_user(self.user_manager).action_request()
        payment.with_user(self.user_manager).action_approve()
        payment.with_user(self.user_manager).action_mark_paid()
        entries = self._new_entries(last)
        self.assertEqual(entries[0]["kind"], "document_added")
        self.assertEqual(entries[0]["data"]["category"], "photo")
        self.assertEqual([e["data"]["state"] for e in entries[1:]],
                         ["requested", "approved", "paid"])

    def test_entry_without_number_is_not_served(self):
        """An entry shows only once numbered: the reader never passes over a late commit."""
        last = self._last()
        self._create_claim(self.company)
        self.assertFalse(self.Change._read_feed(after=last)["changes"])
        self.assertEqual(len(self._new_entries(last)), 1)

    def test_feed_cursor_stays_when_nothing_new(self):
        last = self._new_entries(0)[-1]["number"]
        self.assertEqual(self.Change._read_feed(after=last), {"changes": [], "last": last})

    def test_user_of_other_company_sees_no_entry(self):
        last = self._last()
        self._create_claim(self.company)
        outsider = new_test_user(
            self.env, login="outsider", groups="claims_base.group_claims_user",
            company_id=self.other_company.id, company_ids=[(6, 0, self.other_company.ids)],
        )
        self.Change._assign_numbers()
        handler_feed = self.Change.with_user(self.user_handler)._read_feed(last)
        self.assertEqual(len(handler_feed["changes"]), 1)
        self.assertFalse(self.Change.with_user(outsider)._read_feed(last)["changes"])

    def test_branch_user_sees_branch_entries_only(self):
        last = self._last()
        self._create_claim(self.company)
        branch_claim = self._create_claim(self.branch)
        self.Change._assign_numbers()
        entries = self.Change.with_user(self.user_branch)._read_feed(last)["changes"]
        self.assertEqual([e["claim_id"] for e in entries], [branch_claim.id])

    def test_entries_cannot_be_created_or_numbered_remotely(self):
        for method in ("create", "_assign_numbers", "_read_feed", "_cron_assign_numbers"):
            with self.assertRaises(AccessError):
                get_public_method(self.Change, method)
