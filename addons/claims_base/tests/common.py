# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
import json
import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from odoo import Command
from odoo.tests import HttpCase, TransactionCase, new_test_user
from odoo.tools import mute_logger

# The incident typed on the phone form in the tests: 08:15 in Brussels a month ago (the form
# refuses incidents in the future and over a year old), and the same moment in UTC.
INCIDENT_LOCAL = datetime.combine(date.today() - timedelta(days=30), time(8, 15))
INCIDENT_UTC = INCIDENT_LOCAL.replace(tzinfo=ZoneInfo("Europe/Brussels")).astimezone(
    ZoneInfo("UTC")).replace(tzinfo=None)


class Json2Mixin:
    """Calls over Odoo's JSON-2 API with a user's API key, for HttpCase tests: the way a
    partner system, or an attacker holding a key, reaches the models."""

    def _api_key(self, user):
        keys = self.__dict__.setdefault("_api_keys", {})
        if user not in keys:
            keys[user] = self.env["res.users.apikeys"].with_user(user)._generate(
                scope="rpc", name="test", expiration_date=datetime.now() + timedelta(days=1))
        return keys[user]

    def _json2(self, user, model, method, body=None, context=None):
        """POST /json/2/<model>/<method> as ``user``; ``context`` goes in the body, as any
        caller may send it. Returns the response."""
        payload = dict(body or {}, **({"context": context} if context is not None else {}))
        with mute_logger("odoo.http"):
            return self.url_open(
                f"/json/2/{model}/{method}", data=json.dumps(payload),
                headers={"Authorization": f"Bearer {self._api_key(user)}",
                         "Content-Type": "application/json"})


class ClaimsCommon(TransactionCase):
    """An account (fleet operator) with a branch, users by role, a policy and a claim."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        cls.company = cls.env["res.company"].create({"name": "Fleet Operator"})
        cls.branch = cls.env["res.company"].create(
            {"name": "Fleet Operator North", "parent_id": cls.company.id}
        )
        cls.other_company = cls.env["res.company"].create({"name": "Other Account"})
        companies = [Command.set((cls.company | cls.branch).ids)]
        cls.user_handler = new_test_user(
            cls.env, login="handler", groups="claims_base.group_claims_user",
            company_id=cls.company.id, company_ids=companies, name="Hanna Handler",
        )
        cls.user_manager = new_test_user(
            cls.env, login="claims_manager", groups="claims_base.group_claims_manager",
            company_id=cls.company.id, company_ids=companies, name="Marc Manager",
        )
        cls.user_branch = new_test_user(
            cls.env, login="branch_handler", groups="claims_base.group_claims_user",
            company_id=cls.branch.id, company_ids=[Command.set(cls.branch.ids)],
            name="Bram Branch",
        )
        cls.insurer = cls.env["res.partner"].create({"name": "Delta Insurance", "is_company": True})
        cls.broker = cls.env["res.partner"].create({"name": "Brokers & Co", "is_company": True})
        cls.payee = cls.env["res.partner"].create({"name": "Garage Jansen", "is_company": True})
        cls.coverage_type = cls.env["claims.coverage.type"].create(
            {"name": "Own damage", "code": "OD"}
        )
        cls.coverage_type_tpl = cls.env["claims.coverage.type"].create(
            {"name": "Third-party liability", "code": "TPL"}
        )
        cls.claim_type = cls.env["claims.claim.type"].create({"name": "Motor", "code": "MOT"})
        cls.policy = cls.env["claims.policy"].create({
            "name": "POL-001",
            "company_id": cls.company.id,
            "insurer_id": cls.insurer.id,
            "broker_id": cls.broker.id,
            "line_of_business": "motor",
            "date_start": "2026-01-01",
            "date_end": "2026-12-31",
        })
        cls.claim = cls._create_claim(cls.company)
        cls.coverage = cls.claim.coverage_ids

    @classmethod
    def _create_claim(cls, company, **values):
        return cls.env["claims.claim"].create({
            "company_id": company.id,
            "policy_id": cls.policy.id,
            "insurer_id": cls.insurer.id,
            "claim_type_id": cls.claim_type.id,
            "date_loss": "2026-03-02",
            "coverage_ids": [Command.create({"coverage_type_id": cls.coverage_type.id})],
            **values,
        })

    def _payment(self, amount, remarks=None, payment_type="indemnity", coverage=None, user=None):
        coverage = coverage or self.coverage
        env = self.env(user=user) if user else self.env
        return env["claims.payment"].create({
            "claim_id": coverage.claim_id.id,
            "coverage_id": coverage.id,
            "partner_id": self.payee.id,
            "amount": amount,
            "payment_type": payment_type,
            "remarks": remarks or f"payment {amount}",
        })


class ClaimsPortalCommon(HttpCase, ClaimsCommon):
    """ClaimsCommon served over HTTP, with portal drivers, an incident link and photos."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.role_driver = cls.env.ref("claims_base.claims_participant_role_driver")
        cls.photo_category = cls.env.ref("claims_base.claims_document_category_photo")
        cls.vehicle = cls.env["fleet.vehicle"].create({
            "model_id": cls.env["fleet.vehicle.model"].create({
                "name": "Actros",
                "brand_id": cls.env["fleet.vehicle.model.brand"].create({"name": "Truckmaker"}).id,
            }).id,
            "license_plate": "BX-123-Z",
            "company_id": cls.company.id,
        })
        cls.other_vehicle = cls.vehicle.copy({
            "license_plate": "ZZ-999-Z", "company_id": cls.other_company.id,
        })
        cls.insurer.claims_role_ids = [Command.link(
            cls.env.ref("claims_base.claims_participant_role_insurer").id)]
        cls.link = cls.env["claims.incident.link"].create({
            "name": "Depot drivers", "company_id": cls.company.id,
        })
        cls.driver_partner = cls.env["res.partner"].create({
            "name": "Dana Driver", "email": "dana@example.com", "company_id": cls.company.id,
            "claims_role_ids": [Command.link(cls.role_driver.id)], "tz": "Europe/Brussels",
        })
        cls.user_driver = new_test_user(
            cls.env, login="dana", password="dana-secret-1", groups="base.group_portal",
            partner_id=cls.driver_partner.id, company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )

    @staticmethod
    def _jpeg(color="red", size=(64, 48)):
        from PIL import Image  # noqa: PLC0415

        buffer = io.BytesIO()
        Image.new("RGB", size, color).save(buffer, "JPEG")
        return buffer.getvalue()

    def _csrf(self, url):
        """Open ``url`` in the current session and return its form's CSRF token."""
        response = self.url_open(url)
        match = re.search(r'name="csrf_token" value="([^"]+)"', response.text)
        self.assertTrue(match, f"no CSRF token on {url}")
        return match.group(1)

    def _form_values(self, **values):
        return {
            "incident_type": "vehicle_collision",
            "date_incident": INCIDENT_LOCAL.strftime("%Y-%m-%dT%H:%M"),
            "tz": "Europe/Brussels",
            "vehicle_id": str(self.vehicle.id),
            "latitude": "51.0543",
            "longitude": "3.7174",
            "address": "",
            "description": "Reversed into a bollard at the depot.",
            "party_plate": "1-abc-234",
            "party_name": "Paul Other",
            "party_insurer_id": str(self.insurer.id),
            "party_phone": "+32 470 12 34 56",
            "has_injuries": "no",
            "reporter_name": "Rik Roadside",
            "reporter_phone": "+32 470 99 88 77",
            "reporter_email": "rik@example.com",
            **values,
        }
