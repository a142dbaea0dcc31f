# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from dateutil.relativedelta import relativedelta

from odoo import Command, fields

from odoo.addons.claims_base.tests.common import ClaimsCommon


class ClaimsRetentionCommon(ClaimsCommon):
    """ClaimsCommon with a closed claim nine years old (its company keeps claims seven
    years), whose incident, participants, documents, mail and package hold personal data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.claims_retention_years = 7
        # the other companies' claims (demo data) stay out of these tests
        (cls.env["res.company"].search([]) - cls.company).claims_retention_years = 0
        cls.today = fields.Date.context_today(cls.env["claims.claim"])
        cls.role_driver = cls.env.ref("claims_base.claims_participant_role_driver")
        cls.role_claimant = cls.env.ref("claims_base.claims_participant_role_claimant")
        cls.category = cls.env.ref("claims_base.claims_document_category_photo")
        # a private person seen on this file only, and one also on a claim still open
        cls.person = cls.env["res.partner"].create({
            "name": "Petra Private", "email": "petra@example.com", "phone": "+32 470 11 22 33",
            "street": "Rue Haute 1", "city": "Brussels",
        })
        cls.person_elsewhere = cls.env["res.partner"].create({
            "name": "Otto Elsewhere", "email": "otto@example.com",
        })
        cls.incident = cls.env["claims.incident"].create({
            "company_id": cls.company.id,
            "incident_type": "vehicle_collision",
            "date_incident": fields.Datetime.now() - relativedelta(years=9),
            "description": "Petra's car hit our truck at the depot gate.",
            "address": "Depot gate, Antwerp",
            "latitude": 51.2,
            "longitude": 4.4,
            "police_report_number": "PV-123",
            "reporter_id": cls.person.id,
            "party_ids": [Command.create({
                "name": "Petra Private", "license_plate": "1-ABC-234", "phone": "+32 470",
                "insurer_id": cls.insurer.id,
            })],
        })
        cls.old_claim = cls._create_closed_claim(years=9, incident_id=cls.incident.id)
        cls.open_claim = cls._create_claim(cls.company, claimant_id=cls.person_elsewhere.id)
        claim = cls.old_claim
        cls.env["claims.participant"].create([
            {"claim_id": claim.id, "partner_id": cls.person.id, "role_id": cls.role_claimant.id,
             "reference": "Petra's file 77"},
            {"claim_id": claim.id, "partner_id": cls.person_elsewhere.id,
             "role_id": cls.role_driver.id},
            {"claim_id": claim.id, "partner_id": cls.payee.id, "role_id": cls.role_driver.id},
        ])
        cls.document = cls.env["claims.document"].create({
            "name": "petra-id-card.jpg", "claim_id": claim.id, "category_id": cls.category.id,
            "datas": base64.b64encode(b"not really a picture"),
        })
        cls.message = claim.message_post(
            body="Petra called from +32 470 11 22 33", subject="Call from Petra",
            attachment_ids=cls.env["ir.attachment"].create({
                "name": "letter.txt", "raw": b"Dear Petra", "res_model": claim._name,
                "res_id": claim.id,
            }).ids,
        )

    @classmethod
    def _create_closed_claim(cls, years=9, company=None, **values):
        """A claim closed ``years`` ago (written as the Close button does, as superuser)."""
        company = company or cls.company
        values.setdefault("policy_id", cls.policy.id if company == cls.company else False)
        claim = cls._create_claim(
            company, claimant_id=cls.person.id,
            description="Petra Private, born 1980, whiplash.", **values)
        claim.sudo().write({
            "file_status": "closed",
            "date_closed": fields.Date.context_today(claim) - relativedelta(years=years),
        })
        return claim
