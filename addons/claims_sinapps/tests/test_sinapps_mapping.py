# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Where Sinapps' fields and codes go (mapping.py), on the simulator's own resources."""

import copy
import sys
from pathlib import Path

from odoo.tests import BaseCase

from odoo.addons.claims_connector.connector.exceptions import PermanentError

from .. import mapping

REPO = Path(__file__).resolve().parents[3]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.simulators.sinapps import SinappsSimulator, data  # noqa: E402

CTX = "/core/api/centre-gestion"


def mission_resource(n=1, **overrides):
    """The mission resource the simulator serves, and its insurer's partner resource."""
    sim = SinappsSimulator()
    mission_id = sim.add_mission(data.make_mission(n, **overrides))
    return data.render_mission(sim.missions[mission_id], CTX), sim.render_partner(sim.insurer)


class TestSinappsMapping(BaseCase):
    def test_a_mission_becomes_a_claim_with_every_field_of_the_file(self):
        resource, insurer = mission_resource(4)
        values = mapping.parse_mission(resource, insurer)
        claim = values["claim"]
        self.assertEqual(values["warnings"], [])
        self.assertEqual((values["mission_id"], values["step"], values["closed"]),
                         (mapping.object_id(resource["href"]), "MissionRecue", False))
        self.assertEqual(
            (claim["insurer_claim_number"], claim["date_loss"], claim["date_assigned"]),
            ("SIN-2026-000004", "2026-01-12", "2026-01-14"))
        self.assertEqual((claim["sinapps_mission_number"], claim["sinapps_mission_type"],
                          claim["sinapps_mission_date"]),
                         ("M-2026-00004", "RenDirecte", "2026-01-14 08:30:00"), "Paris to UTC")
        self.assertEqual((claim["sinapps_risk_street"], claim["sinapps_risk_zip"],
                          claim["sinapps_risk_city"]), ("4 rue des Lilas", "44000", "Nantes"))
        self.assertEqual((claim["sinapps_nature"], claim["sinapps_cause"], claim["sinapps_detail"]),
                         ("DegatsDesEaux", "FuiteRupture", "CanalisationNonEnterree"))
        self.assertIn("parquet gonflé", claim["sinapps_damages_declared"])
        self.assertIn("machine à laver", claim["sinapps_circumstances_declared"])
        self.assertIn("machine à laver", claim["description"])
        self.assertEqual((claim["sinapps_risk_type"], claim["sinapps_risk_usage"]),
                         ("Appartement", "ResidencePrincipale"))
        self.assertEqual(claim["sinapps_protective_measures"],
                         "Arrivée d'eau coupée, meubles déplacés.")
        self.assertEqual(claim["sinapps_risk_measures"], "Nombre de pièces: 3\nSuperficie: 64")
        self.assertEqual((values["policy"]["name"], values["policy"]["policy_type"],
                          values["policy"]["line_of_business"]),
                         ("MRH-880004", "MRH Confort", "homeowners"))
        self.assertEqual((values["deductible"]["kind"], values["deductible"]["amount"],
                          claim["sinapps_deductible"]), ("amount", 150.0, "150.00 EUR"))
        self.assertEqual(values["insurer_contact"]["kind"], "handler")
        self.assertEqual(claim["sinapps_insurer_contact"],
                         "Claire Morel, GST-042, Plateau sinistres Ouest, +33 2 40 00 00 42, "
                         "claire.morel@mutuelle-atlantique.example")
        self.assertEqual(values["comments"][0]["text"], "Locataire joignable le matin.")

    def test_the_insured_the_contacts_the_insurer_and_the_platform_take_part(self):
        values = mapping.parse_mission(*mission_resource(5))
        roles = [(p["role"], p["partner"] and p["partner"]["name"]) for p in values["participants"]]
        self.assertEqual(roles, [
            ("insured", "Paul Durand5"), ("claimant", "Anne Lefebvre"),
            ("insurer", "Mutuelle Atlantique Assurances"), ("management_centre", None)])
        self.assertEqual(mapping.PLATFORM_ROLE, "management_centre")
        self.assertEqual((values["insured"]["email"], values["insured"]["mobile"]),
                         ("paul.durand5@example.com", "+33 6 12 34 56 78"))
        insurer = values["participants"][2]["partner"]
        self.assertEqual((insurer["sinapps_ref"], insurer["is_company"]), ("10042", True))

    def test_unknown_codes_are_kept_as_text_with_a_warning_never_a_lost_mission(self):
        resource, _insurer = mission_resource(6)
        mission, dossier = (resource["properties"][key] for key in ("mission", "dossier"))
        mission["typeMission"] = {"name": "RenToiture", "label": "REN toiture"}
        mission["etape"] = {"name": "DevisSigne", "label": "Devis signé"}
        dossier["sinistre"]["caracteristiques"]["nature"] = {"name": "Grele2", "label": "Grêle"}
        dossier["risques"][0]["usageAssure"] = {"name": "Gite", "label": "Gîte"}
        dossier["acteurs"][1]["typeActeur"] = {"name": "Voisin", "label": "Voisin"}
        values = mapping.parse_mission(resource)
        claim = values["claim"]
        self.assertEqual((claim["sinapps_mission_type"], claim["sinapps_step"],
                          claim["sinapps_nature"], claim["sinapps_risk_usage"]),
                         ("RenToiture", "DevisSigne", "Grele2", "Gite"))
        self.assertEqual(values["participants"][1]["role"], "other")
        self.assertEqual(len(values["warnings"]), 5)
        self.assertIn("Unknown Sinapps mission type 'RenToiture' (REN toiture): kept as text.",
                      values["warnings"])
        self.assertFalse(values["participants"][2]["partner"]["name"], "insurer not read yet")

    def test_a_proportional_deductible_and_a_missing_one(self):
        self.assertEqual(mapping.deductible_values({"name": "Proportionnelle", "value": {
            "taux": 10, "plancher": 150, "plafond": 1500}})["text"],
            "10 % (min 150.00, max 1500.00 EUR)")
        self.assertEqual(mapping.deductible_values(None)["kind"], False)

    def test_a_parse_is_the_same_each_time_so_a_replay_changes_nothing(self):
        resource, insurer = mission_resource(7)
        first = mapping.parse_mission(copy.deepcopy(resource), insurer)
        self.assertEqual(mapping.parse_mission(resource, insurer), first)

    def test_mission_steps_come_in_order_with_english_labels(self):
        codes = [code for code, _label in mapping.MISSION_STEPS]
        self.assertEqual(codes[:9], [
            "MissionRecue", "RendezVousChiffragePris", "TravauxChiffres",
            "ChiffrageEnAttenteDeValidation", "ChiffrageValide", "ChiffrageRefuse",
            "TravauxPlanifies", "FactureTravauxDeposee", "FactureGestionDeposee"])
        self.assertIn("MissionTraitee", codes)
        self.assertLessEqual(mapping.CLOSED_STEPS, set(codes))
        self.assertEqual(mapping.history_values([{"etape": {
            "name": "ExpertiseInitieeExpertiseInitiee"}, "date": "2026-03-01T10:00:00+0100"}]),
            [{"step": "ExpertiseInitiee", "label": "Appraisal started",
              "date": "2026-03-01 09:00:00"}])

    def test_attachment_types_land_in_document_categories(self):
        expected = {"ChiffrageDetailleExpert": "estimate_invoice",
                    "RapportExpertise": "expert_report", "RapportSecheresse": "expert_report",
                    "PhotosReparateur": "photo", "Devis": "estimate_invoice",
                    "RapportRechercheDeFuite": "expert_report"}
        self.assertEqual(set(mapping.SHARED_ON_ARRIVAL), set(expected))
        for kind, category in expected.items():
            values = mapping.attachment_values(self._attachment(kind, f"{kind}.pdf"))
            self.assertEqual((values["type"], values["category"], values["warnings"]),
                             (kind, category, []))
        odd = mapping.attachment_values(self._attachment("Plan3D", "../../etc/x<y>.dwg"))
        self.assertEqual((odd["type"], odd["category"], odd["name"]),
                         ("Plan3D", "other", "x_y_.dwg"), "kept, its name reduced")
        self.assertEqual(len(odd["warnings"]), 1)

    @staticmethod
    def _attachment(kind, name):
        return {"href": "/core/api/pieceJointe/piecesJointes/6a0000000000000000000001",
                "properties": {"id": "6a0000000000000000000001", "nom": name, "taille": 3,
                               "type": {"name": kind, "label": kind}, "contentType": "x/y",
                               "dateDeCreation": "2026-01-14T09:30:00+0100"}, "links": []}

    def test_the_sollicitation_matrix_allows_exactly_the_listed_exchanges(self):
        allowed = {(sender, recipient, kind) for sender in mapping.SOLLICITATION_PARTIES
                   for recipient in mapping.SOLLICITATION_PARTIES
                   for kind in mapping.SOLLICITATION_KINDS
                   if not mapping.sollicitation_problem(sender, recipient, kind)}
        self.assertEqual(allowed, {
            ("insured", "platform", "clarification"), ("insurer", "platform", "comment"),
            ("insurer", "platform", "document_request"), ("insurer", "platform", "correction"),
            ("insurer", "platform", "clarification"), ("expert", "platform", "correction"),
            ("platform", "expert", "clarification"), ("platform", "insurer", "new_intervention"),
            ("platform", "insurer", "clarification")})

    def test_a_refused_sollicitation_says_what_is_allowed(self):
        with self.assertRaises(PermanentError) as caught:
            mapping.check_sollicitation("platform", "expert", "new_intervention")
        self.assertEqual(caught.exception.kind, "sollicitation_not_allowed")
        self.assertEqual(str(caught.exception), (
            "A new intervention cannot go from the platform to the expert. From the platform, "
            "Sinapps allows: to the expert: clarification; to the insurer: new intervention, "
            "clarification."))
        self.assertEqual(mapping.sollicitation_problem("broker", "platform", "comment"),
                         "A comment cannot go from 'broker' to the platform. Sinapps allows "
                         "nothing from 'broker'.")
        self.assertIsNone(mapping.check_sollicitation("insured", "platform", "clarification"))

    def test_a_sollicitation_resource_in_our_keys(self):
        sim = SinappsSimulator()
        mission_id = sim.add_mission(data.make_mission(8))
        sollicitation_id = sim.add_sollicitation(mission_id, "Assureur", "DemandeDePieces",
                                                 "Les photos ?", due_date="2026-02-15")
        record = sim.sollicitations[sollicitation_id]
        sim.reply(record, sim.user, "Envoyées.")
        values = mapping.sollicitation_values(sim.render_sollicitation(record))
        self.assertEqual({key: values[key] for key in (
            "kind", "sender", "recipient", "text", "due_date", "state", "answer", "allowed",
            "warnings")}, {"kind": "document_request", "sender": "insurer",
                           "recipient": "platform", "text": "Les photos ?",
                           "due_date": "2026-02-15", "state": "answered", "answer": "Envoyées.",
                           "allowed": True, "warnings": []})
        odd = sim.render_sollicitation(dict(record, typeSollicitation="Relance"))
        self.assertEqual(mapping.sollicitation_values(odd)["kind"], "Relance")
        self.assertFalse(mapping.sollicitation_values(odd)["allowed"])

    def test_quotes_and_invoices_in_our_keys(self):
        line = {"libelle": "Peinture", "quantite": 2, "prixUnitaireHT": 50.0, "tauxTVA": 10,
                "montantHT": 100.0}
        quote = {"id": "6a0000000000000000000002", "reference": "DV-1", "dateDevis": "2026-02-01",
                 "lignes": [line], "montantHT": 100.0, "montantTVA": 10.0, "montantTTC": 110.0,
                 "validation": {"name": "ValidationExpert"}, "etat": {"name": "Refuse"},
                 "decision": {"par": {"name": "Expert"}, "date": "2026-02-03T10:00:00+0100",
                              "commentaire": "Trop cher"}}
        values = mapping.quote_values({"properties": quote})
        self.assertEqual((values["validation"], values["state"], values["decided_by"],
                          values["decision_reason"], values["lines"][0]["price_unit"]),
                         ("expert", "refused", "expert", "Trop cher", 50.0))
        invoice = dict(quote, numero="F-1", dateFacture="2026-03-01",
                       typeFacture={"name": "FactureGestion"})
        values = mapping.quote_values({"properties": invoice})
        self.assertEqual((values["number"], values["kind"], values["amount_total"]),
                         ("F-1", "management", 110.0))

    def test_event_actions_say_what_each_sub_event_asks(self):
        mission = f"{CTX}/missions/6a0000000000000000000003"
        event = {"id": 12, "items": [
            {"name": "MissionCreee", "resource_type": "missions", "resource_href": mission,
             "data": {}},
            {"name": "MissionEtatChange", "resource_type": "missions", "resource_href": mission,
             "data": {"etatMission": "ChiffrageValide"}},
            {"name": "EtatPrestationModifie", "resource_type": "prestations",
             "resource_href": f"{CTX}/prestations/6a0000000000000000000004",
             "data": {"status": "DevisValide", "missionId": "6a0000000000000000000003"}},
            {"name": "EtatPrestationModifie", "resource_type": "prestations",
             "resource_href": f"{CTX}/prestations/6a0000000000000000000004",
             "data": {"status": "TravauxPlanifies"}},
            {"name": "CommentaireAjoute", "resource_type": "sollicitations",
             "resource_href": f"{CTX}/sollicitations/6a0000000000000000000005",
             "data": {"missionId": "6a0000000000000000000003"}},
            {"name": "QuelqueChoseDeNouveau", "resource_type": "x", "resource_href": None}]}
        actions = mapping.event_actions(event)
        self.assertEqual([(a["kind"], a["mission_id"]) for a in actions], [
            ("mission", "6a0000000000000000000003"), ("step", "6a0000000000000000000003"),
            ("quote_decision", "6a0000000000000000000003"), ("ignored", False),
            ("sollicitation", "6a0000000000000000000003"), ("ignored", False)])
        self.assertEqual((actions[1]["step"], actions[2]["status"]),
                         ("ChiffrageValide", "validated"))
        self.assertEqual({a["event_id"] for a in actions}, {12})

    def test_sinapps_date_times_are_read_in_utc(self):
        self.assertEqual(mapping.to_utc("2018-06-22T11:55:58+0200"), "2018-06-22 09:55:58")
        self.assertEqual(mapping.to_utc("2018-12-22T11:55:58+01:00"), "2018-12-22 10:55:58")
        self.assertFalse(mapping.to_utc("22/06/2018"))
        self.assertEqual(mapping.object_id(f"{CTX}/missions/6a0000000000000000000003?referer=x"),
                         "6a0000000000000000000003")
