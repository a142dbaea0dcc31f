# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The IAG Opus portal, driven by a browser robot (Playwright's sync API), without the ORM.

``with OpusClient(url, login, password, chromium_path="/usr/bin/chromium", timeout=30) as
opus:`` one headless Chromium, page and portal session per run, reused by every step, signed
in again when the portal lost the session. Each public method is one step (one exchange).
Fields are found by label (``mapping``), in their section if any; forms, buttons, tables and
links by role and name. Waits are explicit: a heading once its page loaded (3 s at most), a
table up to ``timeout``. Reading returns Opus's texts (``mapping`` makes them our values);
a table's row also has the ``url`` of its link (or None):
- ``list_allocations()`` -> [{allocation_id, claim_number, policyholder, incident_code,
  status, allocation_date, url}] of every page of the list (a page load per 20);
- ``read_allocation(id)`` -> {allocation_id, url, fields: {``mapping.ALLOCATION_FIELDS`` key:
  text}, status_history: [{status, changed_on, changed_by}], documents: [{name, type,
  uploaded_on, url}]} (one page load); ``download_document(url)`` -> bytes (no page load);
- ``read_kpi_targets()`` -> [{allocation_id, claim_number, kpi (label), due, completed, url}].
Writing locates every field before filling any and presses the button last; empty fields are
refused before a page opens (``missing_fields``, their labels in the message); an update or an
upload (same name and type) Opus lists already is not sent twice:
- ``submit_job(id, job_type, values)`` -> {job_type, message} (``mapping.JOB_TYPES``);
- ``post_completion_update(id, kind, text, timestamp)`` -> {posted, message};
- ``set_kpis(id, {kpi key: value})`` -> {set, message};
- ``upload_document(id, doc_type, filename, content, description="")`` -> {uploaded, message}.
Errors: ``OpusRetryableError`` (5xx, 408, 429, timeout, connection, a session lost again after
a new sign-in), ``OpusPermanentError`` (kinds ``layout``: a page, form, field, option, column
or button not found; ``login``, ``http_4xx``, ``refused`` with Opus's message,
``missing_fields``, ``value``, ``browser``), with the page's ``screenshot`` (PNG), ``html`` and
``url``, password fields emptied and masked first. The password is never in a message.
"""

import contextlib
import functools
import mimetypes
import os
import re
from urllib.parse import quote, urljoin, urlsplit

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import sync_playwright

from odoo.addons.claims_connector.connector.exceptions import PermanentError, RetryableError

from . import mapping

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
MASK = "********"
LANDMARK_SECONDS = 3
READ_TABLE = """(table) => {
    const text = (el) => (el.innerText || el.textContent || '').replace(/\\s+/g, ' ').trim();
    return {headers: Array.from(table.querySelectorAll('thead th')).map(text),
            rows: Array.from(table.querySelectorAll('tbody tr')).map((tr) => ({
                cells: Array.from(tr.children).map(text),
                url: (tr.querySelector('a[href]') || {}).href || null}))};
}"""
OPTIONS = "(select) => Array.from(select.options).map((o) => [o.value, o.label.trim()])"
VALUES = "(elements) => elements.map((element) => element.value)"
EMPTY_PASSWORDS = """() => document.querySelectorAll('input[type=password]').forEach((input) => {
    input.value = ''; input.removeAttribute('value'); })"""


class OpusRetryableError(RetryableError):
    """A failure that may pass by itself; the page: ``screenshot`` (PNG), ``html``, ``url``."""

    screenshot = html = url = None


class OpusPermanentError(PermanentError):
    """A failure the same step meets again; the page: ``screenshot`` (PNG), ``html``, ``url``."""

    screenshot = html = url = None


class _SessionLost(Exception):
    """The portal showed its sign-in page: sign in again, then redo the step."""


_layout_error = functools.partial(OpusPermanentError, kind="layout")


def safe_name(filename):
    """A file name reduced to a safe base name."""
    name = os.path.basename((filename or "").replace("\\", "/"))
    return re.sub(r"[^\w.\- ()]+", "_", name).strip(" .")[:120] or "document"


class OpusClient:
    """One Opus account. ``browser``: a Playwright browser to open the run's context in
    (closed by its owner); by default the client launches Chromium itself."""

    def __init__(self, url, login, password, chromium_path="/usr/bin/chromium", timeout=30,
                 browser=None):
        self.url, self.login, self._password = url.rstrip("/"), login, password
        self.chromium_path, self.timeout = chromium_path, timeout
        self._browser, self._own_browser = browser, browser is None
        self.page = self._context = self._playwright = None
        self._signed_in = False

    def start(self):
        if self.page:
            return self
        try:
            if self._browser is None:
                self._playwright = sync_playwright().start()
                self._browser = self._playwright.chromium.launch(
                    executable_path=self.chromium_path, headless=True, args=CHROMIUM_ARGS)
            self._context = self._browser.new_context(locale="en-AU")
            self._context.set_default_timeout(self.timeout * 1000)
            self.page = self._context.new_page()
        except PlaywrightError as err:
            self.close()
            raise OpusPermanentError(f"Chromium ({self.chromium_path}) did not start: "
                                     f"{err.message}", kind="browser") from None
        return self

    def close(self):
        owned = (self._browser, self._playwright) if self._own_browser else ()
        for thing in filter(None, (self._context, *owned)):
            with contextlib.suppress(PlaywrightError):
                thing.stop() if thing is self._playwright else thing.close()
        self.page = self._context = self._playwright = None
        self._browser = None if self._own_browser else self._browser
        self._signed_in = False

    def __exit__(self, *exc):
        self.close()

    __enter__ = start

    # -------------------------------------------------------------- steps

    def _step(self, name, work):
        """``work()`` as a step: signed in (again once if the session is lost), with evidence."""
        self.start()
        try:
            for _attempt in (1, 2):
                try:
                    if not self._signed_in:
                        self._sign_in()
                    return work()
                except _SessionLost:
                    self._signed_in = False
            raise OpusRetryableError(f"Opus lost the session again during {name}, right after "
                                     "a new sign-in.", kind="session")
        except (OpusRetryableError, OpusPermanentError) as err:
            raise self._with_evidence(err) from None
        except PlaywrightError as err:  # timeouts included
            late = isinstance(err, PlaywrightTimeoutError)
            raise self._with_evidence(OpusRetryableError(
                (f"Opus did not answer in {self.timeout} s" if late else "Opus was not reached")
                + f" during {name}: {err.message}", kind="timeout" if late else "connection",
            )) from None

    def _scrub(self, text):
        return text.replace(self._password, MASK) if self._password and text else text

    def _with_evidence(self, err):
        err.args = (self._scrub(err.message),)  # str() and repr() alike
        err.message = err.args[0]
        if self.page is None or err.screenshot is not None:
            return err
        page, suppress = self.page, contextlib.suppress(PlaywrightError)  # each part if it can
        with suppress:  # (not while a page is arriving: the masks below still cover them)
            page.evaluate(EMPTY_PASSWORDS)
        with suppress:
            err.url, err.screenshot = page.url, page.screenshot(
                full_page=True, timeout=LANDMARK_SECONDS * 3000, mask=[
                    page.locator("input[type=password]"),
                    page.get_by_label(mapping.LOGIN_FORM.fields[0].label, exact=True)])
        with suppress:
            err.html = self._scrub(page.content())
        return err

    # -------------------------------------------------------------- pages

    def _url(self, path):
        url = urljoin(self.url + "/", path)
        if urlsplit(url)[:2] != urlsplit(self.url)[:2]:
            raise OpusPermanentError(f"{url} is not on the portal {self.url}.", kind="value")
        return url

    @staticmethod
    def _path(allocation_id, page=""):
        return f"/allocations/{quote(str(allocation_id), safe='')}" + (f"/{page}" if page else "")

    def _open(self, path, heading, sign_in_page=False):
        response = self.page.goto(self._url(path), wait_until="load")
        self._check(response, f"the page {path}", sign_in_page)
        self._wait(self.page.get_by_role("heading", name=heading, exact=True).first,
                   f"Heading {heading!r}")

    def _wait(self, locator, what, seconds=LANDMARK_SECONDS):
        try:
            locator.wait_for(timeout=seconds * 1000)
        except PlaywrightTimeoutError:
            raise _layout_error(f"{what} not found on {self.page.url}.") from None
        return locator

    def _one(self, locator, what):
        """``locator`` if it matches one element (its page is loaded: no wait), else an error."""
        if (count := locator.count()) != 1:
            raise _layout_error(f"{what} {f'found {count} times' if count else 'not found'} "
                                f"on {self.page.url}.")
        return locator

    def _on_sign_in_page(self, url=None):
        return urlsplit(url or self.page.url).path == mapping.LOGIN_FORM.page

    def _check(self, response, what, sign_in_page=False):
        status = response.status if response else 200
        if status >= 500 or status in (408, 429):
            raise OpusRetryableError(f"Opus answered {status} to {what}.", kind=f"http_{status}")
        if not sign_in_page and self._on_sign_in_page(response.url if response else None):
            raise _SessionLost()  # (a navigation's or a download's final address)
        if status >= 400:
            raise OpusPermanentError(f"Opus answered {status} to {what}.", kind=f"http_{status}")

    def _find(self, scope, fields, where):
        """{key: (locator, value)} of fields by label (and section); an error names all others."""
        found, problems = {}, []
        for field in fields:
            group = field.section and scope.get_by_role("group", name=field.section, exact=True)
            locator = (group or scope).get_by_label(field.label, exact=True)
            values = locator.evaluate_all(VALUES)  # one round trip: how many, and the value
            if (count := len(values)) == 1:
                found[field.key] = (locator, values[0])
                continue
            section = f" (section {field.section!r})" if field.section else ""
            problems.append(f"{field.label!r}{section} "
                            + (f"found {count} times" if count else "not found"))
        if problems:
            raise _layout_error(f"On {where}, field {'; '.join(problems)}.")
        return found

    def _table(self, name, columns, wait=False):
        """[{key: text, url: the row's link}] of a table, columns found by their headers."""
        data = self._wait(self.page.get_by_role("table", name=name, exact=True),
                          f"Table {name!r}", self.timeout if wait else LANDMARK_SECONDS,
                          ).evaluate(READ_TABLE)
        missing = [label for label in columns.values() if label not in data["headers"]]
        if missing:
            raise _layout_error(f"Column {', '.join(map(repr, missing))} of table {name!r} "
                                f"not found on {self.page.url}.")
        index = {key: data["headers"].index(label) for key, label in columns.items()}
        return [{"url": row["url"], **{key: row["cells"][i] for key, i in index.items()}}
                for row in data["rows"]]

    def _all_pages(self, path, heading, table, columns):
        """Rows of a paginated table, following "Next page" until "Page N of N"."""
        rows, url, seen = [], path, set()
        while url:
            self._open(url, heading)
            rows += self._table(table, columns, wait=True)
            nav = self._one(self.page.get_by_role(
                "navigation", name=mapping.PAGINATION, exact=True), "Pagination")
            match = mapping.PAGE_OF.search(nav.inner_text())
            if not match or int(match[1]) in seen:
                raise _layout_error(f"The page numbers of {self.page.url} are missing or repeat.")
            (number, count), url = map(int, match.groups()), None
            seen.add(number)
            if number < count:
                url = urljoin(self.page.url, self._one(nav.get_by_role(
                    "link", name=mapping.NEXT_PAGE, exact=True), "Next page link").get_attribute(
                    "href"))
        return rows

    def _fill_and_submit(self, form, texts, where, sign_in=False):
        """Locate the form, its fields, options and button; fill; press: Opus's message."""
        scope = self._one(self.page.get_by_role("form", name=form.name, exact=True),
                          f"Form {form.name!r}")
        fields = [field for field in form.fields if field.key in texts]
        found = self._find(scope, fields, where)
        button = self._one(scope.get_by_role("button", name=form.button, exact=True),
                           f"Button {form.button!r} of form {form.name!r}")
        for field in fields:
            if field.kind in ("selection", "code") and texts[field.key]:
                side = 1 if field.kind == "selection" else 0  # by label; a code by value
                if texts[field.key] not in [o[side] for o in found[field.key][0].evaluate(OPTIONS)]:
                    raise _layout_error(f"On {where}, option {texts[field.key]!r} of field "
                                        f"{field.label!r} not found.")
        for field in fields:
            locator, text = found[field.key][0], texts[field.key]
            if field.kind in ("selection", "code"):
                locator.select_option(**{"label" if field.kind == "selection" else "value": text})
            elif field.kind == "file":
                locator.set_input_files(text)
            else:
                locator.fill(text)
        with self.page.expect_navigation(wait_until="load") as navigation:
            button.click()
        self._check(navigation.value, f"{form.button!r} on {where}", sign_in_page=sign_in)
        alert = self.page.get_by_role("alert")
        if alert.count():
            shown = alert.first.inner_text().strip()
            raise OpusPermanentError(
                f"Opus refused the backend's sign-in: {shown}" if sign_in
                else f"Opus refused {where}: {shown}", kind="login" if sign_in else "refused")
        if sign_in and self._on_sign_in_page():
            raise _SessionLost()  # signed in, and the session ended at once
        status = self.page.get_by_role("status")
        return status.first.inner_text().strip() if status.count() else ""

    def _sign_in(self):
        form = mapping.LOGIN_FORM
        self._open(form.page, form.heading, sign_in_page=True)
        self._fill_and_submit(form, {"login": self.login, "password": self._password},
                              "the sign-in page", sign_in=True)
        self._signed_in = True

    # -------------------------------------------------------------- reading

    def list_allocations(self):
        def work():
            rows = self._all_pages(mapping.LIST_PATH, mapping.LIST_HEADING, mapping.LIST_TABLE,
                                   mapping.LIST_COLUMNS)
            # once each, even when the list moved while it was read
            return list({row["allocation_id"]: row for row in rows}.values())

        return self._step("the allocations list", work)

    def read_allocation(self, allocation_id):
        def work():
            self._open(self._path(allocation_id),
                       mapping.ALLOCATION_HEADING.format(allocation_id=allocation_id))
            found = self._find(self.page, [mapping.Field(key, label) for key, label in
                                           mapping.ALLOCATION_FIELDS.items()],
                               f"allocation {allocation_id}")
            return {
                "allocation_id": allocation_id, "url": self.page.url,
                "fields": {key: value for key, (_locator, value) in found.items()},
                "status_history": self._table(mapping.HISTORY_TABLE, mapping.HISTORY_COLUMNS),
                "documents": self._table(mapping.DOCUMENTS_TABLE, mapping.DOCUMENT_COLUMNS),
            }

        return self._step(f"the page of allocation {allocation_id}", work)

    def download_document(self, url):
        def work():
            response = self._context.request.get(self._url(url), timeout=self.timeout * 1000)
            self._check(response, f"the download of {url}")
            return response.body()

        return self._step(f"the download of {url}", work)

    def read_kpi_targets(self):
        return self._step("the KPI targets", lambda: self._all_pages(
            mapping.TARGETS_PATH, mapping.TARGETS_HEADING, mapping.TARGETS_TABLE,
            mapping.TARGET_COLUMNS))

    # -------------------------------------------------------------- writing

    def _submit(self, allocation_id, form, values, what, listed=None):
        """(sent, message) of ``form`` filled with our ``values`` and submitted, unless a row of
        the table of ``listed(texts)``, (table, columns, {column key: text}), shows it."""
        texts = mapping.form_texts(form, values)  # before any page: nothing sent when empty
        where = f"the {form.name} form of allocation {allocation_id}"

        def work():
            self._open(self._path(allocation_id, form.page), form.heading)
            table, columns, shown = listed(texts) if listed else (None, None, None)
            if table and any(all(row[key] == text for key, text in shown.items())
                             for row in self._table(table, columns)):
                return False, "Already in Opus."
            return True, self._fill_and_submit(form, texts, where)

        return self._step(f"{what} of allocation {allocation_id}", work)

    def submit_job(self, allocation_id, job_type, values):
        form = mapping.JOB_TYPES[job_type]
        values = {field.key: values.get(field.key) for field in form.fields}
        _sent, message = self._submit(allocation_id, form, values, f"the {form.job} job")
        return {"job_type": job_type, "message": message}

    def post_completion_update(self, allocation_id, kind, text, timestamp):
        values = {"kind": kind, "text": text, "timestamp": timestamp}
        posted, message = self._submit(allocation_id, mapping.UPDATE_FORM, values,
                                       "a completion update", lambda texts: (
            mapping.UPDATES_TABLE, mapping.UPDATE_COLUMNS, {
                "kind": texts["kind"], "text": " ".join(texts["text"].split()),
                "timestamp": texts["timestamp"].replace("T", " ")}))
        return {"posted": posted, "message": message}

    def set_kpis(self, allocation_id, values):
        _sent, message = self._submit(allocation_id, mapping.KPI_FORM, values, "KPI dates")
        return {"set": sorted(values), "message": message}

    def upload_document(self, allocation_id, doc_type, filename, content, description=""):
        name = safe_name(filename)
        values = {"doc_type": doc_type, "file": {
            "name": name, "buffer": content,
            "mimeType": mimetypes.guess_type(name)[0] or "application/octet-stream"}}
        if description:
            values["description"] = description
        uploaded, message = self._submit(
            allocation_id, mapping.UPLOAD_FORM, values, f"the upload of {name}",
            lambda _texts: (mapping.DOCUMENTS_TABLE, mapping.DOCUMENT_COLUMNS,
                            {"name": name, "type": doc_type}))
        return {"uploaded": uploaded, "message": message}
