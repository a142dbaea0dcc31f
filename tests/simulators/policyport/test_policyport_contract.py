# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The simulator serves exactly the contract: every body valid against policyport.xsd."""

from pathlib import Path

import pytest
import requests
import xmlschema

from tests.simulators.policyport import PolicyPortSimulator, make_claim
from tests.simulators.policyport.data import SCHEMA_PATH, render_claim

SAMPLES = sorted((Path(__file__).parent / "samples").glob("*.xml"))
AUTH = ("desk", "s3cret")


@pytest.fixture(scope="module")
def schema():
    return xmlschema.XMLSchema(str(SCHEMA_PATH))


@pytest.fixture
def sim():
    with PolicyPortSimulator() as simulator:
        simulator.add_claim(make_claim(1))
        simulator.add_claim(make_claim(2, DateAssigned=""))
        simulator.add_claim(make_claim(3, DateAssigned="2026-01-05"))
        yield simulator


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.name for p in SAMPLES])
def test_every_sample_is_valid(schema, sample):
    schema.validate(str(sample))


@pytest.mark.parametrize("field, bound", [
    ("ClientClaimNumber", 100), ("ClientName", 255), ("LossDescription", 10_000),
    ("FnolText", 100_000),
])
def test_a_text_longer_than_its_bound_is_invalid(schema, field, bound):
    assert schema.is_valid(render_claim(make_claim(1, **{field: "x" * bound})).decode())
    assert not schema.is_valid(render_claim(make_claim(1, **{field: "x" * (bound + 1)})).decode())


@pytest.mark.parametrize("party_type", ["Claimant", "Other", "Vendor", "Vendor/Claimant",
                                        "Vendor/Other"])
def test_every_party_type_is_valid(schema, party_type):
    party = {"type": party_type, "tivaId": "PT-1", "CompanyName": "Some Party"}
    assert schema.is_valid(render_claim(make_claim(1, Parties=[party])).decode())


def test_an_unknown_party_type_is_invalid(schema):
    party = {"type": "Witness", "tivaId": "PT-1", "CompanyName": "Some Party"}
    assert not schema.is_valid(render_claim(make_claim(1, Parties=[party])).decode())


def test_oversized_fault_serves_a_valid_claim_padded_past_any_cap(sim, schema):
    sim.add_fault("oversized", size=11 * 1024 * 1024, path="TV-100001$")
    answer = requests.get(f"{sim.url}/api/v1/claims/TV-100001", auth=AUTH, timeout=10)
    assert "Content-Length" not in answer.headers and len(answer.content) > 11 * 1024 * 1024
    schema.validate(answer.text)


def test_claim_list_lists_assigned_since_and_empty_dates(sim, schema):
    answer = requests.get(f"{sim.url}/api/v1/claims", params={"assignedSince": "2026-11-19"},
                          auth=AUTH, timeout=5)
    assert answer.status_code == 200
    schema.validate(answer.text)
    assert "TV-100001" in answer.text and "TV-100002" in answer.text
    assert "TV-100003" not in answer.text


