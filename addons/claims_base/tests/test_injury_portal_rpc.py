# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Injuries over HTTP: JSON-2 with an API key, and portal participants, whose role may be
allowed to see them (a projection on the claim's page) but who never read the fields."""

import json

from odoo import Command
from odoo.tests import JsonRpcException, new_test_user, tagged
from odoo.tools import mute_logger

from .common import ClaimsPortalCommon, Json2Mixin

HEALTH = "claims_base.group_claims_health"
INCIDENT_DETAILS = "Fractured collarbone of the cyclist"
CLAIM_DETAILS = "Surgery planned, six weeks off work"


@tagged("post_install", "-at_install")
class TestInjuryPortalRpc(Json2Mixin, ClaimsPortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_health = new_test_user(
            cls.env, login="health_rpc", groups=HEALTH, company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.role_lawyer = cls.env.ref("claims_base.claims_participant_role_lawyer")
        cls.role_lawyer.sees_injury_details = True
        cls.incident = cls.env["claims.incident"].create({
            "company_id": cls.company.id, "incident_type": "vehicle_collision",
            "has_injuries": True, "injury_details": INCIDENT_DETAILS,
        })
        cls.claim.write({"incident_id": cls.incident.id, "injury_details": CLAIM_DETAILS})

        def portal_user(login, role):
            partner = cls.env["res.partner"].create(
                {"name": login.title(), "email": f"{login}@example.com"})
            user = new_test_user(
                cls.env, login=login, password=f"{login}-secret-1", groups="base.group_portal",
                partner_id=partner.id, company_id=cls.company.id,
                company_ids=[Command.set(cls.company.ids)],
            )
            for record in (cls.claim, cls.incident):
                cls.env["claims.participant"].create({
                    record._name.removeprefix("claims.") + "_id": record.id,
                    "partner_id": partner.id, "role_id": role.id})
            return user

        cls.user_lawyer = portal_user("lawyer", cls.role_lawyer)
        cls.user_witness = portal_user("witness", cls.role_driver)
        # mail tracks no change of a record created in the same transaction: end it here
        cls.env.flush_all()
        cls.env.cr.precommit.run()
        # a stage change is a message to followers: the injury change made with it is tracked
        # on that same message
        cls.claim.write({
            "stage_id": cls.env["claims.claim.stage"].search(
                [("id", "!=", cls.claim.stage_id.id), ("is_closing", "=", False)], limit=1).id,
            "injury_details": CLAIM_DETAILS + " (updated)",
        })
        cls.env.flush_all()
        cls.env.cr.precommit.run()  # mail's tracking is written here

    def _read(self, user, model, record, fields):
        return self._json2(user, model, "read", {"ids": record.ids, "fields": fields})

    def test_json2_read_needs_the_health_group(self):
        for model, record, field in (("claims.incident", self.incident, "injury_details"),
                                     ("claims.incident", self.incident, "has_injuries"),
                                     ("claims.claim", self.claim, "injury_details")):
            response = self._read(self.user_handler, model, record, [field])
            self.assertEqual(response.status_code, 403, f"{model}.{field}")
            self.assertNotIn("collarbone", response.text)
            response = self._json2(self.user_handler, model, "search_read", {
                "domain": [(field, "!=", False)], "fields": ["id"]})
            self.assertEqual(response.status_code, 403, f"search {model}.{field}")
        response = self._read(self.user_health, "claims.incident", self.incident,
                              ["has_injuries", "injury_details"])
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()[0]["injury_details"], INCIDENT_DETAILS)
        # a full read as the handler simply leaves the fields out
        response = self._read(self.user_handler, "claims.incident", self.incident, [])
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("injury_details", response.json()[0])

    def test_json2_field_history_of_injuries_needs_the_group(self):
        response = self._json2(self.user_handler, "claims.claim", "get_field_history", {
            "ids": self.claim.ids, "field_name": "injury_details"})
        self.assertEqual(response.status_code, 403)
        self.assertNotIn("Surgery", response.text)

    def _login(self, user):
        self.authenticate(user.login, f"{user.login}-secret-1")

    def _jsonrpc(self, route, params):
        with mute_logger("odoo.http", "odoo.addons.base.models.ir_rule"):
            return self.make_jsonrpc_request(route, params)

    def test_portal_page_shows_injuries_to_a_role_that_sees_them_only(self):
        self._login(self.user_lawyer)
        page = self.url_open(f"/my/claims/{self.claim.id}").text
        self.assertIn('id="claim_injuries"', page)
        self.assertIn(INCIDENT_DETAILS, page)
        self.assertIn(CLAIM_DETAILS, page)
        self._login(self.user_witness)
        page = self.url_open(f"/my/claims/{self.claim.id}").text
        self.assertIn(self.claim.name, page)
        self.assertNotIn('id="claim_injuries"', page)
        self.assertNotIn("collarbone", page)
        self.assertNotIn("Surgery", page)
        # the role's flag is what opens the section: off, the lawyer sees no more
        self.role_lawyer.sees_injury_details = False
        self._login(self.user_lawyer)
        self.assertNotIn("collarbone", self.url_open(f"/my/claims/{self.claim.id}").text)

    def test_portal_participants_never_read_the_fields(self):
        for user in (self.user_lawyer, self.user_witness):
            self._login(user)
            for model, record, field in (("claims.incident", self.incident, "injury_details"),
                                         ("claims.incident", self.incident, "has_injuries"),
                                         ("claims.claim", self.claim, "injury_details")):
                with self.assertRaises(JsonRpcException, msg=f"{user.login} {field}"):
                    self._jsonrpc("/web/dataset/call_kw", {
                        "model": model, "method": "read", "args": [record.ids],
                        "kwargs": {"fields": [field]}})
            incident = self._jsonrpc("/web/dataset/call_kw", {
                "model": "claims.incident", "method": "read", "args": [self.incident.ids],
                "kwargs": {"fields": ["name", "incident_type", "description"]}})
            self.assertNotIn("collarbone", json.dumps(incident))
            self.assertNotIn("has_injuries", incident[0])
            for model, record in (("claims.claim", self.claim),
                                  ("claims.incident", self.incident)):
                params = {"thread_model": model, "thread_id": record.id}
                for route in ("/mail/chatter_fetch", "/mail/thread/messages"):
                    try:
                        result = self._jsonrpc(route, params)
                    except JsonRpcException:
                        continue
                    self.assertNotIn("collarbone", json.dumps(result), route)
                    self.assertNotIn("Surgery", json.dumps(result), route)

    def test_desk_chatter_hides_injury_tracking_from_a_user_without_the_group(self):
        self.authenticate("handler", "handler")
        result = self._jsonrpc("/mail/thread/messages",
                               {"thread_model": "claims.claim", "thread_id": self.claim.id})
        self.assertNotIn("Surgery", json.dumps(result))
        self.authenticate("health_rpc", "health_rpc")
        result = self._jsonrpc("/mail/thread/messages",
                               {"thread_model": "claims.claim", "thread_id": self.claim.id})
        self.assertIn("Surgery", json.dumps(result))
