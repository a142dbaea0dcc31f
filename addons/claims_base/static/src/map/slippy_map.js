/* Copyright 2026 The claims suite authors
   License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
/* A small slippy map of our own: 256-pixel tiles of a tile server (Web Mercator, the
   {z}/{x}/{y} scheme of OpenStreetMap), a marker, a tap or click that sets the point, drag to
   pan and two zoom buttons. No library and no network of its own: without tiles it stays a
   grey square with the marker, and the form around it works with the address. Used by the
   phone form (loaded as a module by the browser) and by the back office's map field. */

const TILE = 256;
const MAX_LAT = 85.05112878;
const TAP_SLOP = 6; // pixels a finger may move and still be a tap

function worldSize(zoom) {
    return TILE * 2 ** zoom;
}

export function project(latitude, longitude, zoom) {
    const lat = Math.max(-MAX_LAT, Math.min(MAX_LAT, latitude)) * (Math.PI / 180);
    const size = worldSize(zoom);
    return {
        x: ((longitude + 180) / 360) * size,
        y: ((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * size,
    };
}

export function unproject(x, y, zoom) {
    const size = worldSize(zoom);
    const longitude = (x / size) * 360 - 180;
    const latitude = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / size))) * 180) / Math.PI;
    return {latitude, longitude: ((((longitude + 180) % 360) + 360) % 360) - 180};
}

export class SlippyMap {
    /**
     * @param {HTMLElement} element the map's box (its size is the map's size)
     * @param {Object} options tileUrl ({z}, {x}, {y}), attribution, center {latitude,
     *   longitude}, zoom, point (or null), editable, onPoint(latitude, longitude), texts
     *   {zoomIn, zoomOut, noTiles}
     */
    constructor(element, options) {
        this.element = element;
        this.options = options;
        this.zoom = options.point ? Math.max(options.zoom, 15) : options.zoom;
        this.center = options.point || options.center;
        this.point = options.point || null;
        this.failedTiles = 0;
        this._build();
        this.render();
    }

    _build() {
        const {element, options} = this;
        element.classList.add("cm-map");
        element.textContent = "";
        this.pane = document.createElement("div");
        this.pane.className = "cm-tiles";
        this.marker = document.createElement("div");
        this.marker.className = "cm-marker";
        this.marker.setAttribute("aria-hidden", "true");
        this.notice = document.createElement("div");
        this.notice.className = "cm-notice";
        this.notice.textContent = options.texts.noTiles;
        this.notice.hidden = true;
        const zoomIn = this._button("+", options.texts.zoomIn, () => this.setZoom(this.zoom + 1));
        const zoomOut = this._button("−", options.texts.zoomOut, () => this.setZoom(this.zoom - 1));
        const controls = document.createElement("div");
        controls.className = "cm-controls";
        controls.append(zoomIn, zoomOut);
        const attribution = document.createElement("div");
        attribution.className = "cm-attribution";
        attribution.textContent = options.attribution;
        element.append(this.pane, this.marker, this.notice, controls, attribution);
        element.addEventListener("pointerdown", (event) => this._onPointerDown(event));
        this.resizeObserver = new ResizeObserver(() => this.render());
        this.resizeObserver.observe(element);
    }

    _button(label, title, onClick) {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "cm-zoom";
        button.textContent = label;
        button.title = title;
        button.setAttribute("aria-label", title);
        button.addEventListener("pointerdown", (event) => event.stopPropagation());
        button.addEventListener("click", (event) => {
            event.stopPropagation();
            onClick();
        });
        return button;
    }

    destroy() {
        this.resizeObserver.disconnect();
        this.element.textContent = "";
    }

    setZoom(zoom) {
        this.zoom = Math.max(2, Math.min(19, zoom));
        this.render();
    }

    /** Show ``latitude``, ``longitude`` as the point (and centre on it); no callback. */
    setPoint(latitude, longitude, {center = true} = {}) {
        this.point = {latitude, longitude};
        if (center) {
            this.center = {...this.point};
            this.zoom = Math.max(this.zoom, 15);
        }
        this.render();
    }

    /** The pixel of the map's top-left corner in world pixels at the current zoom. */
    _origin() {
        const center = project(this.center.latitude, this.center.longitude, this.zoom);
        return {
            x: center.x - this.element.clientWidth / 2,
            y: center.y - this.element.clientHeight / 2,
        };
    }

    render() {
        const width = this.element.clientWidth;
        const height = this.element.clientHeight;
        if (!width || !height) {
            return;
        }
        const origin = this._origin();
        const count = 2 ** this.zoom;
        const tiles = document.createDocumentFragment();
        for (let ty = Math.floor(origin.y / TILE); ty * TILE < origin.y + height; ty++) {
            if (ty < 0 || ty >= count) {
                continue;
            }
            for (let tx = Math.floor(origin.x / TILE); tx * TILE < origin.x + width; tx++) {
                const image = document.createElement("img");
                image.className = "cm-tile";
                image.alt = "";
                image.draggable = false;
                // the tile server learns the site, never the page (a link's secret address)
                image.referrerPolicy = "origin";
                image.style.left = `${Math.round(tx * TILE - origin.x)}px`;
                image.style.top = `${Math.round(ty * TILE - origin.y)}px`;
                image.addEventListener("error", () => {
                    image.remove();
                    this.notice.hidden = false;
                });
                image.src = this.options.tileUrl
                    .replace("{z}", this.zoom)
                    .replace("{x}", ((tx % count) + count) % count)
                    .replace("{y}", ty);
                tiles.append(image);
            }
        }
        this.pane.replaceChildren(tiles);
        if (this.point) {
            const at = project(this.point.latitude, this.point.longitude, this.zoom);
            this.marker.style.left = `${Math.round(at.x - origin.x)}px`;
            this.marker.style.top = `${Math.round(at.y - origin.y)}px`;
            this.marker.hidden = false;
        } else {
            this.marker.hidden = true;
        }
    }

    _onPointerDown(event) {
        if (event.button !== 0) {
            return;
        }
        const start = {x: event.clientX, y: event.clientY};
        const startCenter = project(this.center.latitude, this.center.longitude, this.zoom);
        let moved = false;
        this.element.setPointerCapture(event.pointerId);
        const onMove = (move) => {
            const dx = move.clientX - start.x;
            const dy = move.clientY - start.y;
            moved = moved || Math.hypot(dx, dy) > TAP_SLOP;
            if (moved) {
                this.center = unproject(startCenter.x - dx, startCenter.y - dy, this.zoom);
                this.render();
            }
        };
        const onUp = (up) => {
            this.element.removeEventListener("pointermove", onMove);
            this.element.removeEventListener("pointerup", onUp);
            this.element.removeEventListener("pointercancel", onUp);
            if (!moved && up.type === "pointerup" && this.options.editable) {
                const box = this.element.getBoundingClientRect();
                const origin = this._origin();
                const at = unproject(
                    origin.x + up.clientX - box.left, origin.y + up.clientY - box.top, this.zoom
                );
                this.setPoint(at.latitude, at.longitude, {center: false});
                this.options.onPoint(at.latitude, at.longitude);
            }
        };
        this.element.addEventListener("pointermove", onMove);
        this.element.addEventListener("pointerup", onUp);
        this.element.addEventListener("pointercancel", onUp);
    }
}
