# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.claims_connector.tests.common import ClaimsConnectorCommon
from odoo.addons.claims_retention.tests.common import ClaimsRetentionCommon


@tagged("post_install", "-at_install")
class TestClaimsExchangeRetention(ClaimsRetentionCommon, ClaimsConnectorCommon):
    """An anonymised claim's exchanges keep their log line but lose their payloads."""

    def _exchange_with_payload(self, record, name):
        exchange = self._exchange(record=record, external_id=name, error_text="Petra refused")
        exchange._set_payload('{"claimant": "Petra Private"}', f"{name}.json")
        return exchange

    def test_payloads_of_the_claim_and_its_incident_are_wiped(self):
        on_claim = self._exchange_with_payload(self.old_claim, "CLAIM-1")
        on_incident = self._exchange_with_payload(self.incident, "INC-1")
        on_open_claim = self._exchange_with_payload(self.open_claim, "OPEN-1")
        payloads = (on_claim | on_incident).payload_attachment_id
        self.assertEqual(len(payloads), 2)
        self.env["claims.claim"]._anonymise_due()
        self.env.invalidate_all()
        self.assertTrue(self.old_claim.anonymised_on and self.incident.anonymised_on)
        self.assertFalse(payloads.exists())
        self.assertRecordValues(on_claim | on_incident, [
            {"payload_attachment_id": False, "error_text": False, "external_id": "CLAIM-1",
             "state": "pending"},
            {"payload_attachment_id": False, "error_text": False, "external_id": "INC-1",
             "state": "pending"},
        ])
        # a claim that is still open keeps its exchanges whole
        self.assertTrue(on_open_claim.payload_attachment_id.exists())
        self.assertEqual(on_open_claim.error_text, "Petra refused")

    def test_claim_on_legal_hold_keeps_its_payloads(self):
        exchange = self._exchange_with_payload(self.old_claim, "CLAIM-2")
        self.old_claim.legal_hold = True
        self.env["claims.claim"]._anonymise_due()
        self.assertTrue(exchange.payload_attachment_id.exists())
