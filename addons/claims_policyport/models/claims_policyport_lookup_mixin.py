# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ClaimsPolicyportLookupMixin(models.AbstractModel):
    """Records the PolicyPort importer keeps by code in the registry's cache.

    Creating, changing or deleting one clears that cache, in every worker (the registry
    signals it), so the next import reads them again.
    """

    _name = "claims.policyport.lookup.mixin"
    _description = "Configuration read by the PolicyPort importer"

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        self.env.registry.clear_cache()
        return records

    def write(self, vals):
        result = super().write(vals)
        self.env.registry.clear_cache()
        return result

    def unlink(self):
        result = super().unlink()
        self.env.registry.clear_cache()
        return result
