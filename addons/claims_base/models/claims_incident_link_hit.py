# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models


class ClaimsIncidentLinkHit(models.Model):
    """One request through an incident link, counted for rate limiting.

    Stored in the database so the limit holds across workers and restarts; rows older
    than a day are removed by the autovacuum.
    """

    _name = "claims.incident.link.hit"
    _description = "Incident link hit"
    _log_access = True

    link_id = fields.Many2one(
        "claims.incident.link", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="link_id.company_id", store=True, index=True)
    address = fields.Char(required=True)
    kind = fields.Selection([("submit", "Report"), ("upload", "Photo upload")], required=True)

    _link_address_index = models.Index("(link_id, address, kind, create_date)")

    @api.autovacuum
    def _gc_old_hits(self):
        self.sudo().search(
            [("create_date", "<", fields.Datetime.now() - timedelta(days=1))]
        ).unlink()
