# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class ClaimsIncident(models.Model):
    _inherit = "claims.incident"

    def _retention_anonymise_extra(self):
        """The exchanges of the incidents (reports from partner systems) lose their payloads."""
        self.env["claims.exchange"]._retention_wipe_for({self._name: self.ids})
        return super()._retention_anonymise_extra()
