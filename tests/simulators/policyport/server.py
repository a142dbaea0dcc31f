# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A PolicyPort that serves exactly the contract of CONTRACT.md, in memory.

Claims are added with ``add_claim(make_claim(n))``; the claim list answers the claims whose
``DateAssigned`` is on or after ``assignedSince`` and those with an empty one (PolicyPort lists
them: the importer skips them). Documents are small PDFs. Writes need an ``Idempotency-Key``: a
repeated key answers the first result again without recording twice. A raw body can replace
a claim's XML (``raw_claims``) to serve hostile or broken payloads.

Financials: the parties of the claims added are the payees PolicyPort knows (``payees``: Tiva
id -> the name it prints); payments are checked as PolicyPort checks them (see
``_payment_error``); ``denied`` holds the operations (``reserves``, ``payments``, ``voids``,
``financials``) the desk's PolicyPort user has no right to. What happens in PolicyPort itself
is played with ``add_payment``, ``issue_check`` and ``void_payment``.

Vendors: ``add_vendor(make_vendor(n))`` adds one to the account's list (``GET /vendors``, by
page); a vendor is a payee PolicyPort knows. Closing and reopening (ours): ``POST
/claims/{id}/status`` sets the claim's file status; ``reopen_claim`` plays a claim reopened in
PolicyPort by hand.
"""

import base64
import itertools
import threading
import xml.etree.ElementTree as ET

from ..toolkit import Response, Simulator, route, wait_until_stopped
from . import data

API = "/api/v1"


class PolicyPortSimulator(Simulator):
    def __init__(self, login="desk", secret="s3cret", **kwargs):
        super().__init__(**kwargs)
        self.login = login
        self.secret = secret
        self.claims = {}
        self.raw_claims = {}
        self.documents = {}
        self.reserves = []
        self.payments = {}
        self.checks = []
        self.voids = []
        self.idempotency = {}
        self.payees = {}
        self.denied = set()
        self.vendors = {}
        self.statuses = []
        self._ids = itertools.count(1)
        self._data_lock = threading.Lock()

    # -------------------------------------------------------------- data

    def add_claim(self, claim, documents=True):
        self.claims[claim["TivaClaimId"]] = claim
        for party in claim.get("Parties", []):
            self.payees[party["tivaId"]] = " ".join(
                part for part in (party.get("FirstName"), party.get("LastName")) if part
            ) or party.get("CompanyName") or party["tivaId"]
        if documents:
            for document in claim.get("Documents", []):
                self.documents[claim["TivaClaimId"], document["id"]] = data.make_pdf(
                    f"{document['type']} {claim['ClientClaimNumber']}")
        return claim

    def add_vendor(self, vendor):
        """A vendor of the account's list; its Payee ID becomes a payee PolicyPort knows."""
        self.vendors[vendor["payeeId"]] = vendor
        self.payees[vendor["payeeId"]] = vendor["CompanyName"]
        return vendor

    def reopen_claim(self, claim_id):
        """A claim reopened in PolicyPort by hand (not through the API)."""
        self.claims[claim_id]["ClientFileStatus"] = "Reopened"
        self.claims[claim_id]["DateClosed"] = ""

    def error_body(self, status, message):
        codes = {400: "VALIDATION", 401: "UNAUTHORIZED", 403: "FORBIDDEN", 404: "NOT_FOUND",
                 409: "CONFLICT", 429: "RATE_LIMITED", 500: "SERVER_ERROR"}
        return data.render_error(codes.get(status, "ERROR"), message)

    def _error(self, status, message):
        return Response(status, self.error_body(status, message))

    def _authorized(self, request):
        expected = base64.b64encode(f"{self.login}:{self.secret}".encode()).decode()
        return request.headers.get("authorization") == f"Basic {expected}"

    def _dispatch(self, request):
        if not self._authorized(request):
            return self._error(401, "Invalid credentials")
        return super()._dispatch(request)

    # -------------------------------------------------------------- claims

    @route("GET", rf"{API}/claims")
    def list_claims(self, request):
        since = request.arg("assignedSince")
        if not since:
            return self._error(400, "assignedSince is required (YYYY-MM-DD)")
        listed = [
            claim for claim in self.claims.values()
            if not claim.get("DateAssigned") or claim["DateAssigned"] >= since
        ]
        return Response(200, data.render_claim_list(listed, since))

    @route("GET", rf"{API}/vendors")
    def list_vendors(self, request):
        try:
            page = int(request.arg("page", "1"))
            page_size = int(request.arg("pageSize", "100"))
        except ValueError:
            page = page_size = 0
        if page < 1 or not 1 <= page_size <= 500:
            return self._error(400, "page is from 1, pageSize from 1 to 500")
        vendors = list(self.vendors.values())
        start = (page - 1) * page_size
        return Response(200, data.render_vendor_list(
            vendors[start:start + page_size], page, page_size, len(vendors)))

    @route("GET", rf"{API}/claims/(?P<claim_id>[A-Z0-9\-]+)")
    def get_claim(self, request):
        claim_id = request.params["claim_id"]
        if claim_id in self.raw_claims:
            return Response(200, self.raw_claims[claim_id])
        if claim_id not in self.claims:
            return self._error(404, f"Claim {claim_id} not found")
        return Response(200, data.render_claim(self.claims[claim_id]))

    @route("GET", rf"{API}/claims/(?P<claim_id>[A-Z0-9\-]+)/documents/(?P<doc_id>[A-Z0-9\-]+)")
    def get_document(self, request):
        key = (request.params["claim_id"], request.params["doc_id"])
        if key not in self.documents:
            return self._error(404, f"Document {key[1]} not found")
        return Response(200, self.documents[key], content_type="application/pdf")

    # -------------------------------------------------------------- financials

    def payable_name(self, tiva_id):
        """The name PolicyPort prints on a check for a Tiva id (its own record, not ours)."""
        return self.payees.get(tiva_id)

    def reserve_totals(self, claim_id):
        """{(coverage code, category): total reserve} of a claim: initial plus changes."""
        totals = {}
        for coverage in self.claims[claim_id]["Policy"].get("Coverages", []):
            key = (coverage["code"], coverage["category"])
            totals[key] = totals.get(key, 0.0) + float(coverage.get("Reserve") or 0)
        for change in self.reserves:
            if change["claim"] == claim_id:
                key = (change["coverage"], change["category"])
                totals[key] = round(totals.get(key, 0.0) + change["amount"], 2)
        return totals

    def add_payment(self, claim_id, payee, amount, remarks, coverage="A", category="IND"):
        """A payment made in PolicyPort itself (not through the API); returns its id."""
        payment_id = f"PM-{next(self._ids)}"
        self.payments[payment_id] = {
            "claim": claim_id, "payee": payee, "payableTo": self.payable_name(payee) or payee,
            "amount": float(amount), "remarks": remarks, "coverage": coverage,
            "category": category, "voided": False, "checkNumber": "", "checkDate": "",
        }
        return payment_id

    def issue_check(self, payment_id, check_number, check_date):
        """PolicyPort prints the check of a payment: listed by ``GET /checks``."""
        payment = self.payments[payment_id]
        payment.update(checkNumber=check_number, checkDate=check_date)
        self.checks.append({"paymentId": payment_id, "tivaClaimId": payment["claim"],
                            "checkNumber": check_number, "checkDate": check_date,
                            "amount": f"{payment['amount']:.2f}"})

    def void_payment(self, payment_id, void_date):
        """A payment voided in PolicyPort: listed by ``GET /voids``."""
        payment = self.payments[payment_id]
        payment["voided"] = True
        self.voids.append({"paymentId": payment_id, "tivaClaimId": payment["claim"],
                           "voidDate": void_date})

    def _idempotent(self, request, handler):
        key = request.headers.get("idempotency-key")
        if not key:
            return self._error(400, "Idempotency-Key header is required")
        with self._data_lock:
            if key in self.idempotency:
                body_seen, response = self.idempotency[key]
                if body_seen != request.body:
                    return self._error(409, "Idempotency-Key reused with another body")
                return response
            response = handler()
            if response.status < 300:  # a refused write records nothing: its key may come again
                self.idempotency[key] = (request.body, response)
            return response

    def _parse(self, request, tag):
        try:
            root = ET.fromstring(request.body)
        except ET.ParseError as err:
            return None, self._error(400, f"Malformed XML: {err}")
        if root.tag != tag:
            return None, self._error(400, f"Expected <{tag}>")
        return root, None

    def _refused(self, operation, claim_id=None):
        """403 when the desk's PolicyPort user lacks the right, 404 for an unknown claim."""
        if operation in self.denied:
            return self._error(403, f"User {self.login} does not have the right to set "
                                    "Payments & Reserves.")
        if claim_id is not None and claim_id not in self.claims:
            return self._error(404, f"Claim {claim_id} not found")
        return None

    @route("POST", rf"{API}/claims/(?P<claim_id>[A-Z0-9\-]+)/reserves")
    def post_reserve(self, request):
        def handler():
            claim_id = request.params["claim_id"]
            root, error = self._parse(request, "ReserveChange")
            error = self._refused("reserves", claim_id) or error
            if error:
                return error
            change = {
                "reserveId": f"RS-{next(self._ids)}", "claim": claim_id,
                "coverage": root.findtext("CoverageCode"), "category": root.findtext("Category"),
                "amount": float(root.findtext("AmountChange")),
            }
            self.reserves.append(change)
            total = self.reserve_totals(claim_id)[change["coverage"], change["category"]]
            ack = ET.Element("ReserveAck", {"reserveId": change["reserveId"],
                                            "total": f"{total:.2f}"})
            return Response(201, data.to_xml(ack))
        return self._idempotent(request, handler)

    def _payment_error(self, claim_id, root):
        """PolicyPort's own checks of a payment, with its messages."""
        payee = (root.findtext("PayeeTivaId") or "").strip()
        if not payee:
            return "TIVA ID is required for primary payee"
        for additional in root.iterfind("AdditionalPayee"):
            if not (additional.get("tivaId") or "").strip():
                return (f"A Validation Error Has Occurred. Additional Payee: "
                        f"{additional.get('name')} must have a TIVA ID.")
        if self.payable_name(payee) is None:
            return f"TIVA ID {payee} is unknown."
        amount, remarks = float(root.findtext("Amount")), (root.findtext("Remarks") or "")
        for payment in self.payments.values():
            if (payment["claim"], payment["coverage"], payment["category"]) == (
                    claim_id, root.findtext("CoverageCode"), root.findtext("Category")) \
                    and payment["amount"] == amount and not payment["voided"] \
                    and payment["remarks"].strip().lower() == remarks.strip().lower():
                return ("There is already a payment for this claim with the same amount and "
                        "remarks. Please enter unique Remarks.")
        return None

    @route("POST", rf"{API}/claims/(?P<claim_id>[A-Z0-9\-]+)/payments")
    def post_payment(self, request):
        def handler():
            claim_id = request.params["claim_id"]
            root, error = self._parse(request, "Payment")
            error = self._refused("payments", claim_id) or error
            if error:
                return error
            message = self._payment_error(claim_id, root)
            if message:
                return self._error(400, message)
            payment_id = self.add_payment(
                claim_id, root.findtext("PayeeTivaId"), root.findtext("Amount"),
                root.findtext("Remarks"), root.findtext("CoverageCode"),
                root.findtext("Category"))
            ack = ET.Element("PaymentAck", {
                "paymentId": payment_id, "payableTo": self.payments[payment_id]["payableTo"]})
            return Response(201, data.to_xml(ack))
        return self._idempotent(request, handler)

    @route("POST", rf"{API}/payments/(?P<payment_id>[A-Z0-9\-]+)/void")
    def post_void(self, request):
        def handler():
            payment = self.payments.get(request.params["payment_id"])
            root, error = self._parse(request, "VoidRequest")
            error = self._refused("voids") or error
            if error:
                return error
            if not payment:
                return self._error(404, "Payment not found")
            payment["voided"] = True
            return Response(200, b"")
        return self._idempotent(request, handler)

    @route("GET", rf"{API}/claims/(?P<claim_id>[A-Z0-9\-]+)/financials")
    def get_financials(self, request):
        claim_id = request.params["claim_id"]
        error = self._refused("financials", claim_id)
        if error:
            return error
        status = self.claims[claim_id].get("ClientFileStatus") or "Open"
        root = ET.Element("Financials", {"tivaClaimId": claim_id, "status": status})
        for (code, category), total in sorted(self.reserve_totals(claim_id).items()):
            ET.SubElement(root, "Reserve", {"code": code, "category": category,
                                            "total": f"{total:.2f}"})
        for payment_id, payment in sorted(self.payments.items()):
            if payment["claim"] != claim_id:
                continue
            ET.SubElement(root, "Payment", {
                "paymentId": payment_id, "code": payment["coverage"],
                "category": payment["category"], "payeeTivaId": payment["payee"],
                "payableTo": payment["payableTo"], "amount": f"{payment['amount']:.2f}",
                "remarks": payment["remarks"] or "",
                "status": "Voided" if payment["voided"] else (
                    "Issued" if payment["checkNumber"] else "Pending"),
                "checkNumber": payment["checkNumber"], "checkDate": payment["checkDate"],
            })
        return Response(200, data.to_xml(root))

    @route("POST", rf"{API}/claims/(?P<claim_id>[A-Z0-9\-]+)/status")
    def post_status(self, request):
        """Ours, beyond PolicyPort's guide: the desk closes or reopens a claim."""
        def handler():
            claim_id = request.params["claim_id"]
            root, error = self._parse(request, "ClaimStatus")
            error = self._refused("status", claim_id) or error
            if error:
                return error
            status = root.findtext("Status")
            if status not in ("Closed", "Reopened"):
                return self._error(400, "Status is Closed or Reopened")
            claim = self.claims[claim_id]
            claim["ClientFileStatus"] = status
            claim["DateClosed"] = root.findtext("Date") if status == "Closed" else ""
            self.statuses.append({"claim": claim_id, "status": status,
                                  "date": root.findtext("Date"),
                                  "reason": root.findtext("Reason") or ""})
            ack = ET.Element("ClaimStatusAck", {"tivaClaimId": claim_id, "status": status})
            return Response(200, data.to_xml(ack))
        return self._idempotent(request, handler)

    @route("GET", rf"{API}/checks")
    def list_checks(self, request):
        root = ET.Element("CheckList")
        since = request.arg("issuedSince", "")
        for check in self.checks:
            if check["checkDate"] >= since:
                ET.SubElement(root, "Check", {key: str(value) for key, value in check.items()})
        return Response(200, data.to_xml(root))

    @route("GET", rf"{API}/voids")
    def list_voids(self, request):
        root = ET.Element("VoidList")
        since = request.arg("voidedSince", "")
        for void in self.voids:
            if void["voidDate"] >= since:
                ET.SubElement(root, "Void", {key: str(value) for key, value in void.items()})
        return Response(200, data.to_xml(root))


