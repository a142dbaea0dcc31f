# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the headers of an incoming mail say about who sent it and why.

Headers come from outside and are hostile. A reply to a claim package is trusted only when
its From header names one mailbox without any doubt (``single_sender``), when it is not an
automatic message (``is_automatic``) and, when the desk asks for it, when the receiving
server found that DMARC passed for the sender's domain (``dmarc_passed``). Plain Python: the
functions take an ``email.message.Message`` and return plain values.
"""

import re
from email import policy

from odoo.tools.mail import email_normalize, email_split

# RFC 3834: any value but "no" marks a message sent by a program, not typed by a person
AUTO_SUBMITTED = "Auto-Submitted"
# set by vacation responders that predate RFC 3834 (Exchange, cPanel, Zimbra, ...)
AUTO_REPLY_HEADERS = ("X-Autoreply", "X-Autorespond", "X-Autoresponder", "X-Autoreply-From")
AUTO_PRECEDENCES = {"auto_reply", "bulk", "junk"}
# delivery and read reports (RFC 6522)
REPORT_TYPE = "multipart/report"
COMMENT = re.compile(r"\([^()]*\)")
DMARC_RESULT = re.compile(r"^dmarc\s*=\s*([a-z]+)", re.IGNORECASE)
PROPERTY = re.compile(r"([a-z][\w.-]*)\s*=\s*(\"[^\"]*\"|[^\s;]+)", re.IGNORECASE)


def single_sender(message):
    """The normalized address of the one mailbox in the From header, or False.

    False when From is missing or given twice, holds several mailboxes or a group, parses
    with defects (``lara@firm.example <evil@x.example>`` reads differently from one mail
    program to the next), or when its display name holds an address other than the real
    one (``"lara@firm.example" <evil@x.example>``).
    """
    values = [value for name, value in message.raw_items() if name.lower() == "from"]
    if len(values) != 1:
        return False
    header = policy.SMTP.header_fetch_parse("From", values[0])
    addresses = getattr(header, "addresses", None)
    if (
        not addresses
        or len(addresses) != 1
        or header.defects
        or len(header.groups) != 1
        or header.groups[0].display_name is not None
    ):
        return False
    address = email_normalize(addresses[0].addr_spec)
    # Odoo's own reading of the header must find that very address, and it alone
    if not address or [email_normalize(found) for found in email_split(str(header))] != [address]:
        return False
    if any(email_normalize(found) != address for found in email_split(addresses[0].display_name)):
        return False
    return address


def is_automatic(message):
    """True for an automatic message: an out-of-office or other auto-reply, a delivery or
    read report, a bulk mail, or a mail sent with an empty return path."""
    auto_submitted = str(message.get(AUTO_SUBMITTED) or "").split(";")[0].strip().lower()
    if auto_submitted and auto_submitted != "no":
        return True
    if any(message.get(name) is not None for name in AUTO_REPLY_HEADERS):
        return True
    if str(message.get("Precedence") or "").strip().lower() in AUTO_PRECEDENCES:
        return True
    if str(message.get("Return-Path") or "").strip() == "<>":
        return True
    return message.get_content_type() == REPORT_TYPE


def dmarc_passed(message, authserv_id, address):
    """True when an ``Authentication-Results`` header of the receiving server ``authserv_id``
    says ``dmarc=pass`` for the domain of ``address`` (``header.from``).

    Only headers of that server count: it must remove the ones that came with the mail under
    its own name (RFC 8601, section 5), as Postfix with OpenDMARC and the big providers do.
    """
    domain = (address or "").rpartition("@")[2].lower()
    server = (authserv_id or "").strip().lower()
    if not domain or not server:
        return False
    for value in message.get_all("Authentication-Results") or []:
        parts = [part.strip() for part in COMMENT.sub(" ", str(value)).split(";")]
        if not parts[0] or parts[0].split()[0].strip('"').lower() != server:
            continue
        for result in parts[1:]:
            verdict = DMARC_RESULT.match(result)
            if not verdict or verdict.group(1).lower() != "pass":
                continue
            properties = {
                name.lower(): found.strip('"').lower() for name, found in PROPERTY.findall(result)
            }
            if properties.get("header.from") == domain:
                return True
    return False
