# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A small toolkit for loopback HTTP simulators with fault injection.

Plain Python (http.server), no dependency: a simulator subclasses ``Simulator``, declares its
routes with ``@route(method, pattern)`` and returns ``Response`` objects. Tests start it on a
free port of 127.0.0.1, inject faults, look at the requests it received, and stop it::

    with MySimulator() as sim:
        sim.add_fault("status", status=429, retry_after=1, times=2, path=r"^/claims")
        requests.get(sim.url + "/claims")   # 429 twice, then the real answer
        assert sim.requests[-1].path == "/claims"

Faults (matched by method and path regex, consumed one per request, in order):
``delay`` (sleep ``seconds`` then answer normally), ``stall`` (do the work at once, then sleep
``seconds`` before answering: a client that times out meanwhile does not know its write was
recorded), ``status`` (answer ``status`` with an error
body and ``Retry-After`` when given), ``drop`` (close the connection without answering),
``malformed`` (answer the real body cut in half), ``oversized`` (answer the real body followed
by ``size`` blanks, without a Content-Length: still well-formed, only too large, and a client
learns its size by counting what it reads).
"""

import dataclasses
import re
import signal
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

FAULT_KINDS = ("delay", "stall", "status", "drop", "malformed", "oversized")


@dataclasses.dataclass
class Response:
    status: int = 200
    body: bytes | str = b""
    headers: dict = dataclasses.field(default_factory=dict)
    content_type: str = "application/xml; charset=utf-8"


@dataclasses.dataclass
class Request:
    method: str
    path: str
    query: dict
    headers: dict
    body: bytes
    params: dict = dataclasses.field(default_factory=dict)

    def arg(self, name, default=None):
        values = self.query.get(name)
        return values[0] if values else default


@dataclasses.dataclass
class Fault:
    kind: str
    times: int = 1
    method: str | None = None
    path: str | None = None
    status: int = 500
    retry_after: int | None = None
    seconds: float = 0.0
    body: str | None = None
    size: int = 0

    def matches(self, method, path):
        return (
            self.times > 0
            and (self.method is None or self.method == method)
            and (self.path is None or re.search(self.path, path))
        )


def route(method, pattern):
    """Declare a handler of a ``Simulator`` subclass for a method and a path regex."""

    def decorator(func):
        func.simulator_route = (method, re.compile(pattern))
        return func

    return decorator


class Simulator:
    """A loopback HTTP server: routes from ``@route`` methods, faults, a request log."""

    error_content_type = "application/xml; charset=utf-8"

    def __init__(self, host="127.0.0.1", port=0):
        self.host = host
        self.port = port
        self.faults = []
        self.requests = []
        self._lock = threading.Lock()
        self._server = None
        self._thread = None
        self._routes = [
            (func.simulator_route[0], func.simulator_route[1], func)
            for name in dir(type(self))
            if callable(func := getattr(self, name, None)) and hasattr(func, "simulator_route")
        ]

    # -------------------------------------------------------------- lifecycle

    @property
    def url(self):
        return f"http://{self.host}:{self.port}"

    def start(self):
        simulator = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # http.server writes the status line, the headers and the body one by one: with
            # Nagle's algorithm on, each answer waited for the client's delayed ACK (about
            # 40 ms on loopback), a stall no real server has
            disable_nagle_algorithm = True

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                simulator._handle(self, "GET")

            def do_POST(self):
                simulator._handle(self, "POST")

            def do_PUT(self):
                simulator._handle(self, "PUT")

            def do_DELETE(self):
                simulator._handle(self, "DELETE")

        self._server = ThreadingHTTPServer((self.host, self.port), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, name=f"{type(self).__name__}:{self.port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self):
        if self._server:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join(5)
            self._server = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    # -------------------------------------------------------------- faults

    def add_fault(self, kind, **options):
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault {kind!r}; known: {', '.join(FAULT_KINDS)}")
        fault = Fault(kind=kind, **options)
        with self._lock:
            self.faults.append(fault)
        return fault

    def clear_faults(self):
        with self._lock:
            self.faults.clear()

    def _take_fault(self, method, path):
        with self._lock:
            for fault in self.faults:
                if fault.matches(method, path):
                    fault.times -= 1
                    return dataclasses.replace(fault)
        return None

    # -------------------------------------------------------------- serving

    def error_body(self, status, message):
        """The body of an error answer; a simulator formats it as its system does."""
        return f"<error><status>{status}</status><message>{message}</message></error>"

    def not_found(self, request):
        return Response(404, self.error_body(404, f"no route for {request.path}"),
                        content_type=self.error_content_type)

    def _dispatch(self, request):
        for method, pattern, func in self._routes:
            if method == request.method and (match := pattern.fullmatch(request.path)):
                request.params = match.groupdict()
                return func(request)
        return self.not_found(request)

    def _handle(self, handler, method):
        parts = urlsplit(handler.path)
        length = int(handler.headers.get("Content-Length") or 0)
        request = Request(
            method=method, path=parts.path, query=parse_qs(parts.query),
            headers={key.lower(): value for key, value in handler.headers.items()},
            body=handler.rfile.read(length) if length else b"",
        )
        with self._lock:
            self.requests.append(request)
        fault = self._take_fault(method, parts.path)
        if fault and fault.kind == "drop":
            handler.close_connection = True
            try:
                handler.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        if fault and fault.kind == "delay":
            time.sleep(fault.seconds)
        if fault and fault.kind == "status":
            headers = {}
            if fault.retry_after is not None:
                headers["Retry-After"] = str(fault.retry_after)
            response = Response(
                fault.status, fault.body or self.error_body(fault.status, "simulated failure"),
                headers, content_type=self.error_content_type,
            )
        else:
            response = self._dispatch(request)
        if fault and fault.kind == "stall":
            time.sleep(fault.seconds)
        body = response.body.encode() if isinstance(response.body, str) else response.body
        if fault and fault.kind == "malformed":
            body = body[: len(body) // 2]
        oversized = fault and fault.kind == "oversized"
        try:
            handler.send_response(response.status)
            handler.send_header("Content-Type", response.content_type)
            if oversized:  # the body ends when the connection closes
                handler.send_header("Connection", "close")
                handler.close_connection = True
            else:
                handler.send_header("Content-Length", str(len(body)))
            for key, value in response.headers.items():
                handler.send_header(key, value)
            handler.end_headers()
            handler.wfile.write(body)
            if oversized:
                blanks = b" " * 65536
                for offset in range(0, fault.size, len(blanks)):
                    handler.wfile.write(blanks[: fault.size - offset])
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (its timeout): fine for a simulator


def wait_until_stopped():
    """Block until Ctrl-C (SIGINT) or SIGTERM, for a simulator run by hand or by a test.

    Both are handled here, also where SIGINT was ignored by the parent (a command started in
    the background ignores it, and Python then raises no KeyboardInterrupt), and docker's stop
    (SIGTERM) ends a simulator as cleanly as Ctrl-C.
    """
    received = []
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda signum, frame: received.append(signum))
    while not received:
        time.sleep(0.2)


def make_pdf(title, size=(612, 792)):
    """A small valid one-page PDF showing ``title`` (offsets computed, no library); ``size``
    in points: US Letter by default, (595, 842) for A4."""
    text = title.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = f"BT /F1 14 Tf 72 720 Td ({text}) Tj ET".encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>" % size,
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)
