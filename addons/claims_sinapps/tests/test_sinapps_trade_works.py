# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The trade's works through the platform: appointment, quotes and their validation, works
date, invoice; each transcribed to the simulated Sinapps."""

from datetime import datetime, time, timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ClaimsSinappsTradeCommon


@tagged("post_install", "-at_install")
class TestSinappsTradeWorks(ClaimsSinappsTradeCommon):
    def _entry(self, claim, **values):
        wizard = self.env["claims.sinapps.trade.entry"].with_user(self.user_handler).create(
            {"claim_id": claim.id, **values})
        return self._run_jobs(wizard.action_confirm)

    def _sim_quote(self, deposit):
        return self.sim.quotes[deposit.sinapps_id]

    def test_trade_by_mail_whole_job_quote_refused_then_accepted(self):
        mission_id, claim = self._trade_claim(31)
        self.assertEqual(claim.sinapps_trade_id, self.trade)
        # STEP 1: the appointment the trade gave by mail, entered by the handler
        visit = datetime.combine(fields.Date.today() + timedelta(days=3), time(9, 0))
        self._entry(claim, what="appointment", date_start=visit)
        prestation = self.sim.prestation_of(mission_id)
        self.assertEqual(prestation["etat"], "RendezVousChiffragePris")
        self.assertEqual(prestation["rendezVous"]["horaire"]["value"]["date"],
                         visit.date().isoformat())
        self.assertEqual(prestation["intervenant"]["nom"], "Plomberie Nantaise")
        self.assertEqual(claim.sinapps_appointment, visit)
        # STEP 2: a first quote, refused by the platform: the trade is told why
        first = self._deposit(claim, reference="DEV-31-A")
        self._decide(first, "redo", reason="Le poste peinture manque.")
        self.assertRecordValues(first, [{"state": "redo", "reason": "Le poste peinture manque."}])
        told = first.message_ids.filtered(lambda m: self.trade in m.partner_ids)
        self.assertIn("Le poste peinture manque.", told.body)
        self.assertFalse([q for q in self.sim.quotes.values() if q["missionId"] == mission_id])
        # STEP 3: the new quote, accepted for the insurer's validation, validated in Sinapps
        second = self._deposit(claim, reference="DEV-31-B", amount=1200.0)
        self._decide(second, "accept", validation="insurer")
        self.assertRecordValues(second, [{"state": "pending", "validation": "insurer"}])
        quote = self._sim_quote(second)
        self.assertEqual((quote["validation"], quote["montantHT"], quote["montantTTC"]),
                         ("ValidationAssureur", 1200.0, 1320.0))
        self.sim.decide_quote(second.sinapps_id, accept=True)
        self._poll()
        self.assertRecordValues(second, [{"state": "validated", "decided_by": "insurer"}])
        self.assertEqual(claim.sinapps_step, "ChiffrageValide")
        # STEP 4: the works date, then the invoice
        works = fields.Date.today() + timedelta(days=10)
        self._entry(claim, what="planning", date_intervention=works)
        self.assertEqual(self.sim.prestation_of(mission_id)["etat"], "TravauxPlanifies")
        self.assertEqual(claim.sinapps_date_intervention, works)
        invoice = self._deposit(claim, kind="invoice", reference="FAC-31", amount=1200.0)
        self.assertRecordValues(invoice, [{"state": "deposited", "quote_id": second.id}])
        stored = self.sim.invoices[invoice.sinapps_id]
        self.assertEqual((stored["numero"], stored["devisId"]), ("FAC-31", second.sinapps_id))
        self.assertIn("FAC-31", claim.message_ids[0].body)
        self._poll()
        self.assertEqual(claim.sinapps_step, "FactureTravauxDeposee")

    def test_quote_validated_by_the_expert(self):
        _mission_id, claim = self._trade_claim(32)
        deposit = self._deposit(claim, reference="DEV-32")
        self._decide(deposit, "accept", validation="expert")
        self.assertEqual(self._sim_quote(deposit)["validation"], "ValidationExpert")
        self.sim.decide_quote(deposit.sinapps_id, accept=False, comment="Trop cher")
        self._poll()
        self.assertRecordValues(deposit, [{"state": "refused", "decided_by": "expert",
                                           "decision_reason": "Trop cher"}])
        self.assertTrue(deposit.message_ids.filtered(
            lambda m: self.trade in m.partner_ids and "Trop cher" in m.body))

    def test_quote_validated_by_the_platform_itself(self):
        _mission_id, claim = self._trade_claim(33)
        deposit = self._deposit(claim, reference="DEV-33")
        self._decide(deposit, "accept", validation="platform")
        self.assertRecordValues(deposit, [{"state": "pending", "validation": "platform"}])
        with self.assertRaisesRegex(UserError, "Say why"):
            self._decide(deposit, "refuse", reason=" ")
        self._decide(deposit, "validate")
        self.assertEqual(deposit.state, "validated")
        self.assertEqual(self._sim_quote(deposit)["etat"], "Valide")
        self.assertEqual(self._sim_quote(deposit)["decision"]["par"]["name"], "CentreDeGestion")

    def test_quote_validated_automatically(self):
        _mission_id, claim = self._trade_claim(34)
        deposit = self._deposit(claim, reference="DEV-34")
        self._decide(deposit, "accept", validation="automatic")
        self.assertRecordValues(deposit, [{"state": "validated", "decided_by": "automatic"}])
        self.assertEqual(self._sim_quote(deposit)["etat"], "Valide")
        self._poll()
        self.assertEqual(claim.sinapps_step, "ChiffrageValide")
        self.assertEqual(deposit.state, "validated")

    def test_works_date_waits_for_a_validated_quote(self):
        mission_id, claim = self._trade_claim(35)
        with self.assertRaisesRegex(UserError, "once a quote is validated"):
            self._entry(claim, what="planning",
                        date_intervention=fields.Date.today() + timedelta(days=5))
        self.assertNotEqual(self.sim.prestation_of(mission_id)["etat"], "TravauxPlanifies")

    def test_refused_by_sinapps_fails_the_exchange_and_says_so(self):
        _mission_id, claim = self._trade_claim(36)
        # an invoice before the works are planned: Sinapps does not offer the command
        invoice = self._deposit(claim, kind="invoice", reference="FAC-36", source="portal")
        self.assertEqual(invoice.state, "error")
        failed = self._exchanges("invoice", "out")
        self.assertEqual(failed.state, "error")
        self.assertIn("does not offer deposerFacture", failed.sudo().error_text)
        self.assertTrue(invoice.message_ids.filtered(lambda m: self.trade in m.partner_ids))

    def test_handler_cannot_accept_a_quote_twice(self):
        _mission_id, claim = self._trade_claim(37)
        deposit = self._deposit(claim, reference="DEV-37")
        self._decide(deposit, "accept", validation="insurer")
        with self.assertRaisesRegex(UserError, "not possible at this stage"):
            deposit.with_user(self.user_handler).action_accept()
        self.assertEqual(len([q for q in self.sim.quotes.values()
                              if q["reference"] == "DEV-37"]), 1)

    def test_handler_cannot_set_a_quote_state_by_hand(self):
        _mission_id, claim = self._trade_claim(38)
        deposit = self._deposit(claim, reference="DEV-38")
        with self.assertRaises(AccessError):
            deposit.with_user(self.user_handler).write({"state": "validated"})
        self._decide(deposit, "accept", validation="insurer")
        with self.assertRaisesRegex(UserError, "not changed"):
            deposit.with_user(self.user_handler).write({"reference": "DEV-38-bis"})
        self.assertRecordValues(deposit, [{"state": "pending", "reference": "DEV-38"}])
        # nor its lines, one by one
        line = deposit.line_ids[:1].with_user(self.user_handler)
        amount = deposit.amount_untaxed
        for change in (lambda: line.write({"price_unit": 1.0}), line.unlink,
                       lambda: line.create({"deposit_id": deposit.id, "name": "Extra",
                                            "price_unit": 99.0})):
            with self.assertRaisesRegex(UserError, "not changed"):
                change()
        self.assertEqual(deposit.amount_untaxed, amount)
