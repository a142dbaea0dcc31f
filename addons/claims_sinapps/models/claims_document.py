# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ClaimsDocument(models.Model):
    """A document that came from a Sinapps attachment keeps its Sinapps id and type."""

    _inherit = "claims.document"

    sinapps_attachment_id = fields.Char(string="Sinapps attachment id", readonly=True,
                                        copy=False)
    sinapps_type = fields.Char(string="Sinapps type", readonly=True, copy=False)

    _sinapps_attachment_unique = models.UniqueIndex(
        "(claim_id, sinapps_attachment_id) WHERE sinapps_attachment_id IS NOT NULL",
        "This Sinapps attachment is already a document of the claim.",
    )
