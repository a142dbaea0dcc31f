// Copyright 2026 The claims suite authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { Component, onWillStart, useState } from "@odoo/owl";
import { Dialog } from "@web/core/dialog/dialog";
import {
    deserializeDate,
    deserializeDateTime,
    formatDate,
    formatDateTime,
    toLocaleDateTimeString,
} from "@web/core/l10n/dates";
import { _t } from "@web/core/l10n/translation";
import { useService } from "@web/core/utils/hooks";
import { formatFloat, formatMonetary } from "@web/views/fields/formatters";

/**
 * Read the history of one field through the models' guarded ``get_field_history``.
 *
 * @param {object} orm the orm service
 * @param {object} record the form's record
 * @param {string} fieldName
 * @param {number} [limit]
 */
export function loadFieldHistory(orm, record, fieldName, limit) {
    return orm.call(record.resModel, "get_field_history", [[record.resId], fieldName], {
        limit: limit || false,
    });
}

/** A tracked value (as the server stores it) in the user's format. */
export function formatTrackedValue(value, type, record) {
    if (value === "" || value === false || value === null || value === undefined) {
        return "";
    }
    switch (type) {
        case "date":
            return formatDate(deserializeDate(value));
        case "datetime":
            return formatDateTime(deserializeDateTime(String(value).replace(/Z$/, "")));
        case "monetary":
            return formatMonetary(value, { currencyId: record.data.currency_id?.id });
        case "float":
            return formatFloat(value);
        default:
            return String(value);
    }
}

/** When a change was made, in the user's time zone (e.g. "Nov 22, 2:38 AM"). */
export function formatChangeDate(value) {
    return toLocaleDateTimeString(deserializeDateTime(value));
}

class FieldHistoryMixinView extends Component {
    static props = ["*"];

    formatValue(value) {
        return formatTrackedValue(value, this.history.type, this.props.record);
    }

    formatDate(value) {
        return formatChangeDate(value);
    }
}

/** Hover card: the last change of a field (who, when, from what to what). */
export class FieldHistoryPopover extends FieldHistoryMixinView {
    static template = "claims_base.FieldHistoryPopover";
    static props = {
        history: Object,
        record: Object,
        openFullHistory: Function,
        onMouseEnter: Function,
        onMouseLeave: Function,
        close: { type: Function, optional: true },
    };

    get history() {
        return this.props.history;
    }

    get lastChange() {
        return this.history.changes[0];
    }

    openFullHistory() {
        this.props.close?.();
        this.props.openFullHistory();
    }
}

/** Every change of one field, newest first. */
export class FieldHistoryDialog extends FieldHistoryMixinView {
    static template = "claims_base.FieldHistoryDialog";
    static components = { Dialog };
    static props = {
        record: Object,
        fieldName: String,
        close: Function,
    };

    setup() {
        this.orm = useService("orm");
        this.notification = useService("notification");
        this.state = useState({ history: null });
        onWillStart(async () => {
            this.state.history = await loadFieldHistory(
                this.orm,
                this.props.record,
                this.props.fieldName
            );
        });
    }

    get history() {
        return this.state.history;
    }

    get title() {
        return _t("History of %(field)s", { field: this.history.string });
    }

    /** Managers: set the field back to the value it had before ``change`` (saved first). */
    async restore(change) {
        const { record, fieldName } = this.props;
        if (record.dirty && !(await record.save())) {
            return;
        }
        await this.orm.call(record.resModel, "restore_field_value", [[record.resId], fieldName,
            change.id]);
        await record.load();
        this.notification.add(
            _t("%(field)s restored to the value it had before the change of %(date)s.", {
                field: this.history.string,
                date: formatChangeDate(change.date),
            }),
            { type: "success" }
        );
        this.props.close();
    }
}
