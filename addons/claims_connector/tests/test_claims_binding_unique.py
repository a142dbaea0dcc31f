# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError

from .common import ClaimsConnectorCommon


class TestClaimsBindingUnique(ClaimsConnectorCommon):
    def test_external_id_is_bound_once_per_backend(self):
        Binding = self.env["claims.binding"]
        first = Binding._reserve(self.backend, "claims.claim", external_id="T-1")
        self.assertTrue(first)
        self.assertFalse(Binding._reserve(self.backend, "claims.claim", external_id="T-1"))
        other_backend = self.backend.copy({"name": "Second account"})
        self.assertTrue(Binding._reserve(other_backend, "claims.claim", external_id="T-1"))

    def test_external_key_catches_the_same_object_under_another_id(self):
        Binding = self.env["claims.binding"]
        Binding._reserve(self.backend, "claims.claim", external_id="T-1", external_key="C|1")
        self.assertFalse(Binding._reserve(
            self.backend, "claims.claim", external_id="T-2", external_key="C|1"))

    def test_empty_external_key_is_not_a_duplicate(self):
        Binding = self.env["claims.binding"]
        self.assertTrue(Binding._reserve(self.backend, "claims.claim", external_id="T-1"))
        self.assertTrue(Binding._reserve(self.backend, "claims.claim", external_id="T-2"))

    def test_find_reads_existing_bindings_by_id_or_key(self):
        Binding = self.env["claims.binding"]
        Binding._reserve(self.backend, "claims.claim", external_id="T-1", external_key="C|1")
        found = Binding._find(self.backend, "claims.claim", ["T-9"], ["C|1"])
        self.assertEqual(found.external_id, "T-1")

    def test_bound_claim_cannot_be_deleted_but_can_be_archived(self):
        binding = self.env["claims.binding"]._reserve(
            self.backend, "claims.claim", external_id="T-1")
        binding._bind_record(self.claim)
        with self.assertRaises(UserError):
            self.claim.unlink()
        self.claim.action_archive()
        self.assertFalse(self.claim.active)
        self.assertEqual(binding.res_id, self.claim.id, "the binding outlives the archiving")

    def test_unbound_claim_can_be_deleted_by_a_manager(self):
        claim = self._create_claim(self.company)
        claim.with_user(self.user_manager).unlink()
        self.assertFalse(claim.exists())