def test_claim_and_its_documents(sim, schema):
    answer = requests.get(f"{sim.url}/api/v1/claims/TV-100001", auth=AUTH, timeout=5)
    schema.validate(answer.text)
    pdf = requests.get(f"{sim.url}/api/v1/claims/TV-100001/documents/D1F", auth=AUTH, timeout=5)
    assert pdf.headers["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_pdf_is_readable_by_pypdf(sim):
    from io import BytesIO  # noqa: PLC0415

    from pypdf import PdfReader  # noqa: PLC0415

    pdf = requests.get(f"{sim.url}/api/v1/claims/TV-100001/documents/D1P", auth=AUTH, timeout=5)
    assert "POLICY_DEC HO-2026-00001" in PdfReader(BytesIO(pdf.content)).pages[0].extract_text()


def test_wrong_credentials_are_a_401_error_body(sim, schema):
    answer = requests.get(f"{sim.url}/api/v1/claims/TV-100001", auth=("desk", "no"), timeout=5)
    assert answer.status_code == 401
    schema.validate(answer.text)


def test_unknown_claim_is_a_404_error_body(sim, schema):
    answer = requests.get(f"{sim.url}/api/v1/claims/TV-9", auth=AUTH, timeout=5)
    assert answer.status_code == 404
    schema.validate(answer.text)


def test_write_without_idempotency_key_is_refused(sim):
    body = (Path(__file__).parent / "samples" / "payment.xml").read_bytes()
    answer = requests.post(f"{sim.url}/api/v1/claims/TV-100001/payments", data=body, auth=AUTH,
                           timeout=5)
    assert answer.status_code == 400 and "Idempotency-Key" in answer.text


def test_repeated_idempotency_key_records_one_payment(sim, schema):
    body = (Path(__file__).parent / "samples" / "payment.xml").read_bytes()
    headers = {"Idempotency-Key": "8f4c0a56-7d1e-4b0e-9a51-2c3d4e5f6a7b"}
    url = f"{sim.url}/api/v1/claims/TV-100001/payments"
    first = requests.post(url, data=body, headers=headers, auth=AUTH, timeout=5)
    again = requests.post(url, data=body, headers=headers, auth=AUTH, timeout=5)
    schema.validate(first.text)
    assert first.status_code == again.status_code == 201 and first.text == again.text
    assert len(sim.payments) == 1
    other = requests.post(url, data=body.replace(b"12000.00", b"1.00"), headers=headers,
                          auth=AUTH, timeout=5)
    assert other.status_code == 409


def test_reserve_change_answers_the_coverage_total(sim, schema):
    body = (Path(__file__).parent / "samples" / "reserve_change.xml").read_bytes()
    answer = requests.post(f"{sim.url}/api/v1/claims/TV-100001/reserves", data=body, auth=AUTH,
                           headers={"Idempotency-Key": "k-1"}, timeout=5)
    schema.validate(answer.text)
    assert 'total="17500.00"' in answer.text, "initial 15,000 + 2,500"


def _post_payment(sim, body, key):
    return requests.post(f"{sim.url}/api/v1/claims/TV-100001/payments", data=body, auth=AUTH,
                         headers={"Idempotency-Key": key}, timeout=5)


@pytest.mark.parametrize("old, new, message", [
    (b"<PayeeTivaId>CL-1</PayeeTivaId>", b"<PayeeTivaId></PayeeTivaId>",
     "TIVA ID is required for primary payee"),
    (b'tivaId="MG-88"', b'tivaId=""',
     "A Validation Error Has Occurred. Additional Payee: First Coast Bank must have a TIVA ID."),
    (b"<PayeeTivaId>CL-1</PayeeTivaId>", b"<PayeeTivaId>CL-9</PayeeTivaId>",
     "TIVA ID CL-9 is unknown."),
])
def test_payment_refused_with_policyports_own_message(sim, schema, old, new, message):
    body = (Path(__file__).parent / "samples" / "payment.xml").read_bytes()
    answer = _post_payment(sim, body.replace(old, new), "k-refused")
    assert answer.status_code == 400
    schema.validate(answer.text)
    assert f"<Message>{message}</Message>" in answer.text
    assert not sim.payments


def test_payment_with_same_remarks_and_amount_refused_payable_to_is_policyports(sim, schema):
    body = (Path(__file__).parent / "samples" / "payment.xml").read_bytes()
    first = _post_payment(sim, body, "k-1")
    assert 'payableTo="Ines Insured1"' in first.text
    twin = _post_payment(sim, body, "k-2")
    assert twin.status_code == 400 and "Please enter unique Remarks." in twin.text


def test_user_without_rights_gets_a_403(sim, schema):
    sim.denied.add("payments")
    body = (Path(__file__).parent / "samples" / "payment.xml").read_bytes()
    answer = _post_payment(sim, body, "k-1")
    assert answer.status_code == 403
    schema.validate(answer.text)


def test_financials_list_reserves_payments_and_checks(sim, schema):
    payment_id = sim.add_payment("TV-100001", "VN-500", "800.00", "Water extraction")
    sim.issue_check(payment_id, "100234", "2026-11-21")
    answer = requests.get(f"{sim.url}/api/v1/claims/TV-100001/financials", auth=AUTH,
                          timeout=5)
    schema.validate(answer.text)
    assert 'code="A" category="IND" total="15000.00"' in answer.text
    assert 'payableTo="Dry Out Pros" amount="800.00"' in answer.text
    assert 'status="Issued" checkNumber="100234"' in answer.text


def test_checks_and_voids_feeds_are_valid(sim, schema):
    sim.checks.append({"paymentId": "PM-1", "tivaClaimId": "TV-100001", "checkNumber": "100",
                       "checkDate": "2026-11-21", "amount": "10.00"})
    sim.voids.append({"paymentId": "PM-2", "tivaClaimId": "TV-100001",
                      "voidDate": "2026-11-21"})
    for path, arg in (("checks", "issuedSince"), ("voids", "voidedSince")):
        answer = requests.get(f"{sim.url}/api/v1/{path}", params={arg: "2026-11-01"},
                              auth=AUTH, timeout=5)
        schema.validate(answer.text)
        assert "PM-" in answer.text


def test_vendor_list_is_read_page_by_page(sim, schema):
    from tests.simulators.policyport.data import make_vendor  # noqa: PLC0415

    for n in range(1, 6):
        sim.add_vendor(make_vendor(n))
    pages = [requests.get(f"{sim.url}/api/v1/vendors", params={"page": page, "pageSize": 2},
                          auth=AUTH, timeout=5) for page in (1, 2, 3, 4)]
    for answer in pages:
        assert answer.status_code == 200
        schema.validate(answer.text)
        assert 'total="5"' in answer.text
    assert [answer.text.count("<Vendor ") for answer in pages] == [2, 2, 1, 0]
    assert 'payeeId="VN-5"' in pages[2].text
    refused = requests.get(f"{sim.url}/api/v1/vendors", params={"pageSize": 501}, auth=AUTH,
                           timeout=5)
    assert refused.status_code == 400
    schema.validate(refused.text)


def test_claim_status_of_ours_closes_and_reopens_the_claim(sim, schema):
    body = (Path(__file__).parent / "samples" / "claim_status.xml").read_bytes()
    url = f"{sim.url}/api/v1/claims/TV-100001/status"
    closed = requests.post(url, data=body, auth=AUTH, headers={"Idempotency-Key": "s-1"},
                           timeout=5)
    assert closed.status_code == 200
    schema.validate(closed.text)
    financials = requests.get(f"{sim.url}/api/v1/claims/TV-100001/financials", auth=AUTH,
                              timeout=5)
    assert 'status="Closed"' in financials.text
    reopened = requests.post(url, data=body.replace(b"Closed", b"Reopened"), auth=AUTH,
                             headers={"Idempotency-Key": "s-2"}, timeout=5)
    assert 'status="Reopened"' in reopened.text
    assert [s["status"] for s in sim.statuses] == ["Closed", "Reopened"]
