# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An IAG Opus portal in memory, serving the pages of PAGEMAP.md as HTML.

``add_allocation(make_allocation(n))`` adds an allocation with its insurer's documents;
``set_status`` plays a status change made by the insurer. Everything the robot submits is
recorded in ``submissions`` (one dict per accepted form post: allocation, form, action, values
by section legend and by label, time) and uploads with their bytes in ``uploads``; the
allocation's own state (``allocations[id]``: ``forms``, ``updates``, ``kpis``, ``documents``,
``targets``, ``history``) shows what the next page will show.

Settings a test changes at any time: ``layout`` (``classic`` or ``variant``), ``renamed``
(label -> label: a layout change the robot cannot follow), ``session_ttl`` (seconds a signed-in
session lives without use; 0: it ends at once; ``expire_sessions()`` ends every session now),
``page_size``, ``kpi_delay`` (seconds before the KPI targets table shows, by script),
``error_rate`` (share of requests answered 500). The toolkit's faults (delay, status, drop...)
work on every path.
"""

import http.cookies
import itertools
import math
import random
import secrets
import threading
import time
from datetime import datetime
from email.parser import BytesParser
from email.policy import HTTP
from html import escape
from urllib.parse import parse_qs, quote, urlencode
from zoneinfo import ZoneInfo

from ..toolkit import Response, Simulator, route
from . import data, pagemap, render

HTML = "text/html; charset=utf-8"
COOKIE = "OPUS_SESSION"
ALLOCATION = r"/allocations/(?P<allocation>[A-Za-z0-9-]+)"
PUBLIC = ("/login",)
SIGN_IN_FORM_TTL = 900  # the sign-in form's own session (its CSRF token), whatever session_ttl
LOGIN_FIELDS = (("username", "Username", "char", ()), ("password", "Password", "password", ()))
STATUS_AFTER = {("assessment", "submit"): "Complete/Awaiting Insurer",
                ("completion", "submit"): "Repairs Complete"}


class OpusSimulator(Simulator):
    error_content_type = HTML

    def __init__(self, login="robot", password="s3cret-opus", layout="classic",
                 session_ttl=900, page_size=20, kpi_delay=0.2, error_rate=0.0, **kwargs):
        super().__init__(**kwargs)
        self.login = login
        self.password = password
        self._settings = {"layout": layout, "session_ttl": session_ttl, "page_size": page_size,
                          "kpi_delay": kpi_delay, "error_rate": error_rate}
        self._data_lock = threading.RLock()
        self.reset()

    def reset(self, keep_sessions=False):
        """A fresh portal: the constructor's settings, no allocation, record, fault or (unless
        ``keep_sessions``) session; cheaper than a new simulator, whose stop waits 0.5 s."""
        with self._data_lock:
            self.__dict__.update(self._settings)
            self.renamed = {}
            self.allocations = {}
            self.files = {}
            self.sessions = self.sessions if keep_sessions else {}
            self.submissions = []
            self.uploads = []
            self.logins = 0
            self.requests.clear()
            self.clear_faults()
            self._random = random.Random(7)
            self._ids = itertools.count(1)

    # -------------------------------------------------------------- data

    def add_allocation(self, allocation):
        allocation.setdefault("forms", {})
        allocation.setdefault("updates", [])
        allocation.setdefault("kpis", {})
        self.allocations[allocation["id"]] = allocation
        for document in allocation["documents"]:
            self.files[allocation["id"], document["id"]] = (
                data.document_content(allocation, document), "application/pdf", document["name"])
        return allocation

    def now(self):
        return datetime.now(ZoneInfo(pagemap.PORTAL_TZ)).strftime(data.FORMAT)

    def set_status(self, allocation_id, status, by="IAG", at=None):
        """A status change, as the insurer (or Opus itself) makes it."""
        allocation = self.allocations[allocation_id]
        allocation["status"] = status
        allocation["history"].append({"status": status, "at": at or self.now(), "by": by})

    def expire_sessions(self):
        with self._data_lock:
            for session in self.sessions.values():
                session["expires"] = 0

    def submitted(self, allocation_id=None, form=None):
        return [record for record in self.submissions
                if allocation_id in (None, record["allocation_id"])
                and form in (None, record["form"])]

    # -------------------------------------------------------------- plumbing

    def _layout(self):
        return render.Layout(self.layout == "variant", self.renamed)

    def error_body(self, status, message):
        title = "Page not found" if status == 404 else "Something went wrong"
        return render.page(self._layout(), title, f"<p>Error {status}: {message}</p>")

    def _html(self, body, status=200, headers=None):
        return Response(status, body, headers or {}, content_type=HTML)

    def _error(self, status, message):
        return self._html(self.error_body(status, message), status)

    def _redirect(self, location, headers=None):
        return Response(303, b"", {"Location": location, **(headers or {})}, content_type=HTML)

    def _page(self, title, body, request, alert=None, status=200):
        flash = request.session.pop("flash", None) if request.session else None
        return self._html(render.page(self._layout(), title, body, flash, alert), status)

    def _ttl(self, session):
        return self.session_ttl if session["user"] else SIGN_IN_FORM_TTL

    def _new_session(self, user=None):
        session_id = secrets.token_urlsafe(24)
        self.sessions[session_id] = {"user": user, "csrf": secrets.token_urlsafe(16)}
        self.sessions[session_id]["expires"] = time.monotonic() + self._ttl(
            self.sessions[session_id])
        cookie = f"{COOKIE}={session_id}; Path=/; HttpOnly; SameSite=Lax"
        return session_id, self.sessions[session_id], {"Set-Cookie": cookie}

    def _session(self, request):
        cookies = http.cookies.SimpleCookie(request.headers.get("cookie", ""))
        session_id = cookies[COOKIE].value if COOKIE in cookies else None
        session = self.sessions.get(session_id)
        if session and session["expires"] < time.monotonic():
            del self.sessions[session_id]
            session = None
        if session:
            session["expires"] = time.monotonic() + self._ttl(session)
        return session_id, session

    @staticmethod
    def _parse_form(request):
        content_type = request.headers.get("content-type", "")
        if not content_type.startswith("multipart/form-data"):
            return {key: values[-1] for key, values in parse_qs(
                request.body.decode("utf-8"), keep_blank_values=True).items()}
        message = BytesParser(policy=HTTP).parsebytes(
            f"Content-Type: {content_type}\r\n\r\n".encode() + request.body)
        form = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            content = part.get_payload(decode=True) or b""
            if part.get_filename() is not None:
                form[name] = {"filename": part.get_filename(), "content": content,
                              "content_type": part.get_content_type()}
            else:
                form[name] = content.decode("utf-8")
        return form

    def _dispatch(self, request):
        if self.error_rate and self._random.random() < self.error_rate:
            return self._error(500, "Opus is temporarily unavailable.")
        with self._data_lock:
            request.session_id, request.session = self._session(request)
            request.form = self._parse_form(request) if request.method == "POST" else {}
            if request.path not in PUBLIC and not (request.session or {}).get("user"):
                if request.method != "GET":
                    return self._redirect("/login")
                query = f"?{urlencode(request.query, doseq=True)}" if request.query else ""
                return self._redirect(f"/login?next={quote(request.path + query)}")
            if request.method == "POST" and (
                    not request.session or request.form.get(self._layout().name("csrf_token"))
                    != request.session["csrf"]):
                return self._error(403, "Invalid or missing CSRF token.")
            return super()._dispatch(request)

    def _allocation(self, request):
        return self.allocations.get(request.params["allocation"])

    @staticmethod
    def _paged(request, rows, size):
        count = max(1, math.ceil(len(rows) / size))
        arg = request.arg("page", "1")
        number = min(max(int(arg), 1), count) if arg.isdigit() else 1
        return number, count, rows[(number - 1) * size: number * size]

    # -------------------------------------------------------------- sign in

    def _login_page(self, request, session, next_path, alert=None, headers=None):
        layout = self._layout()
        fields = "".join(render.control(layout, field) for field in LOGIN_FIELDS)
        sign_in = render.text(layout, "Sign in")
        csrf = session["csrf"]
        body = (f"<form method='post' action='/login' aria-label='{sign_in}'>"
                f"<input type='hidden' name='{layout.name('csrf_token')}' value='{csrf}'>"
                f"<input type='hidden' name='{layout.name('next')}' value='{escape(next_path)}'>"
                f"{fields}<button type='submit'>{sign_in}</button></form>")
        response = self._html(render.page(layout, "Sign in to Opus", body, alert=alert))
        response.headers.update(headers or {})
        return response

    @route("GET", r"/")
    def home(self, request):
        return self._redirect("/allocations")

    @route("GET", r"/login")
    def login_form(self, request):
        session, headers = request.session, {}
        if not session:
            _session_id, session, headers = self._new_session()
        next_path = request.arg("next", "/allocations")
        return self._login_page(request, session, next_path, headers=headers)

    @route("POST", r"/login")
    def login_post(self, request):
        layout = self._layout()
        username = request.form.get(layout.name("username"), "")
        password = request.form.get(layout.name("password"), "")
        next_path = request.form.get(layout.name("next")) or "/allocations"
        if (username, password) != (self.login, self.password):
            return self._login_page(request, request.session, next_path,
                                    alert="Invalid username or password.")
        del self.sessions[request.session_id]
        _session_id, _session, headers = self._new_session(username)
        self.logins += 1
        if not next_path.startswith("/") or next_path.startswith("//"):
            next_path = "/allocations"
        return self._redirect(next_path, headers)

    @route("POST", r"/logout")
    def logout(self, request):
        self.sessions.pop(request.session_id, None)
        return self._redirect("/login")

    # -------------------------------------------------------------- allocations

    @route("GET", r"/allocations")
    def list_allocations(self, request):
        layout = self._layout()
        number, count, chunk = self._paged(request, list(self.allocations.values()),
                                           self.page_size)
        rows = [{"Allocation": (a["id"], f"/allocations/{a['id']}"),
                 "Claim number": a["claim_number"], "Policyholder": a["policyholder_name"],
                 "Incident": a["incident_code"], "Status": a["status"],
                 "Allocated": a["allocation_date"]} for a in chunk]
        body = (render.table(layout, "Allocations", pagemap.LIST_COLUMNS, rows)
                + render.pagination(layout, "/allocations", number, count))
        return self._page("Allocations", body, request)

    @route("GET", ALLOCATION)
    def allocation_page(self, request):
        allocation = self._allocation(request)
        if not allocation:
            return self._error(404, "Allocation not found.")
        layout, base = self._layout(), f"/allocations/{allocation['id']}"
        history = [{"Status": h["status"], "Changed on": h["at"], "Changed by": h["by"]}
                   for h in allocation["history"]]
        body = (
            f"<div class='allocation'>{render.allocation_fields(layout, allocation)}</div>"
            + render.links(layout, "Jobs", [
                ("Assessment", f"{base}/assessment"), ("Completion", f"{base}/completion"),
                ("Tender", f"{base}/tender"), ("KPIs", f"{base}/kpis"),
                ("Upload document", f"{base}/upload")])
            + render.table(layout, "Status history", pagemap.HISTORY_COLUMNS, history)
            + self._documents_table(layout, allocation))
        return self._page(f"Allocation {allocation['id']}", body, request)

    def _documents_table(self, layout, allocation):
        base = f"/allocations/{allocation['id']}/documents"
        rows = [{"Document": (d["name"], f"{base}/{d['id']}"), "Type": d["type"],
                 "Uploaded on": d["uploaded_on"]} for d in allocation["documents"]]
        return render.table(layout, "Documents", pagemap.DOCUMENT_COLUMNS, rows)

    @route("GET", ALLOCATION + r"/documents/(?P<document>[A-Za-z0-9-]+)")
    def document(self, request):
        key = (request.params["allocation"], request.params["document"])
        if key not in self.files:
            return self._error(404, "Document not found.")
        content, content_type, name = self.files[key]
        return Response(200, content, {"Content-Disposition": f'attachment; filename="{name}"'},
                        content_type=content_type)

    # -------------------------------------------------------------- jobs, KPIs, uploads

    @route("GET", ALLOCATION + r"/(?P<page>assessment|completion|tender|kpis|upload)")
    def form_page(self, request, alert=None, posted=None):
        allocation = self._allocation(request)
        if not allocation:
            return self._error(404, "Allocation not found.")
        layout, base = self._layout(), f"/allocations/{allocation['id']}"
        forms = [f for f in pagemap.FORMS.values() if f.path == request.params["page"]]
        body = ""
        for form_def in forms:
            values = self._stored(allocation, form_def)
            if posted and form_def.key == posted[0]:
                values = posted[1]
            body += render.form(layout, form_def, f"{base}/{form_def.key}",
                                request.session["csrf"], values)
        if forms[0].path == "completion":
            body += render.table(layout, "Progress updates", pagemap.UPDATE_COLUMNS,
                                 allocation["updates"])
        if forms[0].path == "upload":
            body += self._documents_table(layout, allocation)
        return self._page(forms[0].heading, body, request, alert=alert)

    @staticmethod
    def _stored(allocation, form_def):
        if form_def.key == "kpis":
            return {key: allocation["kpis"].get(label, "")
                    for _legend, (key, label, *_rest) in form_def.fields()}
        return allocation["forms"].get(form_def.key, {})

    def _decode(self, layout, form_def, form):
        """{field key: value} of a post: selects give their option's label (the document type
        its code), files {filename, content, content_type}, the rest the text posted."""
        values = {}
        for _legend, (key, _label, kind, options) in form_def.fields():
            value = form.get(layout.name(key), "")
            if kind == "select":
                labels = {layout.value(key, option): (option if key in render.KEEP_VALUES
                                                      else label) for option, label in options}
                value = labels.get(value, "")
            values[key] = value
        return values

    @route("POST", ALLOCATION + r"/(?P<form>assessment|completion|update|tender|kpis|upload)")
    def form_post(self, request):
        allocation = self._allocation(request)
        if not allocation:
            return self._error(404, "Allocation not found.")
        layout, form_def = self._layout(), pagemap.FORMS[request.params["form"]]
        request.params["page"] = form_def.path
        actions = {layout.value("action", action): action for action, _label in form_def.buttons}
        action = actions.get(request.form.get(layout.name("action")))
        if action is None:
            return self._error(400, "Unknown action.")
        values = self._decode(layout, form_def, request.form)
        posted = (form_def.key, {k: v for k, v in values.items() if not isinstance(v, dict)})
        if allocation["status"] in pagemap.CLOSED_STATUSES:
            return self.form_page(request, posted=posted, alert=(
                f"This allocation is {allocation['status']}: it can no longer be changed."))
        required = dict(form_def.required).get(action, ())
        missing = [label for legend, (key, label, *_rest) in form_def.fields()
                   if legend in required and not values[key]]
        if form_def.key == "upload" and not (values["document_type"] and values["file"]
                                             and values["file"]["content"]):
            missing = ["Document type", "File"]
        if missing:
            return self.form_page(request, posted=posted,
                                  alert=f"Please fill in: {', '.join(missing)}.")
        self._apply(allocation, form_def, action, values)
        request.session["flash"] = dict(form_def.message)[action]
        return self._redirect(f"/allocations/{allocation['id']}/{form_def.path}")

    def _apply(self, allocation, form_def, action, values):
        now = self.now()
        shown = {key: (value["filename"] if isinstance(value, dict) else value)
                 for key, value in values.items()}
        record = {"allocation_id": allocation["id"], "form": form_def.key, "action": action,
                  "sections": {}, "fields": {}, "at": now}
        for legend, (key, label, *_rest) in form_def.fields():
            record["sections"].setdefault(legend or "", {})[label] = shown[key]
            record["fields"][label] = shown[key]
        if form_def.key in ("assessment", "completion", "tender"):
            allocation["forms"][form_def.key] = dict(shown)
        elif form_def.key == "update":
            allocation["updates"].append({
                "Type": values["update_type"], "Update": values["update_text"],
                "Date and time": values["update_at"].replace("T", " "), "Entered on": now})
        elif form_def.key == "kpis":
            record["changed"] = {}
            for _legend, (key, label, *_rest) in form_def.fields():
                if values[key] and values[key] != allocation["kpis"].get(label):
                    allocation["kpis"][label] = record["changed"][label] = values[key]
                    for target in allocation["targets"]:
                        if target["kpi"] == label:
                            target["completed"] = now
        elif form_def.key == "upload":
            upload = dict(values["file"], allocation_id=allocation["id"],
                          document_type=values["document_type"],
                          description=values["description"])
            document_id = f"U{next(self._ids)}"
            allocation["documents"].append({"id": document_id, "name": upload["filename"],
                                            "type": upload["document_type"], "uploaded_on": now})
            self.files[allocation["id"], document_id] = (
                upload["content"], upload["content_type"], upload["filename"])
            self.uploads.append(upload)
        if (form_def.key, action) in STATUS_AFTER:
            self.set_status(allocation["id"], STATUS_AFTER[form_def.key, action], by=self.login)
        self.submissions.append(record)

    @route("GET", r"/kpis")
    def kpi_targets(self, request):
        layout = self._layout()
        rows = [{"Allocation": (a["id"], f"/allocations/{a['id']}"),
                 "Claim number": a["claim_number"], "KPI": t["kpi"], "Due by": t["due"],
                 "Completed on": t["completed"]}
                for a in self.allocations.values() if a["status"] not in pagemap.CLOSED_STATUSES
                for t in a["targets"]]
        number, count, chunk = self._paged(request, rows, self.page_size)
        table = render.table(layout, "KPI targets", pagemap.TARGET_COLUMNS, chunk)
        body = (render.delayed(table, self.kpi_delay) if self.kpi_delay else table) + \
            render.pagination(layout, "/kpis", number, count)
        return self._page("KPI targets", body, request)
