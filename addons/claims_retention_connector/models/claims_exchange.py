# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from odoo.addons.claims_retention.tools import wipe


class ClaimsExchange(models.Model):
    _inherit = "claims.exchange"

    def _retention_wipe_for(self, records_by_model):
        """Wipe the exchanges of these business records ({model: ids}): the raw payloads
        (attachments) are deleted, the error texts and summaries blanked. The log line stays
        (direction, kind, external id, state, dates) for the statistics. Superuser work."""
        domain = wipe.record_domain(records_by_model)
        if not domain:
            return self.browse()
        exchanges = self.sudo().search(domain)
        if exchanges:
            attachment_ids = exchanges.payload_attachment_id.ids
            exchanges.write({
                "payload_attachment_id": False, "error_text": False, "summary": False,
            })
            wipe.delete_attachments(self.env, {self._name: exchanges.ids}, attachment_ids)
        return exchanges
