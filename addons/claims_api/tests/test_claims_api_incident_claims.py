# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An incident filed through the partner API opens its claims at once when the company wants
it, and the answer names them."""

import json
from datetime import datetime, timedelta

from odoo import Command
from odoo.tests import new_test_user, tagged

from odoo.addons.claims_base.tests.common import ClaimsPortalCommon


@tagged("post_install", "-at_install")
class TestClaimsApiIncidentClaims(ClaimsPortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["claims.incident.rule"].create({
            "name": "Theft", "company_id": cls.company.id, "incident_type": "theft",
            "party": "own_motor_insurer", "claim_type_id": cls.claim_type.id,
        })
        cls.user_api = new_test_user(
            cls.env, login="report_api", groups="claims_api.group_claims_api",
            company_id=cls.company.id, company_ids=[Command.set(cls.company.ids)],
        )
        cls.key = cls.env["res.users.apikeys"].with_user(cls.user_api)._generate(
            scope="rpc", name="reports", expiration_date=datetime.now() + timedelta(days=1))

    def _file_theft(self):
        response = self.url_open("/claims/api/v1/incidents", data=json.dumps({
            "incident_type": "theft", "description": "Trailer taken from the yard.",
        }), headers={"Authorization": f"Bearer {self.key}", "Content-Type": "application/json"})
        self.assertEqual(response.status_code, 201, response.text)
        return response.json()

    def test_automatic_company_answers_with_the_claims_opened(self):
        self.company.claims_open_on_report = "automatic"
        answer = self._file_theft()
        incident = self.env["claims.incident"].browse(answer["id"])
        self.assertEqual(len(incident.claim_ids), 1)
        self.assertEqual([claim["name"] for claim in answer["claims"]],
                         incident.claim_ids.mapped("name"))
        self.assertEqual(answer["state"], "claims_opened")

    def test_manual_company_answers_without_claims(self):
        answer = self._file_theft()
        self.assertEqual(answer["claims"], [])
        self.assertEqual(answer["state"], "new")
