# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
import json
import zipfile

from odoo import Command

from odoo.addons.claims_base.tests.common import ClaimsCommon


class ClaimsPrivacyCommon(ClaimsCommon):
    """Paula, who reported an incident, takes part in a claim, is paid and writes messages;
    and Oscar, another person with a claim, a payment and a message of his own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.paula = Partner.create({"name": "Paula Person", "email": "paula@example.com",
                                    "phone": "+32 470 11 22 33"})
        cls.oscar = Partner.create({"name": "Oscar Other", "email": "oscar@example.com"})
        role = cls.env.ref("claims_base.claims_participant_role_claimant")
        cls.incident = cls.env["claims.incident"].create({
            "company_id": cls.company.id, "incident_type": "vehicle_collision",
            "reporter_id": cls.paula.id, "has_injuries": True,
            "injury_details": "The cyclist's sprained wrist",
        })
        cls.claim.write({
            "incident_id": cls.incident.id, "claimant_id": cls.paula.id,
            "injury_details": "Paula: two weeks of physiotherapy",
            "participant_ids": [Command.create({"partner_id": cls.paula.id, "role_id": role.id})],
        })
        cls.claim.coverage_ids._add_reserve(5000, "estimate")
        cls.payment_paula = cls.env["claims.payment"].create({
            "claim_id": cls.claim.id, "coverage_id": cls.coverage.id,
            "partner_id": cls.paula.id, "amount": 300, "remarks": "ankle",
        })
        cls.claim_oscar = cls._create_claim(cls.company, claimant_id=cls.oscar.id,
                                            injury_details="Oscar's broken arm")
        cls.claim_oscar.coverage_ids._add_reserve(5000, "estimate")
        cls.payment_oscar = cls.env["claims.payment"].create({
            "claim_id": cls.claim_oscar.id, "coverage_id": cls.claim_oscar.coverage_ids.id,
            "partner_id": cls.oscar.id, "amount": 700, "remarks": "arm",
        })
        photo = cls.env["ir.attachment"].create({
            "name": "../../etc/ankle photo.jpg", "raw": b"paula photo",
            "res_model": "claims.incident", "res_id": cls.incident.id,
        })
        cls.env["claims.document"]._create_from_attachments(
            photo, cls.env.ref("claims_base.claims_document_category_photo"), cls.incident)
        handler_note = cls.env["ir.attachment"].create({
            "name": "handler-estimate.pdf", "raw": b"internal estimate",
            "res_model": "claims.claim", "res_id": cls.claim.id,
        })
        cls.env["claims.document"]._create_from_attachments(
            handler_note, cls.env.ref("claims_base.claims_document_category_correspondence"),
            cls.claim)
        cls.claim.message_post(body="Paula writes about her ankle", author_id=cls.paula.id,
                               message_type="comment", subtype_xmlid="mail.mt_comment",
                               attachments=[("C:\\Users\\paula\\letter.txt", b"paula letter")])
        cls.claim.message_post(body="Handler asks Paula for a receipt",
                               partner_ids=cls.paula.ids, subtype_xmlid="mail.mt_comment")
        cls.claim_oscar.message_post(body="Oscar writes about his arm", author_id=cls.oscar.id,
                                     message_type="comment", subtype_xmlid="mail.mt_comment",
                                     attachments=[("oscar-x-ray.txt", b"oscar x-ray")])

    @staticmethod
    def _open_zip(data):
        archive = zipfile.ZipFile(io.BytesIO(data))
        return {name: archive.read(name) for name in archive.namelist()}

    @staticmethod
    def _table(files, name):
        return json.loads(files[f"{name}.json"])
