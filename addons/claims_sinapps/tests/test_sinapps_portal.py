# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The trade's portal over real HTTP: their steps, and what another trade cannot do."""

import re
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, JsonRpcException, tagged
from odoo.tools import mute_logger

from odoo.addons.queue_job.tests.common import trap_jobs

from .common import ClaimsSinappsTradeCommon, data


@tagged("post_install", "-at_install")
class TestSinappsPortal(HttpCase, ClaimsSinappsTradeCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mission_id, cls.job_claim = cls._class_mission(41, cls.trade)
        cls.other_mission_id, cls.other_claim = cls._class_mission(
            42, cls.user_other_trade.partner_id)
        cls.insured_user = cls.env["res.users"].create({
            "name": "Paul Durand", "login": "durand41", "password": "durand41-pass-1",
            "company_id": cls.company.id, "company_ids": [Command.set(cls.company.ids)],
            "group_ids": [Command.set([cls.env.ref("base.group_portal").id])]})
        cls.job_claim.participant_ids = [Command.create({
            "partner_id": cls.insured_user.partner_id.id,
            "role_id": cls.env.ref("claims_base.claims_participant_role_insured").id})]

    @classmethod
    def _class_mission(cls, n, trade):
        """A mission polled into a claim with ``trade`` as its repairer, for the class."""
        mission_id = cls.sim.add_mission(data.make_mission(n))
        cls.backend.sudo().cursor = str(len(cls.sim.events) - 1)
        with trap_jobs() as trap:
            cls.backend._enqueue_poll()
            trap.perform_enqueued_jobs()
            trap.perform_enqueued_jobs()
        claim = cls.env["claims.claim"].search([("sinapps_mission_id", "=", mission_id)])
        claim.participant_ids = [Command.create({
            "partner_id": trade.id, "role_id": cls.repairer_role.id})]
        return mission_id, claim

    def _login(self, user):
        self.authenticate(user.login, f"{user.login}-pass-1")

    def _page(self, claim):
        with mute_logger("odoo.http"):
            return self.url_open(f"/my/claims/{claim.id}", allow_redirects=False)

    def _csrf(self, claim):
        match = re.search(r'name="csrf_token" value="([^"]+)"', self._page(claim).text)
        return match.group(1)

    def _post(self, claim, step, values, files=None, csrf=None):
        with trap_jobs() as trap, mute_logger("odoo.http"):
            response = self.url_open(f"/my/claims/{claim.id}/sinapps/{step}", data={
                "csrf_token": csrf or self._csrf(self.job_claim), **values}, files=files,
                allow_redirects=False)
            # the jobs hold the request's environment: run them in the test's
            for job in trap.enqueued_jobs:
                records = job.recordset.with_env(self.env(user=job.recordset.env.uid))
                getattr(records, job.method_name)(*job.args, **job.kwargs)
        return response

    def _quote_form(self, reference="DEV-41", pdf=None):
        values = {"reference": reference, "line_name": ["Recherche de fuite", "Remise en état"],
                  "line_quantity": ["1", "2"], "line_uom": ["forfait", "m²"],
                  "line_price": ["350", "45.5"], "line_vat": ["10", "10"]}
        return values, {"pdf": ("devis.pdf", pdf or data.make_pdf(reference),
                                "application/pdf")}

    def test_trade_sets_the_appointment_and_sends_a_quote_from_the_portal(self):
        self._login(self.user_trade)
        page = self._page(self.job_claim)
        self.assertEqual(page.status_code, 200)
        self.assertIn('id="sinapps"', page.text)
        self.assertIn("41 rue des Lilas", page.text)
        day = (fields.Date.today() + timedelta(days=2)).isoformat()
        response = self._post(self.job_claim, "appointment", {"day": day, "start": "08:00",
                                                              "end": "10:00"})
        self.assertIn("sinapps_done=appointment", response.headers["Location"])
        slot = self.sim.prestation_of(self.mission_id)["rendezVous"]["horaire"]
        self.assertEqual((slot["name"], slot["value"]["date"], slot["value"]["heureDebut"]),
                         ("HorairePlage", day, "08:00"))
        values, files = self._quote_form()
        response = self._post(self.job_claim, "quote", values, files)
        self.assertIn("sinapps_done=quote", response.headers["Location"])
        quote = self.job_claim.sinapps_deposit_ids
        self.assertRecordValues(quote, [{"reference": "DEV-41", "source": "portal",
                                         "state": "submitted", "partner_id": self.trade.id,
                                         "amount_untaxed": 441.0, "amount_total": 485.1}])
        # a second quote waits until the platform decided on the first
        response = self._post(self.job_claim, "quote", *self._quote_form("DEV-41-bis"))
        self.assertIn("sinapps_error=quote", response.headers["Location"])
        self.assertEqual(len(self.job_claim.sinapps_deposit_ids), 1)
        # the platform asks for a new one: the trade reads why in the portal
        self._decide(quote, "redo", reason="Ajoutez la peinture du plafond.")
        self.assertIn("Ajoutez la peinture du plafond.", self._page(self.job_claim).text)

    def test_trade_refused_bad_input(self):
        self._login(self.user_trade)
        values, _files = self._quote_form()
        response = self._post(self.job_claim, "quote", values, {
            "pdf": ("devis.pdf", b"not a pdf", "application/pdf")})
        self.assertIn("sinapps_error=pdf", response.headers["Location"])
        values, files = self._quote_form()
        values["line_vat"] = ["19.6", "10"]
        response = self._post(self.job_claim, "quote", values, files)
        self.assertIn("sinapps_error=lines", response.headers["Location"])
        response = self._post(self.job_claim, "appointment", {"day": "tomorrow", "start": "9h"})
        self.assertIn("sinapps_error=appointment", response.headers["Location"])
        response = self._post(self.job_claim, "works", {
            "day": (fields.Date.today() + timedelta(days=9)).isoformat()})
        self.assertIn("sinapps_error=works", response.headers["Location"])
        self.assertFalse(self.job_claim.sinapps_deposit_ids)
        self.assertFalse(self.job_claim.sinapps_date_intervention)

    def test_other_trade_cannot_see_nor_act_on_the_job(self):
        quote = self._deposit(self.job_claim, reference="DEV-41-X")
        self._login(self.user_other_trade)
        csrf = self._csrf(self.other_claim)
        self.assertEqual(self._page(self.job_claim).headers.get("Location", "").split("?")[0]
                         .rstrip("/").rsplit("/", 1)[-1], "my")
        day = (fields.Date.today() + timedelta(days=2)).isoformat()
        for step, values, files in (
                ("appointment", {"day": day, "start": "08:00"}, None),
                ("quote", *self._quote_form("DEV-PIRATE")),
                ("works", {"day": day}, None)):
            response = self._post(self.job_claim, step, values, files, csrf=csrf)
            self.assertTrue(response.headers["Location"].endswith("/my"), step)
        self.assertFalse(self.job_claim.sinapps_appointment)
        self.assertEqual(self.job_claim.sinapps_deposit_ids, quote)
        self.assertFalse(self.sim.prestation_of(self.mission_id).get("rendezVous"))
        # nor read the quote over RPC
        with self.assertRaises(JsonRpcException), mute_logger(
                "odoo.http", "odoo.addons.base.models.ir_rule"):
            self.make_jsonrpc_request("/web/dataset/call_kw", {
                "model": "claims.sinapps.deposit", "method": "read", "args": [quote.ids],
                "kwargs": {"fields": ["reference", "amount_total"]}})
        # their own page works
        self.assertIn('id="sinapps"', self._page(self.other_claim).text)

    def test_insured_participant_gets_no_trade_steps(self):
        self._login(self.insured_user)
        page = self._page(self.job_claim)
        self.assertEqual(page.status_code, 200)
        self.assertNotIn('id="sinapps"', page.text)
        values, files = self._quote_form("DEV-INSURED")
        response = self._post(self.job_claim, "quote", values, files)
        self.assertTrue(response.headers["Location"].endswith("/my"))
        self.assertFalse(self.job_claim.sinapps_deposit_ids)

    def test_trade_reads_only_its_own_deposits_over_rpc(self):
        own = self._deposit(self.job_claim, reference="DEV-OWN")
        self._login(self.user_trade)
        found = self.make_jsonrpc_request("/web/dataset/call_kw", {
            "model": "claims.sinapps.deposit", "method": "search_read", "args": [[]],
            "kwargs": {"fields": ["reference"]}})
        self.assertEqual([r["reference"] for r in found], [own.reference])
        with self.assertRaises(JsonRpcException), mute_logger("odoo.http"):
            self.make_jsonrpc_request("/web/dataset/call_kw", {
                "model": "claims.sinapps.deposit", "method": "write",
                "args": [own.ids, {"state": "validated"}], "kwargs": {}})
        self.assertEqual(own.state, "submitted")
