# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import uuid
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import tagged

from ..models.claims_incident_rule import ClaimsIncidentRule
from .common import ClaimsPortalCommon


@tagged("post_install", "-at_install")
class TestIncidentOpenOnReport(ClaimsPortalCommon):
    """A driver's report becomes claims without a handler's click when the company says so;
    the driver's copy and the managers' notification name the claims opened."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rule = cls.env["claims.incident.rule"].create({
            "name": "Collision: own damage", "company_id": cls.company.id,
            "incident_type": "vehicle_collision", "party": "own_motor_insurer",
            "claim_type_id": cls.claim_type.id,
        })

    def _report(self):
        """File a report through the company's phone link; return the incident."""
        url = f"/claims/report/{self.link.token}"
        response = self.url_open(url)
        submission = response.text.split('name="submission_uuid" value="')[1].split('"')[0]
        data = {**self._form_values(), "csrf_token": self._csrf(url),
                "submission_uuid": str(uuid.UUID(submission))}
        sent = self.url_open(url, data=data, allow_redirects=False)
        self.assertEqual(sent.status_code, 303)
        self.done_page = self.url_open(sent.headers["Location"]).text
        return self.env["claims.incident"].search([("submission_uuid", "=", submission)])

    def _driver_copy(self, incident):
        return self.env["mail.mail"].search([
            ("model", "=", "claims.incident"), ("res_id", "=", incident.id),
            ("subject", "like", "Your incident report"),
        ])

    def _managers_notice(self, incident):
        return incident.message_ids.filtered(
            lambda message: self.user_manager.partner_id in message.partner_ids)

    def test_automatic_company_opens_the_claims_and_names_them(self):
        self.company.claims_open_on_report = "automatic"
        incident = self._report()
        claim = incident.claim_ids
        self.assertEqual(len(claim), 1)
        self.assertRecordValues(claim, [{
            "incident_rule_id": self.rule.id, "company_id": self.company.id,
            "claim_type_id": self.claim_type.id,
        }])
        self.assertEqual(incident.state, "claims_opened")
        self.assertIn(claim.name, self._driver_copy(incident).body_html)
        self.assertIn(f'id="claim_names">{claim.name}<', self.done_page)
        self.assertIn(claim.name, str(self._managers_notice(incident).body))
        # the handler's button afterwards opens nothing twice
        incident.with_user(self.user_handler).action_open_claims()
        self.assertEqual(incident.claim_ids, claim)

    def test_manual_company_waits_for_the_handler(self):
        self.assertEqual(self.company.claims_open_on_report, "manual", "the default")
        incident = self._report()
        self.assertFalse(incident.claim_ids)
        self.assertEqual(incident.state, "new")
        self.assertNotIn("Claims opened", self._driver_copy(incident).body_html)
        self.assertNotIn("claim_names", self.done_page)
        incident.with_user(self.user_handler).action_open_claims()
        self.assertEqual(incident.claim_ids.incident_rule_id, self.rule)

    def test_a_rule_that_fails_keeps_the_report_and_tells_the_handler(self):
        self.company.claims_open_on_report = "automatic"
        with patch.object(ClaimsIncidentRule, "_prepare_claim_values",
                          side_effect=UserError("The policy of this vehicle has lapsed.")):
            incident = self._report()
        self.assertTrue(incident, "the report is filed whatever the rules do")
        self.assertFalse(incident.claim_ids)
        self.assertEqual(incident.state, "new")
        self.assertTrue(self._driver_copy(incident))
        self.assertIn("could not be opened automatically: The policy of this vehicle has lapsed.",
                      "\n".join(incident.message_ids.mapped("body")))
