# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _claims_start_company_ids(self):
        """The companies a claims user starts on: their default company, then its branches
        (at any depth) that the user is allowed in. Other users start on their company alone."""
        self.ensure_one()
        company = self.company_id
        if not self._is_internal() or not self.has_group("claims_base.group_claims_user"):
            return company.ids
        branches = self.company_ids.filtered(
            lambda allowed: allowed != company
            and allowed.parent_path.startswith(company.parent_path)
        )
        return company.ids + sorted(branches.ids)
