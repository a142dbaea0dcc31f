# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Helpers of the webhook tests: a listener on 127.0.0.1 that records every connection, a
resolver that answers chosen names, and a TLS certificate for a name."""

import datetime
import select
import socket
import ssl
import threading
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from unittest.mock import patch

REAL_GETADDRINFO = socket.getaddrinfo


@contextmanager
def resolving(names):
    """Patch ``socket.getaddrinfo`` to answer ``names`` and yield the names looked up.

    :param names: {name: [address, ...]}, or {name: [[address, ...], [address, ...]]} for
        answers that change: each lookup takes the next one, the last one repeats. Other
        hosts (IP addresses) go to the real resolver.
    """
    looked_up = []

    def getaddrinfo(host, port, *args, **kwargs):
        looked_up.append(host)
        if host not in names:
            return REAL_GETADDRINFO(host, port, *args, **kwargs)
        answers = names[host]
        if answers and isinstance(answers[0], list):
            answers = answers.pop(0) if len(answers) > 1 else answers[0]
        return [
            (socket.AF_INET6, socket.SOCK_STREAM, 6, "", (address, port, 0, 0))
            if ":" in address else
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))
            for address in answers
        ]

    with patch("socket.getaddrinfo", getaddrinfo):
        yield looked_up


class Listener:
    """An HTTP(S) server on 127.0.0.1 that records every connection it accepts and every
    request, and answers each request with ``status``, ``headers`` and ``body``.

    ``close()`` also records the connections still waiting to be accepted, so that "nothing
    reached it" holds once it is closed.
    """

    def __init__(self, status=200, headers=None, body=b"ok", tls_context=None):
        self.status, self.headers, self.body = status, headers or {}, body
        self.connections = []
        self.requests = []
        self.server_names = []
        self.closed = False
        listener = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                listener.requests.append({
                    "path": self.path, "headers": dict(self.headers),
                    "body": self.rfile.read(length)})
                self.send_response(listener.status)
                for name, value in listener.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(listener.body)))
                self.send_header("Connection", "close")
                self.end_headers()
                # the client may have read what it wanted and hung up
                with suppress(OSError):
                    self.wfile.write(listener.body)

            do_GET = do_POST

            def log_message(self, *args):
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def process_request(self, request, client_address):
                listener.connections.append(client_address)
                return super().process_request(request, client_address)

            def handle_error(self, request, client_address):
                pass

        self.server = Server(("127.0.0.1", 0), Handler)
        if tls_context:
            tls_context.sni_callback = lambda sock, name, context: (
                listener.server_names.append(name))
            self.server.socket = tls_context.wrap_socket(self.server.socket, server_side=True)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, host="127.0.0.1", path="/hooks", scheme="http"):
        return f"{scheme}://{host}:{self.port}{path}"

    def close(self):
        if self.closed:
            return
        self.closed = True
        self.server.shutdown()
        sock = self.server.socket
        while select.select([sock], [], [], 0.2)[0]:
            try:
                connection, address = socket.socket.accept(sock)  # no TLS handshake
            except OSError:
                break
            self.connections.append(address)
            connection.close()
        self.server.server_close()


def make_certificate(name, directory):
    """A self-signed certificate for ``name``: (certificate file, key file)."""
    from cryptography import x509  # noqa: PLC0415
    from cryptography.hazmat.primitives import hashes, serialization  # noqa: PLC0415
    from cryptography.hazmat.primitives.asymmetric import ec  # noqa: PLC0415
    from cryptography.x509.oid import NameOID  # noqa: PLC0415

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject).issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                       critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = f"{directory}/{name}.pem", f"{directory}/{name}.key"
    with open(cert_path, "wb") as file:
        file.write(certificate.public_bytes(serialization.Encoding.PEM))
    with open(key_path, "wb") as file:
        file.write(key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption()))
    return cert_path, key_path


def tls_server_context(cert_path, key_path):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_path, key_path)
    return context
