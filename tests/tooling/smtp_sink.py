# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A loopback SMTP server that keeps what it receives, for end-to-end tests of outgoing mail.

Speaks just enough SMTP for Odoo's ``ir.mail_server`` without TLS or login:
EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT.
"""

import email
import email.policy
import socketserver
import threading
import time


class _SmtpHandler(socketserver.StreamRequestHandler):
    def _reply(self, text):
        self.wfile.write(f"{text}\r\n".encode())

    def handle(self):
        self._reply("220 sink ESMTP")
        recipients = []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.decode(errors="replace").strip()
            verb = command[:4].upper()
            if verb == "EHLO":
                self.wfile.write(b"250-sink\r\n250 8BITMIME\r\n")
            elif verb == "HELO":
                self._reply("250 sink")
            elif verb == "MAIL":
                recipients = []
                self._reply("250 OK")
            elif verb == "RCPT":
                recipients.append(command.partition(":")[2].strip().strip("<>"))
                self._reply("250 OK")
            elif verb == "DATA":
                self._reply("354 End data with <CR><LF>.<CR><LF>")
                lines = []
                while True:
                    data = self.rfile.readline()
                    if data in (b".\r\n", b".\n", b""):
                        break
                    lines.append(data[1:] if data.startswith(b"..") else data)
                message = email.message_from_bytes(b"".join(lines), policy=email.policy.SMTP)
                self.server.sink.received.append((recipients, message))
                self._reply("250 OK queued")
            elif verb in ("RSET", "NOOP"):
                self._reply("250 OK")
            elif verb == "QUIT":
                self._reply("221 Bye")
                return
            else:
                self._reply("502 Command not implemented")


class SmtpSink:
    """``with SmtpSink() as sink:`` listens on ``sink.port``; ``sink.received`` holds
    ``(envelope recipients, email.message.EmailMessage)`` pairs."""

    def __init__(self):
        self.received = []
        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _SmtpHandler)
        self.server.daemon_threads = True
        self.server.sink = self
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def wait_for(self, recipient, subject=None, timeout=60):
        """The first message sent to ``recipient`` (envelope) whose subject contains
        ``subject`` (when given), waiting up to ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for recipients, message in list(self.received):
                if recipient.lower() in (r.lower() for r in recipients) and (
                        subject is None or subject in str(message["Subject"])):
                    return message
            time.sleep(0.3)
        raise TimeoutError(f"no mail to {recipient} within {timeout}s")

    def route_odoo_mail(self, rpc):
        """Make Odoo (``rpc``: a tests.odoo_rpc.OdooRpc as an administrator) send its mail to
        this sink: one outgoing server "e2e sink", first by sequence, pointed at this port.
        Test modules share one database: a sink of an earlier module is closed by now."""
        values = {"smtp_host": "127.0.0.1", "smtp_port": self.port, "smtp_encryption": "none",
                  "sequence": 1}
        servers = rpc("ir.mail_server", "search", [("name", "=", "e2e sink")])
        if servers:
            rpc("ir.mail_server", "write", servers, values)
        else:
            rpc("ir.mail_server", "create", {"name": "e2e sink", **values})
