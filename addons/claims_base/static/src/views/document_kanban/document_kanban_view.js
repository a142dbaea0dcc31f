// Copyright 2026 The claims suite authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { useEffect, useState } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { checkFileSize } from "@web/core/utils/files";
import { useService } from "@web/core/utils/hooks";
import { kanbanView } from "@web/views/kanban/kanban_view";
import { KanbanRenderer } from "@web/views/kanban/kanban_renderer";

/** Where dropped files go: the claim or incident whose documents the action shows. */
const PARENTS = [
    ["default_claim_id", "claims.claim"],
    ["default_incident_id", "claims.incident"],
];

/**
 * The documents kanban, grouped by category: dragging a card to another column re-files it
 * (the standard kanban move), and files dragged from the desktop onto a column are uploaded
 * into that category of the claim or incident the documents were opened from.
 */
export class ClaimsDocumentKanbanRenderer extends KanbanRenderer {
    setup() {
        super.setup();
        this.http = useService("http");
        this.notification = useService("notification");
        this.orm = useService("orm");
        this.dragDepth = 0;
        this.fileDrop = useState({ groupId: null });
        useEffect(
            (root) => {
                if (!root) {
                    return;
                }
                const listeners = {
                    dragenter: (ev) => this.onFileDragEnter(ev),
                    dragover: (ev) => this.onFileDragOver(ev),
                    dragleave: (ev) => this.onFileDragLeave(ev),
                    drop: (ev) => this.onFileDrop(ev),
                };
                for (const [name, listener] of Object.entries(listeners)) {
                    root.addEventListener(name, listener);
                }
                return () => {
                    for (const [name, listener] of Object.entries(listeners)) {
                        root.removeEventListener(name, listener);
                    }
                };
            },
            () => [this.rootRef.el]
        );
    }

    /** @returns {{resModel: string, resId: number}|null} */
    get uploadParent() {
        const context = this.props.list.context || {};
        for (const [key, resModel] of PARENTS) {
            if (context[key]) {
                return { resModel, resId: context[key] };
            }
        }
        return null;
    }

    get canUploadFiles() {
        return Boolean(
            this.uploadParent &&
                this.props.list.isGrouped &&
                this.props.list.groupByField?.name === "category_id" &&
                this.props.archInfo.activeActions?.create !== false
        );
    }

    isFileDrag(ev) {
        return Boolean(ev.dataTransfer?.types?.includes("Files")) && this.canUploadFiles;
    }

    /** The column (group) under the pointer, if it is a category. */
    getDropGroup(ev) {
        const groupEl = ev.target.closest?.(".o_kanban_group");
        if (!groupEl) {
            return null;
        }
        const group = this.props.list.groups.find((g) => g.id === groupEl.dataset.id);
        return group && group.value ? { group } : null;
    }

    /** @override: the column under dragged files is marked as the drop target. */
    getGroupClasses(group, isGroupProcessing) {
        const classes = super.getGroupClasses(group, isGroupProcessing);
        return group.id === this.fileDrop.groupId ? `${classes} o_claims_drop_target` : classes;
    }

    highlight(group) {
        this.fileDrop.groupId = group?.id || null;
        this.rootRef.el?.classList.toggle("o_claims_file_dragging", Boolean(group));
    }

    onFileDragEnter(ev) {
        if (this.isFileDrag(ev)) {
            this.dragDepth++;
        }
    }

    onFileDragOver(ev) {
        if (!this.isFileDrag(ev)) {
            return;
        }
        ev.preventDefault();
        const target = this.getDropGroup(ev);
        ev.dataTransfer.dropEffect = target ? "copy" : "none";
        this.highlight(target?.group);
    }

    onFileDragLeave(ev) {
        if (!this.isFileDrag(ev)) {
            return;
        }
        this.dragDepth = Math.max(this.dragDepth - 1, 0);
        if (!this.dragDepth) {
            this.highlight(null);
        }
    }

    async onFileDrop(ev) {
        if (!this.isFileDrag(ev)) {
            return;
        }
        ev.preventDefault();
        ev.stopPropagation();
        this.dragDepth = 0;
        this.fileDrop = useState({ groupId: null });
        this.highlight(null);
        const target = this.getDropGroup(ev);
        const files = [...ev.dataTransfer.files];
        if (!target || !files.length) {
            return;
        }
        await this.uploadFiles(files, target.group);
    }

    /**
     * Upload the files on the claim (or incident) with the web client's attachment route,
     * then file them as documents of the column's category.
     */
    async uploadFiles(files, group) {
        if (!files.every((file) => checkFileSize(file.size, this.notification))) {
            return;
        }
        const { resModel, resId } = this.uploadParent;
        this.toggleProcessing(group.id, true);
        try {
            const response = await this.http.post(
                "/web/binary/upload_attachment",
                { csrf_token: odoo.csrf_token, ufile: files, model: resModel, id: resId },
                "text"
            );
            const uploads = JSON.parse(response);
            const failed = uploads.filter((upload) => upload.error);
            for (const upload of failed) {
                this.notification.add(upload.error, { type: "danger" });
            }
            const attachmentIds = uploads.filter((upload) => !upload.error).map((u) => u.id);
            if (!attachmentIds.length) {
                return;
            }
            await this.orm.call("claims.document", "add_uploaded_files", [
                resModel,
                resId,
                group.value,
                attachmentIds,
            ]);
            this.notification.add(
                _t("%(count)s file(s) filed in %(category)s", {
                    count: attachmentIds.length,
                    category: group.displayName,
                }),
                { type: "success" }
            );
            await this.props.list.model.load();
        } finally {
            this.toggleProcessing(group.id, false);
        }
    }
}

export const claimsDocumentKanbanView = {
    ...kanbanView,
    Renderer: ClaimsDocumentKanbanRenderer,
};

registry.category("views").add("claims_document_kanban", claimsDocumentKanbanView);
