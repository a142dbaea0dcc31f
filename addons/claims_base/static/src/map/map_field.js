/* Copyright 2026 The claims suite authors
   License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {Component, onMounted, onPatched, onWillStart, onWillUnmount, useRef} from "@odoo/owl";
import {_t} from "@web/core/l10n/translation";
import {registry} from "@web/core/registry";
import {useService} from "@web/core/utils/hooks";
import {standardFieldProps} from "@web/views/fields/standard_field_props";
import {SlippyMap} from "./slippy_map";

/**
 * A map on a latitude field (its longitude field named in the options): a click sets both,
 * the marker shows them. 0, 0 is no point (the fields' empty value).
 *
 *     <field name="latitude" widget="claims_map" options="{'longitude_field': 'longitude'}"/>
 */
export class ClaimsMapField extends Component {
    static template = "claims_base.ClaimsMapField";
    static props = {...standardFieldProps, longitudeField: {type: String}};

    setup() {
        this.orm = useService("orm");
        this.box = useRef("map");
        onWillStart(async () => {
            this.settings = await this.orm.call("claims.incident", "get_map_settings", []);
        });
        onMounted(() => {
            this.map = new SlippyMap(this.box.el, {
                tileUrl: this.settings.tile_url,
                attribution: this.settings.attribution,
                center: {latitude: this.settings.latitude, longitude: this.settings.longitude},
                zoom: this.settings.zoom,
                point: this.point,
                editable: !this.props.readonly,
                onPoint: (latitude, longitude) => this.onPoint(latitude, longitude),
                texts: {
                    zoomIn: _t("Zoom in"),
                    zoomOut: _t("Zoom out"),
                    noTiles: _t("The map is not available: the coordinates and the address still are."),
                },
            });
        });
        onPatched(() => {
            const point = this.point;
            const shown = this.map.point;
            const moved = (a, b) => Math.abs(a - b) > 1e-5;
            if (point && (!shown || moved(point.latitude, shown.latitude)
                || moved(point.longitude, shown.longitude))) {
                this.map.setPoint(point.latitude, point.longitude);
            }
            this.map.options.editable = !this.props.readonly;
        });
        onWillUnmount(() => this.map?.destroy());
    }

    get point() {
        const latitude = this.props.record.data[this.props.name];
        const longitude = this.props.record.data[this.props.longitudeField];
        return latitude || longitude ? {latitude, longitude} : null;
    }

    onPoint(latitude, longitude) {
        const round = (value) => Math.round(value * 1e6) / 1e6;
        this.props.record.update({
            [this.props.name]: round(latitude),
            [this.props.longitudeField]: round(longitude),
        });
    }
}

export const claimsMapField = {
    component: ClaimsMapField,
    displayName: _t("Map"),
    supportedTypes: ["float"],
    extractProps: ({options}) => ({longitudeField: options.longitude_field || "longitude"}),
};

registry.category("fields").add("claims_map", claimsMapField);
