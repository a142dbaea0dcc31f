# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import tempfile
from pathlib import Path

from odoo.tests import BaseCase

from odoo.addons.claims_connector.connector.exceptions import PermanentError

from .. import client
from .common import REPO, PolicyPortSimulator, make_claim, make_pdf, render_claim


class TestPolicyportClientXml(BaseCase):
    def test_addon_schema_is_the_contract_schema(self):
        contract = REPO / "tests" / "simulators" / "policyport" / "policyport.xsd"
        self.assertEqual(client.SCHEMA_PATH.read_bytes(), contract.read_bytes())

    def test_valid_claim_is_parsed(self):
        root = client.parse_xml(render_claim(make_claim(1)), "Claim")
        self.assertEqual(root.findtext("TivaClaimId"), "TV-100001")

    def test_malformed_xml_is_refused_with_a_clear_error(self):
        with self.assertRaises(PermanentError) as caught:
            client.parse_xml(render_claim(make_claim(1))[:300], "Claim")
        self.assertEqual(caught.exception.kind, "malformed_xml")
        self.assertIn("malformed XML", str(caught.exception))
        self.assertTrue(caught.exception.payload, "the refused body is kept")

    def test_schema_invalid_claim_is_refused(self):
        body = render_claim(make_claim(1)).replace(b"<TivaClaimId>TV-100001", b"<TivaClaimId>x y")
        with self.assertRaises(PermanentError) as caught:
            client.parse_xml(body, "Claim")
        self.assertEqual(caught.exception.kind, "schema")

    def test_schema_check_is_as_strict_as_the_contract_validator(self):
        """The client validates with lxml; the contract's tests with xmlschema: same verdicts."""
        import xmlschema  # noqa: PLC0415 - the contract's reference validator

        reference = xmlschema.XMLSchema(str(client.SCHEMA_PATH))
        samples = REPO / "tests" / "simulators" / "policyport" / "samples"
        for sample in sorted(samples.glob("*.xml")):
            body = sample.read_bytes()
            self.assertTrue(reference.is_valid(body.decode()), sample.name)
            client.parse_xml(body)  # no error
        claim = render_claim(make_claim(1))
        broken = {
            "bad date": (b"<DateOfLoss>2026-10-09", b"<DateOfLoss>2026-13-09"),
            "money with 3 decimals": (b"<Amount>300000.00", b"<Amount>300000.001"),
            "unknown party type": (b'type="Other"', b'type="Stranger"'),
            "unknown element": (b"<Peril>", b"<Mood>calm</Mood><Peril>"),
            "missing element": (b"<ClientClaimNumber>HO-2026-00001</ClientClaimNumber>", b""),
            "text where a number goes": (b"<Deductible>1000.00", b"<Deductible>a lot"),
        }
        for label, (old, new) in broken.items():
            self.assertIn(old, claim, label)
            body = claim.replace(old, new, 1)
            self.assertFalse(reference.is_valid(body.decode()), label)
            with self.assertRaises(PermanentError, msg=label) as caught:
                client.parse_xml(body, "Claim")
            self.assertEqual(caught.exception.kind, "schema", label)
            self.assertIn("does not follow the contract", str(caught.exception))

    def test_over_long_text_is_refused_by_the_schema(self):
        """Every text has a bound (ShortText 100, NameText 255, Text 10,000, LongText 100,000
        characters): a longer one is refused like any invalid content."""
        import xmlschema  # noqa: PLC0415 - the contract's reference validator

        reference = xmlschema.XMLSchema(str(client.SCHEMA_PATH))
        cases = {
            "Description": ("Text", 10_000),
            "Client": ("ShortText", 100),
            "ClientName": ("NameText", 255),
            "FnolText": ("LongText", 100_000),
        }
        for field, (kind, bound) in cases.items():
            at_bound = render_claim(make_claim(1, **{field: "x" * bound}))
            client.parse_xml(at_bound, "Claim")  # no error
            self.assertTrue(reference.is_valid(at_bound.decode()), field)
            over = render_claim(make_claim(1, **{field: "x" * (bound + 1)}))
            self.assertFalse(reference.is_valid(over.decode()), field)
            with self.assertRaises(PermanentError, msg=field) as caught:
                client.parse_xml(over, "Claim")
            self.assertEqual(caught.exception.kind, "schema", field)
            self.assertIn(field, str(caught.exception), kind)
        journal = make_claim(1)
        journal["Journals"][0]["text"] = "x" * 100_001
        with self.assertRaises(PermanentError):
            client.parse_xml(render_claim(journal), "Claim")

    def test_external_entity_is_refused_without_reading_the_file_or_the_network(self):
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as secret, \
                PolicyPortSimulator() as sim:
            secret.write("TOP-SECRET-MARKER")
            secret.flush()
            for target in (Path(secret.name).as_uri(), f"{sim.url}/api/v1/leak"):
                body = (
                    f'<?xml version="1.0"?>\n<!DOCTYPE Claim [<!ENTITY x SYSTEM "{target}">]>\n'
                    f"<Claim><TivaClaimId>&x;</TivaClaimId></Claim>"
                ).encode()
                with self.assertRaises(PermanentError) as caught:
                    client.parse_xml(body, "Claim")
                self.assertEqual(caught.exception.kind, "xml_doctype")
                self.assertNotIn("TOP-SECRET-MARKER", str(caught.exception))
            self.assertFalse(sim.requests, "no network access")

    def test_entity_expansion_bomb_is_refused(self):
        entities = "".join(
            f'<!ENTITY e{i} "{f"&e{i - 1};" * 10 if i else "boom"}">' for i in range(10))
        body = (f'<?xml version="1.0"?><!DOCTYPE Claim [{entities}]>'
                f"<Claim><TivaClaimId>&e9;</TivaClaimId></Claim>").encode()
        with self.assertRaises(PermanentError) as caught:
            client.parse_xml(body, "Claim")
        self.assertEqual(caught.exception.kind, "xml_doctype")

    def test_doctype_in_lower_case_or_after_comments_is_refused(self):
        body = b'<?xml version="1.0"?><!-- x --><!doctype Claim><Claim/>'
        with self.assertRaises(PermanentError):
            client.parse_xml(body, "Claim")

    def test_parser_itself_resolves_no_entity(self):
        parser = client.safe_parser()
        from lxml import etree  # noqa: PLC0415

        root = etree.fromstring(
            b'<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/hostname">]><a>&x;</a>', parser)
        self.assertEqual(root.text, None, "the entity is left unresolved")

    def test_pdf_check_accepts_a_pdf_and_refuses_anything_else(self):
        self.assertTrue(client.check_pdf(make_pdf("FNOL"), "FNOL-1.pdf"))
        for content in (b"", b"<html>not a pdf</html>", b"%PDF-1.4 truncated"):
            with self.assertRaises(PermanentError):
                client.check_pdf(content, "FNOL-1.pdf")
