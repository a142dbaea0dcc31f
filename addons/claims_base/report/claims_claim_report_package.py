# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ReportClaimsClaimPackage(models.AbstractModel):
    """Values of the package summary: the claim and the documents the package holds.

    The summary goes to outsiders: it shows no money and no description (see the template).
    Printed without data (from a claim), it lists all the claim's documents.
    """

    _name = "report.claims_base.report_claims_claim_package"
    _description = "Claim package summary"

    @api.model
    def _get_report_values(self, docids, data=None):
        claims = self.env["claims.claim"].browse(docids)
        document_ids = (data or {}).get("document_ids")
        return {
            "doc_ids": docids,
            "doc_model": "claims.claim",
            "docs": claims,
            "documents_of": lambda claim: (
                self.env["claims.document"].browse(document_ids).filtered(
                    lambda d: d.claim_id == claim)
                if document_ids is not None else claim.document_ids
            ),
        }
