# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ClaimsChangeMixin(models.AbstractModel):
    """Writes a ``claims.change`` feed entry when a record of a claim changes.

    A model that inherits it says which claim a record belongs to (``_change_claim_field``),
    which fields a partner system follows (``_change_watched_fields``) and what kind of
    change a creation or a write is (``_get_change_kind``). Entries are written as superuser
    in the writer's transaction, so they commit or roll back with the change itself; their
    webhooks are queued when they get their number, after that commit (``claims.change``).
    """

    _name = "claims.change.mixin"
    _description = "Claim change feed mixin"

    # Field holding the claim ("id" on the claim itself).
    _change_claim_field = "claim_id"
    # Fields whose writes make an entry; creation always does.
    _change_watched_fields = ()

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._record_changes("create", set())
        return records

    def write(self, vals):
        result = super().write(vals)
        changed = set(vals) & set(self._change_watched_fields)
        if changed:
            self._record_changes("write", changed)
        return result

    # ------------------------------------------------------------------ helpers

    def _get_change_kind(self, operation, changed):
        """Kind of feed entry (a key of claims.change CHANGE_KINDS) or False for none."""
        return False

    def _get_change_data(self, operation, changed):
        """Small dict stored with the entry and sent in webhooks."""
        return {"fields": sorted(changed)} if changed else {}

    def _get_change_claims(self):
        self.ensure_one()
        if self._change_claim_field == "id":
            return self
        return self[self._change_claim_field]

    def _record_changes(self, operation, changed):
        vals_list = []
        for record in self.sudo():
            claim = record._get_change_claims()
            kind = record._get_change_kind(operation, changed)
            if not (claim and kind):
                continue
            vals_list.append({
                "kind": kind,
                "claim_id": claim.id,
                "company_id": claim.company_id.id,
                "res_model": record._name,
                "res_id": record.id,
                "data": record._get_change_data(operation, changed),
            })
        if not vals_list:
            return self.env["claims.change"]
        return self.env["claims.change"].sudo().create(vals_list)
