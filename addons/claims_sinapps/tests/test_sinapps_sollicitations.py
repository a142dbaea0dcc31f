# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Sollicitations both ways, through the simulator, and the matrix that refuses the rest."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ClaimsSinappsCommon

IN_ALLOWED = [("Assure", "Precision", "insured", "clarification"),
              ("Assureur", "Commentaire", "insurer", "comment"),
              ("Assureur", "DemandeDePieces", "insurer", "document_request"),
              ("Assureur", "Rectification", "insurer", "correction"),
              ("Assureur", "Precision", "insurer", "clarification"),
              ("Expert", "Rectification", "expert", "correction")]
OUT_ALLOWED = [("expert", "clarification"), ("insurer", "new_intervention"),
               ("insurer", "clarification")]


@tagged("post_install", "-at_install")
class TestSinappsSollicitations(ClaimsSinappsCommon):
    def _send(self, claim, recipient, kind, text, user=None):
        wizard = self.env["claims.sinapps.sollicitation.send"].with_user(
            user or self.user_handler).create({
                "claim_id": claim.id, "recipient": recipient, "kind": kind, "text": text})
        return self._run_jobs(wizard.action_send)

    def test_every_allowed_sollicitation_arrives_with_a_todo_and_is_answered(self):
        mission_id, claim = self._mission(21)
        claim.user_id = self.user_handler
        for sender, code, _ours, _kind in IN_ALLOWED:
            self.sim.add_sollicitation(mission_id, sender, code, f"{sender} {code} ?",
                                       due_date="2026-02-15")
        self._poll()
        received = claim.sinapps_sollicitation_ids.sorted("id")
        self.assertEqual([(s.sender, s.kind, s.recipient, s.direction, s.state)
                          for s in received],
                         [(ours, kind, "platform", "in", "open")
                          for _s, _c, ours, kind in IN_ALLOWED])
        self.assertEqual(str(received[0].date_due), "2026-02-15")
        todos = claim.activity_ids.filtered(lambda a: a.summary and "Sinapps" in a.summary)
        self.assertEqual(len(todos), len(IN_ALLOWED))
        self.assertEqual(todos.user_id, self.user_handler)
        for sollicitation in received:
            action = sollicitation.with_user(self.user_handler).action_answer()
            wizard = self.env[action["res_model"]].with_user(self.user_handler).with_context(
                **action["context"]).create({"text": f"Réponse à {sollicitation.text}"})
            self._run_jobs(wizard.action_send)
        self.assertEqual(set(received.mapped("state")), {"answered"})
        answered = [s for s in self.sim.sollicitations.values()
                    if s["missionId"] == mission_id and s["reponse"]]
        self.assertEqual(len(answered), len(IN_ALLOWED))
        todos = received.with_context(active_test=False).activity_id
        self.assertEqual(len(todos), len(IN_ALLOWED))
        self.assertFalse(todos.filtered("active"), "the to-dos are done")

    def test_every_allowed_sollicitation_goes_out_and_its_answer_comes_back(self):
        mission_id, claim = self._mission(22)
        for recipient, kind in OUT_ALLOWED:
            self._send(claim, recipient, kind, f"Question {kind} pour {recipient}")
        sent = claim.sinapps_sollicitation_ids.sorted("id")
        self.assertEqual([(s.recipient, s.kind, s.state) for s in sent],
                         [(r, k, "sent") for r, k in OUT_ALLOWED])
        self.assertTrue(all(sent.mapped("sinapps_id")))
        in_sinapps = {s["id"]: s for s in self.sim.sollicitations.values()
                      if s["missionId"] == mission_id}
        self.assertEqual(sorted((in_sinapps[s.sinapps_id]["destinataire"],
                                 in_sinapps[s.sinapps_id]["typeSollicitation"]) for s in sent),
                         sorted([("Expert", "Precision"), ("Assureur", "NouvelleIntervention"),
                                 ("Assureur", "Precision")]))
        for record in sent:
            self.sim.answer_sollicitation(record.sinapps_id, f"Réponse {record.kind}")
        self._poll()
        self.assertEqual(set(sent.mapped("state")), {"answered"})
        self.assertEqual(sent[0].answer, "Réponse clarification")
        self.assertEqual(len(claim.sinapps_sollicitation_ids), 3, "our own echo adds nothing")

    def test_refused_sollicitation_says_what_is_allowed_and_sends_nothing(self):
        _mission_id, claim = self._mission(23)
        self.sim.requests.clear()
        refusal = "New intervention from Platform to Expert"
        with self.assertRaisesRegex(UserError, refusal) as refused:
            self._send(claim, "expert", "new_intervention", "Refaire la cloison")
        self.assertIn("Insurer: New intervention, Clarification", str(refused.exception))
        self.assertFalse(claim.sinapps_sollicitation_ids)
        self.assertFalse(self._exchanges("sollicitation", "out"))
        self.assertFalse(self.sim.requests, "nothing went to Sinapps")

    def test_portal_user_cannot_send_a_sollicitation(self):
        _mission_id, claim = self._mission(24)
        portal = self.env["res.users"].create({
            "name": "Outsider", "login": "outsider24", "email": "outsider24@example.com",
            "group_ids": [(6, 0, [self.env.ref("base.group_portal").id])]})
        with self.assertRaises(AccessError):
            self._send(claim, "insurer", "clarification", "?", user=portal)
        self.assertFalse(claim.sinapps_sollicitation_ids)
