# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

# Our document category of each upload type Opus takes; any other published document goes
# as OTHER (mapping.UPLOAD_TYPES).
UPLOAD_TYPE_OF_CATEGORY = {
    "opus_repairer_s_report": "REPAIRER_S_REPORT",
    "opus_quote": "QUOTE",
    "opus_scope_of_works": "SCOPE_OF_WORKS",
}


class ClaimsDocument(models.Model):
    """A document attached "Published externally" on an Opus claim is uploaded to Opus (one
    exchange each), typed by its category; the flag is fixed when attached (claims_base)."""

    _inherit = "claims.document"

    @api.model_create_multi
    def create(self, vals_list):
        documents = super().create(vals_list)
        documents.filtered(lambda d: d.is_published and d.claim_id)._queue_opus_uploads()
        return documents

    def _queue_opus_uploads(self):
        for document in self:
            claim_sudo = document.claim_id.sudo()
            if not claim_sudo.opus_allocation_id or not claim_sudo.opus_backend_id:
                continue
            self.env["claims.exchange"]._create_for(claim_sudo.opus_backend_id, [{
                "direction": "out", "kind": "upload",
                "external_id": claim_sudo.opus_allocation_id,
                "res_model": self._name, "res_id": document.id}])._enqueue()

    def _opus_upload_type(self):
        self.ensure_one()
        return UPLOAD_TYPE_OF_CATEGORY.get(self.category_id.code, "OTHER")

    @api.model
    def _send_upload_exchange(self, backend, exchange, client):
        document = self.browse(exchange.res_id).exists()
        content = document.sudo().attachment_id.raw if document else None
        if not content:
            exchange._set_skipped(self.env._("The document or its file is gone."))
            return document
        doc_type = document._opus_upload_type()
        result = client.upload_document(exchange.external_id, doc_type, document.name, content)
        exchange._set_done(document, summary=(
            self.env._("Uploaded as %s.", doc_type) if result["uploaded"]
            else self.env._("Already in Opus as %s.", doc_type)))
        return document
