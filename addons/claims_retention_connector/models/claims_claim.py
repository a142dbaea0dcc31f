# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class ClaimsClaim(models.Model):
    _inherit = "claims.claim"

    def _retention_anonymise_extra(self):
        """The exchanges of the claims and of their payments lose their payloads."""
        self.env["claims.exchange"]._retention_wipe_for({
            self._name: self.ids,
            "claims.payment": self.payment_ids.ids,
        })
        return super()._retention_anonymise_extra()
