// Copyright 2026 The claims suite authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { Component, onMounted, useState } from "@odoo/owl";
import { generatePdfThumbnail } from "@mail/utils/common/pdf_thumbnail";
import { rpc } from "@web/core/network/rpc";
import { registry } from "@web/core/registry";
import { imageUrl, url } from "@web/core/utils/urls";
import { standardFieldProps } from "@web/views/fields/standard_field_props";

/**
 * A document's preview, on its attachment field: images through /web/image (resized by the
 * server), PDFs through the attachment's thumbnail. A PDF without one gets its first page
 * rendered once in the browser and stored on the attachment, as the chatter does.
 */
export class DocumentThumbnailField extends Component {
    static template = "claims_base.DocumentThumbnailField";
    static props = { ...standardFieldProps };

    setup() {
        this.state = useState({ pdfPreview: null });
        onMounted(() => {
            if (this.isPdf && !this.props.record.data.has_thumbnail && this.attachmentId) {
                this.makePdfThumbnail();
            }
        });
    }

    get attachmentId() {
        return this.props.record.data[this.props.name]?.id;
    }

    get mimetype() {
        return this.props.record.data.mimetype || "";
    }

    get isImage() {
        return this.mimetype.startsWith("image/");
    }

    get isPdf() {
        return this.mimetype === "application/pdf";
    }

    get previewUrl() {
        const { checksum, has_thumbnail } = this.props.record.data;
        if (!this.attachmentId) {
            return null;
        }
        if (this.isImage) {
            return url(`/web/image/${this.attachmentId}/480x320`, { unique: checksum });
        }
        if (this.isPdf && this.state.pdfPreview) {
            return this.state.pdfPreview;
        }
        if (this.isPdf && has_thumbnail) {
            return imageUrl("ir.attachment", this.attachmentId, "thumbnail", {
                unique: checksum,
            });
        }
        return null;
    }

    async makePdfThumbnail() {
        const { isPdfValid, thumbnail } = await generatePdfThumbnail(
            url(`/mail/attachment/pdf_first_page/${this.attachmentId}`),
            { width: 256, height: 256 * Math.SQRT2 }
        );
        if (!isPdfValid || !thumbnail) {
            return;
        }
        this.state.pdfPreview = `data:image/jpeg;base64,${thumbnail}`;
        try {
            await rpc("/mail/attachment/update_thumbnail", {
                attachment_id: this.attachmentId,
                thumbnail,
            });
        } catch {
            // a reader who may not edit the document still sees the preview this time
        }
    }
}

export const documentThumbnailField = {
    component: DocumentThumbnailField,
    supportedTypes: ["many2one"],
    fieldDependencies: [
        { name: "mimetype", type: "char" },
        { name: "checksum", type: "char" },
        { name: "has_thumbnail", type: "boolean" },
    ],
};

registry.category("fields").add("claims_document_thumbnail", documentThumbnailField);
