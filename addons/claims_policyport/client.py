# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The PolicyPort protocol (tests/simulators/policyport/CONTRACT.md), without the ORM.

HTTP with requests, XML with lxml. Hostile XML never reaches the parser's dangerous parts: a
DOCTYPE is refused before anything else (no DTD, hence no entity, no expansion bomb), and the
parser itself has entities, DTD loading, network access and huge trees off. Every body is then
validated against the contract's schema (schemas/policyport.xsd) with libxml2's XSD validator
(lxml): as strict as xmlschema, which the contract's own tests use, and about thirty times
faster on a claim, which counts when a batch brings a thousand of them.

Failures are ``RetryableError`` (timeouts, dropped connections, 408, 429, 5xx) or
``PermanentError`` (other 4xx, XML that is not well-formed or not valid, a document that is not
a PDF, an answer larger than the backend's cap), with a ``kind`` per sort of failure.

Answers are read as a stream and counted: past ``max_bytes`` (10 MB unless the backend says
otherwise) the connection is dropped and the answer refused, whatever its Content-Length said;
nothing larger ever sits in memory or reaches the parser.
"""

import io
import re
import threading
import uuid
from pathlib import Path

import requests
from lxml import etree

from odoo.addons.claims_connector.connector.exceptions import PermanentError, RetryableError

SCHEMA_PATH = Path(__file__).parent / "schemas" / "policyport.xsd"
API = "/api/v1"
DOCTYPE = re.compile(rb"<!\s*DOCTYPE", re.IGNORECASE)
RETRY_STATUSES = {408, 429}
VENDOR_FIELDS = (("street", "Address"), ("city", "City"), ("tiva_state", "State"),
                 ("zip", "Zip"), ("phone", "Phone"), ("email", "Email"))
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
CHUNK_BYTES = 64 * 1024
_local = threading.local()


def get_schema():
    """The contract's schema, parsed once per thread (a validator keeps its error log: threads
    of a server do not share one); our own file, read with the safe parser."""
    schema = getattr(_local, "schema", None)
    if schema is None:
        schema = _local.schema = etree.XMLSchema(etree.parse(str(SCHEMA_PATH), safe_parser()))
    return schema


def safe_parser():
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
        dtd_validation=False, remove_comments=True,
    )


def parse_xml(content, expected_root=None):
    """Parse and validate a PolicyPort body; raise PermanentError when it is not acceptable.

    The error carries the refused body (``payload``) so that it can be kept for a look.
    """
    try:
        return _parse_xml(content, expected_root)
    except PermanentError as err:
        err.payload = content
        raise


def _parse_xml(content, expected_root):
    if not content:
        raise PermanentError("PolicyPort sent an empty body.", kind="malformed_xml")
    if DOCTYPE.search(content[:4096]) or DOCTYPE.search(content):
        raise PermanentError(
            "PolicyPort sent XML with a DOCTYPE: refused (no DTD or entity is accepted).",
            kind="xml_doctype",
        )
    try:
        root = etree.fromstring(content, safe_parser())
    except etree.XMLSyntaxError as err:
        raise PermanentError(f"PolicyPort sent malformed XML: {err}", kind="malformed_xml") \
            from err
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise PermanentError("PolicyPort sent XML with a DTD: refused.", kind="xml_doctype")
    if expected_root and root.tag != expected_root:
        raise PermanentError(
            f"PolicyPort sent <{root.tag}> where <{expected_root}> was expected.",
            kind="schema",
        )
    schema = get_schema()
    if not schema.validate(root):
        error = schema.error_log.last_error
        raise PermanentError(
            f"PolicyPort's <{root.tag}> does not follow the contract at "
            f"{error.path or ''} (line {error.line}): {error.message}",
            kind="schema",
        )
    return root


def check_pdf(content, name):
    """Raise PermanentError unless ``content`` is a PDF pypdf can read."""
    from pypdf import PdfReader  # noqa: PLC0415 - only when documents are fetched
    from pypdf.errors import PdfReadError  # noqa: PLC0415

    if not content or not content.startswith(b"%PDF"):
        raise PermanentError(f"{name} is not a PDF.", kind="document")
    try:
        if not PdfReader(io.BytesIO(content)).pages:
            raise PermanentError(f"{name} is a PDF without pages.", kind="document")
    except (PdfReadError, ValueError, KeyError) as err:
        raise PermanentError(f"{name} is not a readable PDF: {err}", kind="document") from err
    return content


def _thread_session(base, login, secret):
    """A requests session per thread and account, kept from one job to the next: its
    connections stay open, so a claim's three requests and the next claim's do not each pay
    for a new connection."""
    sessions = getattr(_local, "sessions", None)
    if sessions is None:
        sessions = _local.sessions = {}
    key = (base, login, secret)
    if key not in sessions:
        sessions[key] = requests.Session()
    return sessions[key]


def new_idempotency_key():
    return str(uuid.uuid4())


def _format_size(size):
    return f"{size / 1024 / 1024:g} MB" if size >= 1024 * 1024 else f"{size} bytes"


class Answer:
    """An HTTP answer read within the size cap: what the client uses of a requests response."""

    __slots__ = ("status_code", "headers", "content")

    def __init__(self, status_code, headers, content):
        self.status_code = status_code
        self.headers = headers
        self.content = content

    @property
    def text(self):
        return self.content.decode("utf-8", "replace")


class PolicyPortClient:
    """One PolicyPort account: ``PolicyPortClient(endpoint, login, secret)``; answers above
    ``max_bytes`` are refused."""

    def __init__(self, endpoint, login, secret, timeout=30, session=None,
                 max_bytes=DEFAULT_MAX_BYTES):
        self.base = endpoint.rstrip("/") + API
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.session = session or _thread_session(self.base, login, secret)
        self.session.auth = (login, secret)
        self.session.headers.update({"Accept": "application/xml"})

    # -------------------------------------------------------------- HTTP

    def _request(self, method, path, **kwargs):
        url = self.base + path
        try:
            with self.session.request(
                method, url, timeout=self.timeout, stream=True, **kwargs
            ) as streamed:
                response = Answer(
                    streamed.status_code, streamed.headers,
                    self._read_capped(streamed, method, path),
                )
        except requests.Timeout as err:
            raise RetryableError(f"PolicyPort did not answer in {self.timeout} s ({method} "
                                 f"{path}).", kind="timeout") from err
        except requests.ConnectionError as err:
            raise RetryableError(f"PolicyPort connection lost ({method} {path}): {err}",
                                 kind="connection") from err
        except requests.RequestException as err:
            raise RetryableError(f"PolicyPort request failed ({method} {path}): {err}",
                                 kind="connection") from err
        if response.status_code in RETRY_STATUSES or response.status_code >= 500:
            raise RetryableError(
                f"PolicyPort answered {response.status_code} to {method} {path}: "
                f"{self._error_message(response)}",
                kind=f"http_{response.status_code}",
                retry_after=self._retry_after(response),
            )
        if response.status_code >= 400:
            raise PermanentError(
                f"PolicyPort refused {method} {path} ({response.status_code}): "
                f"{self._error_message(response)}",
                kind=f"http_{response.status_code}",
            )
        return response

    def _read_capped(self, response, method, path):
        """The body of a streamed answer; PermanentError past ``max_bytes`` (the rest is
        never read: leaving the ``with`` drops the connection)."""
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise self._too_large(method, path)
        chunks, size = [], 0
        for chunk in response.iter_content(CHUNK_BYTES):
            size += len(chunk)
            if size > self.max_bytes:
                raise self._too_large(method, path)
            chunks.append(chunk)
        return b"".join(chunks)

    def _too_large(self, method, path):
        return PermanentError(
            f"PolicyPort's answer to {method} {path} is larger than "
            f"{_format_size(self.max_bytes)}, the backend's cap: refused. Raise the cap on the "
            f"backend if such answers are expected.",
            kind="too_large",
        )

    @staticmethod
    def _retry_after(response):
        value = response.headers.get("Retry-After", "")
        return int(value) if value.isdigit() else None

    @staticmethod
    def _error_message(response):
        try:
            root = parse_xml(response.content, "Error")
        except PermanentError:
            return (response.text or "")[:200]
        return root.findtext("Message") or root.findtext("Code") or ""

    # -------------------------------------------------------------- claims

    def list_claims(self, assigned_since):
        """[{tiva_claim_id, client_claim_number, client, date_assigned}] since a date."""
        response = self._request("GET", "/claims",
                                 params={"assignedSince": assigned_since.isoformat()})
        root = parse_xml(response.content, "ClaimList")
        return [{
            "tiva_claim_id": ref.get("tivaClaimId"),
            "client_claim_number": ref.get("clientClaimNumber"),
            "client": ref.get("client"),
            "date_assigned": ref.get("dateAssigned") or None,
        } for ref in root.iterfind("ClaimRef")]

    def get_claim(self, tiva_claim_id):
        """(raw bytes, validated <Claim> element) of one claim."""
        response = self._request("GET", f"/claims/{tiva_claim_id}")
        return response.content, parse_xml(response.content, "Claim")

    def get_document(self, tiva_claim_id, document_id, name):
        response = self._request("GET", f"/claims/{tiva_claim_id}/documents/{document_id}")
        return check_pdf(response.content, name)

    def list_vendors(self, page_size=100):
        """[{payee_id, name, street, city, tiva_state, zip, phone, email}]: every page of the
        account's vendor list, read in turn until ``total`` vendors or an empty page."""
        vendors, page = [], 1
        while True:
            root = parse_xml(self._request("GET", "/vendors", params={
                "page": page, "pageSize": page_size}).content, "VendorList")
            found = [{"payee_id": v.get("payeeId"), "name": v.findtext("CompanyName"),
                      **{key: v.findtext(tag) or False for key, tag in VENDOR_FIELDS}}
                     for v in root.iterfind("Vendor")]
            vendors += found
            if not found or len(vendors) >= int(root.get("total")):
                return vendors
            page += 1

    def post_claim_status(self, tiva_claim_id, body, idempotency_key):
        """Ours: close or reopen a claim (``render_claim_status``); the status PolicyPort has."""
        return self.post(f"/claims/{tiva_claim_id}/status", body, idempotency_key,
                         "ClaimStatusAck").get("status")

    # -------------------------------------------------------------- writes (financials)

    def post(self, path, body, idempotency_key, expected_root=None):
        """A write with its idempotency key; a retry must reuse the same key."""
        response = self._request(
            "POST", path, data=body,
            headers={"Idempotency-Key": idempotency_key, "Content-Type": "application/xml"},
        )
        if expected_root:
            return parse_xml(response.content, expected_root)
        return response.content

    # -------------------------------------------------------------- financials
    # Reserves, payments and voids out; checks, voids and a claim's financials in. Each write
    # goes through ``post`` with the idempotency key its exchange keeps, so a retry after a
    # timeout is answered from PolicyPort's memory instead of being recorded twice.

    def post_reserve(self, tiva_claim_id, body, idempotency_key):
        """{reserve_id, total} of a ``<ReserveChange>`` body (``render_reserve_change``)."""
        ack = self.post(f"/claims/{tiva_claim_id}/reserves", body, idempotency_key,
                        "ReserveAck")
        return {"reserve_id": ack.get("reserveId"), "total": float(ack.get("total"))}

    def post_payment(self, tiva_claim_id, body, idempotency_key):
        """{payment_id, payable_to} of a ``<Payment>`` body (``render_payment``)."""
        ack = self.post(f"/claims/{tiva_claim_id}/payments", body, idempotency_key,
                        "PaymentAck")
        return {"payment_id": ack.get("paymentId"), "payable_to": ack.get("payableTo")}

    def post_void(self, payment_id, body, idempotency_key):
        """Void a payment PolicyPort knows (``render_void``)."""
        self.post(f"/payments/{payment_id}/void", body, idempotency_key)
        return True

    def get_financials(self, tiva_claim_id):
        """(raw bytes, {status, reserves: {(code, category): total}, payments: [...]})."""
        response = self._request("GET", f"/claims/{tiva_claim_id}/financials")
        root = parse_xml(response.content, "Financials")
        return response.content, {
            "status": root.get("status"),
            "reserves": {(r.get("code"), r.get("category")): float(r.get("total"))
                         for r in root.iterfind("Reserve")},
            "payments": [{
                "payment_id": p.get("paymentId"), "code": p.get("code"),
                "category": p.get("category"), "payee_tiva_id": p.get("payeeTivaId"),
                "payable_to": p.get("payableTo"), "amount": float(p.get("amount")),
                "remarks": p.get("remarks"), "status": p.get("status"),
                "check_number": p.get("checkNumber") or None,
                "date_check": p.get("checkDate") or None,
            } for p in root.iterfind("Payment")],
        }

    def list_checks(self, issued_since):
        """[{payment_id, tiva_claim_id, check_number, date_check, amount}] since a date."""
        response = self._request("GET", "/checks", params={"issuedSince": issued_since.isoformat()})
        return [{
            "payment_id": check.get("paymentId"), "tiva_claim_id": check.get("tivaClaimId"),
            "check_number": check.get("checkNumber"), "date_check": check.get("checkDate"),
            "amount": float(check.get("amount")),
        } for check in parse_xml(response.content, "CheckList").iterfind("Check")]

    def list_voids(self, voided_since):
        """[{payment_id, tiva_claim_id, date_void}] voided in PolicyPort since a date."""
        response = self._request("GET", "/voids", params={"voidedSince": voided_since.isoformat()})
        return [{
            "payment_id": void.get("paymentId"), "tiva_claim_id": void.get("tivaClaimId"),
            "date_void": void.get("voidDate"),
        } for void in parse_xml(response.content, "VoidList").iterfind("Void")]


