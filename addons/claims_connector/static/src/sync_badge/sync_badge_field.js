// Copyright 2026 The claims suite authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import {Component} from "@odoo/owl";
import {registry} from "@web/core/registry";
import {standardFieldProps} from "@web/views/fields/standard_field_props";

const CLASSES = {pending: "text-bg-info", done: "text-bg-success", error: "text-bg-danger"};

/** A record's sync status as a badge; a failed one shows the error on hover. */
export class SyncBadgeField extends Component {
    static template = "claims_connector.SyncBadgeField";
    static props = {...standardFieldProps, errorField: {type: String, optional: true}};

    get state() {
        return this.props.record.data[this.props.name];
    }
    get label() {
        const selection = this.props.record.fields[this.props.name].selection || [];
        const found = selection.find(([value]) => value === this.state);
        return found ? found[1] : "";
    }
    get title() {
        return (this.props.errorField && this.props.record.data[this.props.errorField]) || "";
    }
    get badgeClass() {
        return CLASSES[this.state] || "text-bg-secondary";
    }
}

export const syncBadgeField = {
    component: SyncBadgeField,
    displayName: "Sync badge",
    supportedTypes: ["selection"],
    extractProps: ({options}) => ({errorField: options.error_field || "sync_error"}),
};

registry.category("fields").add("claims_sync_badge", syncBadgeField);
