# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .. import mapping


class ClaimsClaimCoverage(models.Model):
    """A claim's coverage line keeps the PolicyPort code it came with when no coverage type of
    ours matches that code (the "Other" line of mapping.py)."""

    _inherit = "claims.claim.coverage"

    tiva_coverage_code = fields.Char(string="PolicyPort code", readonly=True, copy=False)
    tiva_coverage_category = fields.Char(string="PolicyPort category", readonly=True, copy=False)
    tiva_description = fields.Char(string="Description", readonly=True, copy=False)

    def _get_policyport_coverage(self):
        """(PolicyPort code, category) of this line, or None (mapping.line_coverage)."""
        self.ensure_one()
        return mapping.line_coverage(self.coverage_type_id.code, self.tiva_coverage_code,
                                     self.tiva_coverage_category)
