# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A mission for the platform becomes a claim: fields, people, documents, steps."""

from odoo.tests import tagged

from .common import ClaimsSinappsCommon, data


@tagged("post_install", "-at_install")
class TestSinappsMissionImport(ClaimsSinappsCommon):
    def test_mission_becomes_claim_with_its_file(self):
        mission_id, claim = self._mission(11)
        self.assertRecordValues(claim, [{
            "insurer_claim_number": "SIN-2026-000011",
            "sinapps_mission_number": "M-2026-00011",
            "sinapps_mission_type": "RenDirecte",
            "sinapps_mission_type_label": "RenDirecte",
            "sinapps_nature": "DegatsDesEaux",
            "sinapps_cause_label": "Fuite / rupture",
            "sinapps_detail_label": "Canalisation non enterrée",
            "sinapps_risk_street": "11 rue des Lilas",
            "sinapps_risk_zip": "44000",
            "sinapps_risk_city": "Nantes",
            "sinapps_risk_type": "Appartement",
            "sinapps_risk_usage": "ResidencePrincipale",
            "sinapps_contract_type": "MRH Confort",
            "sinapps_deductible": "150.00 EUR",
            "sinapps_protective_measures": "Arrivée d'eau coupée, meubles déplacés.",
            "sinapps_step": "MissionRecue",
            "company_id": self.company.id,
        }])
        self.assertEqual(str(claim.date_loss), "2026-01-12")
        self.assertIn("Plafond de la cuisine", claim.sinapps_damages_declared)
        self.assertIn("machine à laver", claim.sinapps_circumstances_declared)
        self.assertIn("Nombre de pièces: 3", claim.sinapps_risk_measures)
        self.assertIn("Claire Morel", claim.sinapps_insurer_contact)
        self.assertEqual(claim.sinapps_mission_date.isoformat(), "2026-01-14T08:30:00")
        self.assertEqual(claim.policy_id.name, "MRH-880011")
        self.assertEqual(claim.insurer_id.name, "Mutuelle Atlantique Assurances")
        self.assertEqual(claim.claimant_id.name, "Paul Durand11")
        self.assertEqual(claim.claimant_id.email, "paul.durand11@example.com")
        roles = {(p.partner_id.name, p.role_id.code) for p in claim.participant_ids}
        self.assertIn(("Plateforme Habitat Services", "management_centre"), roles)
        self.assertIn(("Paul Durand11", "insured"), roles)
        self.assertIn(("Anne Lefebvre", "claimant"), roles)
        self.assertIn(("Mutuelle Atlantique Assurances", "insurer"), roles)
        self.assertEqual(claim.sinapps_step_ids.mapped("code"), ["MissionRecue"])
        self.assertFalse(claim.activity_ids, "every code is known: no warning")

    def test_shared_attachments_become_documents_by_category(self):
        _mission_id, claim = self._mission(12)
        categories = {d.sinapps_type: d.category_id.code for d in claim.document_ids}
        self.assertEqual(categories, {
            "ChiffrageDetailleExpert": "estimate_invoice", "RapportExpertise": "expert_report",
            "RapportSecheresse": "expert_report", "PhotosReparateur": "photo",
            "Devis": "estimate_invoice", "RapportRechercheDeFuite": "expert_report"})
        self.assertNotIn("NoteInterneAssureur", categories, "the insurer's note stays hidden")
        photo = claim.document_ids.filtered(lambda d: d.sinapps_type == "PhotosReparateur")
        self.assertEqual(photo.mimetype, "image/png")
        self.assertTrue(all(d.attachment_id.raw for d in claim.document_ids))

    def test_attachment_added_later_is_imported_once(self):
        mission_id, claim = self._mission(13)
        self.sim.add_shared_attachment(mission_id, "ProcesVerbalFinDeTravaux", "pv-13.pdf")
        self._poll()
        self.backend.sudo().cursor = str(int(self.backend.cursor) - 1)
        self._poll()  # replayed
        added = claim.document_ids.filtered(lambda d: d.sinapps_type == "ProcesVerbalFinDeTravaux")
        self.assertEqual(len(added), 1)
        self.assertEqual(added.category_id.code, "other")

    def test_unknown_codes_land_as_text_with_a_warning(self):
        mission = data.make_mission(14, type_mission="RenToiture")
        mission["dossier"]["sinistre"]["caracteristiques"]["nature"] = {
            "name": "Grele2027", "label": "Grêle nouvelle formule"}
        mission_id = self.sim.add_mission(mission)
        # codes Sinapps does not publish yet: the mission breaks Darva's enumerations
        self.off_contract.add(f"/core/api/centre-gestion/missions/{mission_id}")
        self._poll()
        claim = self._claim(mission_id)
        self.assertEqual(len(claim), 1, "a mission with unknown codes is never lost")
        self.assertEqual(claim.sinapps_mission_type, "RenToiture")
        self.assertFalse(claim.sinapps_mission_type_label)
        self.assertEqual(claim.sinapps_nature, "Grele2027")
        warning = claim.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("mail.mail_activity_data_warning"))
        self.assertEqual(len(warning), 1)
        self.assertIn("RenToiture", warning.note)
        self.assertIn("Grele2027", warning.note)

    def test_steps_follow_sinapps_with_their_history(self):
        mission_id, claim = self._mission(15)
        for step in ("RendezVousChiffragePris", "ChiffrageEnAttenteDeValidation"):
            self.sim.set_step(mission_id, step)
        self._poll()
        self.assertEqual(claim.sinapps_step, "ChiffrageEnAttenteDeValidation")
        self.assertEqual(claim.sinapps_step_label, "ChiffrageEnAttenteDeValidation")
        self.assertEqual(claim.sinapps_step_ids.mapped("code"), [
            "MissionRecue", "RendezVousChiffragePris", "ChiffrageEnAttenteDeValidation"])
        self.sim.cancel_mission(mission_id)
        self._poll()
        self.assertEqual(claim.sinapps_step, "Annulee")
        self.assertEqual(claim.sinapps_step_ids[-1].name, "Cancelled")
