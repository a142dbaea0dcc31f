// Copyright 2026 The claims suite authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { onWillUnmount, useRef } from "@odoo/owl";
import { browser } from "@web/core/browser/browser";
import { usePopover } from "@web/core/popover/popover_hook";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { FormLabel } from "@web/views/form/form_label";
import { FormRenderer } from "@web/views/form/form_renderer";
import { formView } from "@web/views/form/form_view";
import { FieldHistoryDialog, FieldHistoryPopover, loadFieldHistory } from "./field_history";

const OPEN_DELAY = 350;
const CLOSE_DELAY = 250;

/**
 * The label of a tracked field (``tracked`` in the model's fields, set by
 * claims.field.history.mixin): hovering it shows the last change, the history button next to
 * it opens every change of the field.
 */
export class FieldHistoryLabel extends FormLabel {
    static template = "claims_base.FieldHistoryLabel";

    setup() {
        super.setup();
        this.orm = useService("orm");
        this.dialog = useService("dialog");
        this.labelRef = useRef("label");
        this.popover = usePopover(FieldHistoryPopover, {
            position: "right",
            closeOnClickAway: true,
            popoverClass: "o_claims_field_history_popover",
        });
        this.openTimer = null;
        this.closeTimer = null;
        onWillUnmount(() => this.clearTimers());
    }

    get hasHistory() {
        const { record, fieldName } = this.props;
        return Boolean(record.fields[fieldName]?.tracked && record.resId && !record.isNew);
    }

    clearTimers() {
        browser.clearTimeout(this.openTimer);
        browser.clearTimeout(this.closeTimer);
    }

    onMouseEnter() {
        if (!this.hasHistory) {
            return;
        }
        this.clearTimers();
        if (!this.popover.isOpen) {
            this.openTimer = browser.setTimeout(() => this.showLastChange(), OPEN_DELAY);
        }
    }

    onMouseLeave() {
        this.clearTimers();
        this.closeTimer = browser.setTimeout(() => this.popover.close(), CLOSE_DELAY);
    }

    async showLastChange() {
        const { record, fieldName } = this.props;
        const history = await loadFieldHistory(this.orm, record, fieldName, 1);
        const target = this.labelRef.el;
        if (!target?.isConnected || !target.matches(":hover")) {
            return;
        }
        this.popover.open(target, {
            history,
            record,
            openFullHistory: () => this.openFullHistory(),
            onMouseEnter: () => this.clearTimers(),
            onMouseLeave: () => this.onMouseLeave(),
        });
    }

    openFullHistory() {
        this.clearTimers();
        this.popover.close();
        this.dialog.add(FieldHistoryDialog, {
            record: this.props.record,
            fieldName: this.props.fieldName,
        });
    }
}

export class FieldHistoryFormRenderer extends FormRenderer {
    static components = { ...FormRenderer.components, FormLabel: FieldHistoryLabel };
}

export const fieldHistoryFormView = {
    ...formView,
    Renderer: FieldHistoryFormRenderer,
};

registry.category("views").add("claims_field_history_form", fieldHistoryFormView);
