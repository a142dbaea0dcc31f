/* Copyright 2026 The claims suite authors
   License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
/* The phone form's map: a tap sets the point (the form's latitude and longitude), the
   location button's point shows as the marker. Talks to incident_form.js by two events on
   the form: "ci:map-point" (tapped here) and "ci:point" (located there). */
import {SlippyMap} from "./slippy_map.js";

const box = document.getElementById("place_map");
// the page's texts, translated with it (see #ci_texts)
const text = (key) => document.querySelector(`#ci_texts [data-key=${key}]`)?.textContent.trim();
const form = document.getElementById("incident_form");
if (box && form) {
    const latitude = parseFloat(form.elements.namedItem("latitude").value);
    const longitude = parseFloat(form.elements.namedItem("longitude").value);
    const hasPoint = Number.isFinite(latitude) && Number.isFinite(longitude);
    const map = new SlippyMap(box, {
        tileUrl: box.dataset.tileUrl,
        attribution: box.dataset.attribution,
        center: {
            latitude: parseFloat(box.dataset.centerLatitude),
            longitude: parseFloat(box.dataset.centerLongitude),
        },
        zoom: parseInt(box.dataset.zoom, 10) || 6,
        point: hasPoint ? {latitude, longitude} : null,
        editable: true,
        onPoint: (lat, lon) => form.dispatchEvent(
            new CustomEvent("ci:map-point", {detail: {latitude: lat, longitude: lon}})
        ),
        texts: {zoomIn: text("zoomIn"), zoomOut: text("zoomOut"), noTiles: text("noTiles")},
    });
    form.addEventListener("ci:point", (event) => {
        map.setPoint(event.detail.latitude, event.detail.longitude);
    });
}
