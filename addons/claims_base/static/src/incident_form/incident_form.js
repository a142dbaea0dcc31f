/* Copyright 2026 The claims suite authors
   License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
/* The incident phone form: location with consent, photos resized in a canvas and PDFs, each
   uploaded while the driver fills in the rest, and a submit that waits for the uploads. The server
   checks everything again; this script only makes the page quicker to use. */
(function () {
    "use strict";

    const MAX_SIDE = 1600;
    const QUALITY = 0.8;

    const form = document.getElementById("incident_form");
    if (!form) {
        return;
    }
    const texts = {};
    for (const node of document.querySelectorAll("#ci_texts [data-key]")) {
        texts[node.dataset.key] = node.textContent.trim();
    }
    const field = (name) => form.elements.namedItem(name);
    const pending = new Set();

    // ------------------------------------------------------------------ time zone and date

    try {
        const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (tz && form.dataset.dateDefault === "1") {
            field("tz").value = tz;
        }
        if (tz && form.dataset.dateDefault === "1" && field("date_incident")) {
            const now = new Date();
            const local = new Date(now.getTime() - now.getTimezoneOffset() * 60000);
            field("date_incident").value = local.toISOString().slice(0, 16);
        }
    } catch {
        // keep the server's default
    }

    // ------------------------------------------------------------------ kind of incident

    // a kind of incident asked by another form of this page: open that form
    const typeSelect = document.getElementById("incident_type");
    typeSelect?.addEventListener("change", () => {
        const option = typeSelect.selectedOptions[0];
        if (option?.dataset.form && option.dataset.form !== form.dataset.formCode) {
            window.location.assign(option.dataset.url);
        }
    });

    // ------------------------------------------------------------------ location

    const locateButton = document.getElementById("locate_button");
    const locateStatus = document.getElementById("locate_status");
    const mapLink = document.getElementById("map_link");

    function showPoint(latitude, longitude, fromMap = false) {
        const lat = latitude.toFixed(6);
        const lon = longitude.toFixed(6);
        field("latitude").value = lat;
        field("longitude").value = lon;
        locateStatus.textContent = `${fromMap ? texts.placed : texts.located} ${lat}, ${lon}`;
        mapLink.href = `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
        mapLink.classList.remove("ci-hidden");
        if (!fromMap) {
            form.dispatchEvent(new CustomEvent("ci:point", {detail: {latitude, longitude}}));
        }
    }

    // a tap on the map (incident_form_map.js) sets the point too
    form.addEventListener("ci:map-point", (event) => {
        showPoint(event.detail.latitude, event.detail.longitude, true);
    });

    if (locateButton && !("geolocation" in navigator)) {
        locateButton.classList.add("ci-hidden");
    }
    locateButton?.addEventListener("click", () => {
        locateStatus.textContent = texts.locating;
        navigator.geolocation.getCurrentPosition(
            (position) => showPoint(position.coords.latitude, position.coords.longitude),
            () => {
                locateStatus.textContent = texts.locateFailed;
                field("address").focus();
            },
            {enableHighAccuracy: true, timeout: 15000, maximumAge: 60000}
        );
    });

    // ------------------------------------------------------------------ uploads

    /** Post one file of the report being filled in; return its ref or throw the error. */
    async function send(url, entries) {
        const data = new FormData();
        data.append("csrf_token", field("csrf_token").value);
        data.append("submission_uuid", field("submission_uuid").value);
        data.append("token", form.dataset.token || "");
        for (const entry of entries) {
            data.append(...entry);
        }
        const response = await fetch(url, {method: "POST", body: data, credentials: "same-origin"});
        const result = await response.json();
        if (!response.ok || !result.ref) {
            throw new Error(result.error || response.statusText);
        }
        return result.ref;
    }

    /** Keep an uploaded file in the form (its ref) with a button that takes it out. */
    function keep(element, name, ref, onRemove) {
        const input = document.createElement("input");
        input.type = "hidden";
        input.name = name;
        input.value = ref;
        const remove = document.createElement("button");
        remove.type = "button";
        remove.textContent = "×";
        remove.title = texts.remove;
        remove.setAttribute("aria-label", texts.remove);
        remove.addEventListener("click", () => {
            element.remove();
            onRemove?.();
        });
        element.append(input, remove);
    }

    // ------------------------------------------------------------------ photos

    const thumbs = document.getElementById("photo_thumbs");
    const photoStatus = document.getElementById("photo_status");
    const maxPhotos = parseInt(form.dataset.maxPhotos, 10) || 10;

    function photoCount() {
        return thumbs.querySelectorAll(".ci-thumb:not(.ci-failed)").length;
    }

    function updatePhotoStatus() {
        if (pending.size) {
            photoStatus.textContent = texts.uploading;
        } else if (!photoStatus.dataset.error) {
            photoStatus.textContent = photoCount() ? `${texts.uploaded} ${photoCount()}` : "";
        }
    }

    function loadImage(file) {
        return new Promise((resolve, reject) => {
            const url = URL.createObjectURL(file);
            const image = new Image();
            image.onload = () => resolve({image, url});
            image.onerror = () => {
                URL.revokeObjectURL(url);
                reject(new Error(file.name));
            };
            image.src = url;
        });
    }

    async function resize(file) {
        const {image, url} = await loadImage(file);
        const scale = Math.min(1, MAX_SIDE / Math.max(image.naturalWidth, image.naturalHeight));
        const canvas = document.createElement("canvas");
        canvas.width = Math.round(image.naturalWidth * scale);
        canvas.height = Math.round(image.naturalHeight * scale);
        canvas.getContext("2d").drawImage(image, 0, 0, canvas.width, canvas.height);
        const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", QUALITY));
        return {blob, url};
    }

    async function upload(file) {
        if (photoCount() >= maxPhotos) {
            photoStatus.textContent = texts.tooMany;
            return;
        }
        const thumb = document.createElement("div");
        thumb.className = "ci-thumb ci-uploading";
        thumbs.appendChild(thumb);
        const job = (async () => {
            const {blob, url} = await resize(file);
            const image = document.createElement("img");
            image.src = url;
            image.alt = file.name;
            thumb.appendChild(image);
            const name = (file.name || "photo").replace(/\.[^.]*$/, "") + ".jpg";
            const ref = await send("/claims/report/photo", [["photo", blob, name]]);
            keep(thumb, "photo_refs", ref, updatePhotoStatus);
            thumb.classList.remove("ci-uploading");
        })().catch((error) => {
            thumb.classList.remove("ci-uploading");
            thumb.classList.add("ci-failed");
            photoStatus.dataset.error = "1";
            photoStatus.textContent = `${texts.uploadFailed} ${error.message}`;
        }).finally(() => settle(job));
        pending.add(job);
        updatePhotoStatus();
    }

    for (const input of [document.getElementById("photo_camera"), document.getElementById("photo_files")]) {
        input?.addEventListener("change", () => {
            delete photoStatus.dataset.error;
            for (const file of input.files) {
                upload(file);
            }
            input.value = "";
        });
    }

    // ------------------------------------------------------------------ documents (PDF)

    const documentList = document.getElementById("document_list");
    const documentStatus = document.getElementById("document_status");
    const documentKind = document.getElementById("document_kind");
    const maxDocuments =
        parseInt(document.getElementById("documents")?.dataset.maxDocuments, 10) || 5;

    function settle(job) {
        pending.delete(job);
        if (thumbs) {
            updatePhotoStatus();
        }
        if (!pending.size && form.dataset.submitWhenReady === "1") {
            form.dataset.submitWhenReady = "0";
            form.requestSubmit();
        }
    }

    function uploadDocument(file) {
        if (documentList.querySelectorAll(".ci-document:not(.ci-failed)").length >= maxDocuments) {
            documentStatus.textContent = texts.tooManyDocuments;
            return;
        }
        const kind = documentKind.value;
        const item = document.createElement("li");
        item.className = "ci-document ci-uploading";
        const label = document.createElement("span");
        label.textContent = `${documentKind.selectedOptions[0].textContent}: `;
        const name = document.createElement("span");
        name.textContent = file.name;
        item.append(label, name);
        documentList.appendChild(item);
        documentStatus.textContent = texts.documentUploading;
        const job = (async () => {
            const ref = await send("/claims/report/document", [
                ["kind", kind], ["document", file, file.name],
            ]);
            keep(item, "document_refs", ref);
            item.classList.remove("ci-uploading");
            documentStatus.textContent = "";
        })().catch((error) => {
            item.classList.remove("ci-uploading");
            item.classList.add("ci-failed");
            documentStatus.textContent = `${texts.documentFailed} ${error.message}`;
        }).finally(() => settle(job));
        pending.add(job);
    }

    const documentInput = document.getElementById("document_files");
    documentInput?.addEventListener("change", () => {
        for (const file of documentInput.files) {
            uploadDocument(file);
        }
        documentInput.value = "";
    });

    // ------------------------------------------------------------------ submit

    const submitButton = document.getElementById("submit_button");
    const submitStatus = document.getElementById("submit_status");
    form.addEventListener("submit", (event) => {
        if (pending.size) {
            // the photos are still on their way: send the report once they are in
            event.preventDefault();
            form.dataset.submitWhenReady = "1";
            submitStatus.textContent = texts.waitPhotos;
            return;
        }
        // A second press sends the same submission id: the server answers with the same
        // incident, so the button stays usable (a lost connection can be retried).
        submitButton.setAttribute("aria-busy", "true");
        submitStatus.textContent = texts.sending;
    });

    const firstError = document.querySelector(".ci-error");
    if (firstError) {
        firstError.parentElement.scrollIntoView({block: "center"});
    }
})();