def main():
    """Serve a simulator with a few claims: ``python -m tests.simulators.policyport``.

    Prints the address on its first line; on Ctrl-C (SIGINT) stops and prints how many
    requests it served.
    """
    import argparse  # noqa: PLC0415
    import datetime  # noqa: PLC0415

    parser = argparse.ArgumentParser(description=main.__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8072,
                        help="8072, where the demo backend looks; 0: any free port")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--claims", type=int, default=5, help="how many claims to serve")
    parser.add_argument("--first", type=int, default=1, help="number of the first claim")
    parser.add_argument("--vendors", type=int, default=4,
                        help="how many vendors beside Dry Out Pros (VN-500)")
    args = parser.parse_args()
    simulator = PolicyPortSimulator(host=args.host, port=args.port)
    # assigned today, so that a desk's first poll (since yesterday) imports them
    today = datetime.date.today()
    for n in range(args.first, args.first + args.claims):
        simulator.add_claim(data.make_claim(
            n, DateAssigned=today.isoformat(),
            DateReported=(today - datetime.timedelta(days=2)).isoformat(),
            DateOfLoss=(today - datetime.timedelta(days=4)).isoformat()))
    # the vendor list of the initial load: the vendor of every claim above, and a few more
    simulator.add_vendor(data.make_vendor(
        500, CompanyName="Dry Out Pros", Address="5 Industrial Rd", Phone="813-555-0200"))
    for n in range(501, 501 + args.vendors):
        simulator.add_vendor(data.make_vendor(n))
    simulator.start()
    print(f"PolicyPort simulator on {simulator.url}{API} (login desk / s3cret)", flush=True)
    wait_until_stopped()
    simulator.stop()
    print(f"served {len(simulator.requests)} requests", flush=True)


if __name__ == "__main__":
    main()
