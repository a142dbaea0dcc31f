# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import sys
from pathlib import Path

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.claims_base.tests.common import ClaimsCommon
from odoo.addons.queue_job.tests.common import trap_jobs

REPO = Path(__file__).resolve().parents[3]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.simulators.sinapps import SinappsSimulator, data  # noqa: E402,F401
from tests.simulators.sinapps.contract import Contract  # noqa: E402


class ClaimsSinappsCommon(ClaimsCommon):
    """A Sinapps simulator on loopback and the platform's backend pointing at it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sim = SinappsSimulator().start()
        cls.addClassCleanup(cls.sim.stop)
        cls.user_integration = new_test_user(
            cls.env, login="sinapps_integration", name="Sinapps Integration",
            groups="claims_connector.group_claims_integration,base.group_partner_manager",
            company_id=cls.company.id, company_ids=[Command.set(cls.company.ids)],
        )
        cls.company.partner_id.name = "Plateforme Habitat Services"
        cls.backend = cls.env["claims.sinapps.backend"].create({
            "name": "Plateforme Habitat Services",
            "endpoint": cls.sim.url,
            "login": "centre",
            "secret": "s3cret",
            "timeout": 5,
            "company_id": cls.company.id,
            "user_id": cls.user_integration.id,
            "notification_email": "sinapps-ops@example.com",
        })
        cls.repairer_role = cls.env.ref("claims_base.claims_participant_role_repairer")

    def setUp(self):
        super().setUp()
        self.sim.clear_faults()
        self.sim.requests.clear()
        self.sim.exchanges.clear()
        self.off_contract = set()  # paths whose answers break the contract on purpose
        self.addCleanup(self._check_contract)
        # each test reads the events of its own missions only
        self.backend.sudo().cursor = str(len(self.sim.events))

    def _check_contract(self):
        """Every request the connector sent and every answer it read follow the contract
        (Darva's Swagger definitions and ours, tests/simulators/sinapps/CONTRACT.md)."""
        contract, problems = Contract.shared(), []
        for request, response in list(self.sim.exchanges):
            if request.path in self.off_contract:
                continue
            body = response.body.encode() if isinstance(response.body, str) else response.body
            problems += contract.check_exchange(request.method, request.path, request.headers,
                                                request.body, response.status, body)
        self.assertFalse(problems, "\n".join(problems[:10]))

    def _poll(self):
        """Poll the simulator, then run every job it made (the events' jobs, their sends)."""
        with trap_jobs() as trap:
            self.backend._enqueue_poll()
            trap.perform_enqueued_jobs()  # the poll
            trap.perform_enqueued_jobs()  # one job per event
        return trap

    def _run_jobs(self, func, *args, **kwargs):
        """Call ``func`` and perform the jobs it enqueued; returns its result."""
        with trap_jobs() as trap:
            result = func(*args, **kwargs)
            trap.perform_enqueued_jobs()
        return result

    def _mission(self, n=1, **overrides):
        """A mission for the platform in the simulator, polled: (mission id, claim)."""
        mission_id = self.sim.add_mission(data.make_mission(n, **overrides))
        self._poll()
        return mission_id, self._claim(mission_id)

    def _claim(self, mission_id):
        return self.env["claims.claim"].with_context(active_test=False).search(
            [("sinapps_mission_id", "=", mission_id)])

    def _exchanges(self, kind="event", direction="in"):
        return self.env["claims.exchange"].search([
            ("backend_model", "=", self.backend._name), ("backend_id", "=", self.backend.id),
            ("kind", "=", kind), ("direction", "=", direction)])


class ClaimsSinappsTradeCommon(ClaimsSinappsCommon):
    """A trade (a repairer partner with a portal user) for the claims of the tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        companies = {"company_id": cls.company.id,
                     "company_ids": [Command.set(cls.company.ids)]}
        cls.user_trade = new_test_user(
            cls.env, login="plombier", name="Plomberie Nantaise", groups="base.group_portal",
            email="contact@plomberie-nantaise.example", password="plombier-pass-1", **companies,
        )
        cls.trade = cls.user_trade.partner_id
        cls.user_other_trade = new_test_user(
            cls.env, login="couvreur", name="Couverture Océane", groups="base.group_portal",
            email="contact@couverture-oceane.example", password="couvreur-pass-1", **companies,
        )
        cls.user_handler.group_ids |= cls.env.ref("claims_base.group_claims_user")

    def _trade_claim(self, n, trade=None):
        """A mission polled into a claim, with ``trade`` (default: ours) as its repairer."""
        mission_id, claim = self._mission(n)
        claim.participant_ids = [Command.create({
            "partner_id": (trade or self.trade).id, "role_id": self.repairer_role.id})]
        return mission_id, claim

    def _deposit(self, claim, kind="quote", reference="DEV-1", amount=1000.0, source=None,
                 trade=None):
        """A quote or an invoice of the trade, as entered by the platform's handler."""
        values = {"claim_id": claim.id, "partner_id": (trade or self.trade).id, "kind": kind,
                  "reference": reference, "pdf": base64.b64encode(data.make_pdf(reference)),
                  "pdf_name": f"{reference}.pdf", "line_ids": [Command.create({
                      "name": "Remplacement du tuyau", "quantity": 2, "uom": "h",
                      "price_unit": amount / 2, "vat_rate": 10})]}
        Deposit = self.env["claims.sinapps.deposit"]
        if source:
            return self._run_jobs(Deposit.sudo().create, dict(values, source=source))
        return self._run_jobs(Deposit.with_user(self.user_handler).create, values)

    def _decide(self, deposit, decision, **values):
        action = getattr(deposit.with_user(self.user_handler), {
            "accept": "action_accept", "redo": "action_ask_new",
            "validate": "action_platform_validate", "refuse": "action_platform_refuse",
        }[decision])()
        wizard = self.env[action["res_model"]].with_user(self.user_handler).with_context(
            **action["context"]).create(values)
        return self._run_jobs(wizard.action_confirm)