def _element(tag, children=(), **attributes):
    element = etree.Element(tag, {key: str(value) for key, value in attributes.items()})
    for child_tag, text in children:
        etree.SubElement(element, child_tag).text = text
    return element


def _to_bytes(element):
    return etree.tostring(element, xml_declaration=True, encoding="utf-8")


def _money(amount):
    return f"{amount:.2f}"


def render_reserve_change(values):
    """A ``<ReserveChange>`` body of mapped values (``mapping.reserve_change_values``)."""
    return _to_bytes(_element("ReserveChange", [
        ("CoverageCode", values["code"]), ("Category", values["category"]),
        ("AmountChange", _money(values["amount_change"])), ("Reason", values["reason"] or ""),
    ]))


def render_payment(values):
    """A ``<Payment>`` body of mapped values (``mapping.payment_values``)."""
    root = _element("Payment", [
        ("CoverageCode", values["code"]), ("Category", values["category"]),
        ("PayeeTivaId", values["payee_tiva_id"] or ""),
    ])
    for tiva_id, name in values["additional_payees"]:
        etree.SubElement(root, "AdditionalPayee", {"tivaId": tiva_id or "", "name": name})
    etree.SubElement(root, "Amount").text = _money(values["amount"])
    etree.SubElement(root, "Remarks").text = values["remarks"] or ""
    return _to_bytes(root)


def render_void(reason):
    return _to_bytes(_element("VoidRequest", [("Reason", reason or "")]))


def render_claim_status(status, date, reason):
    """A ``<ClaimStatus>`` body (ours): ``Closed`` or ``Reopened`` on a date, with a reason."""
    return _to_bytes(_element("ClaimStatus", [
        ("Status", status), ("Date", date.isoformat()), ("Reason", reason or "")]))
