# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Sinapps data for the simulator: missions as Sinapps writes them, ids, dates, small files.

``make_mission(n, **overrides)`` is a whole mission for a management centre (the mission and
its claim file, ``dossier``, in Darva's shapes; ``attachments`` lists the files already on it),
a French water-damage file by default. ``render_mission`` turns a stored mission into the
resource the simulator serves. Labels are Sinapps' own (French).
"""

import copy
import itertools
import struct
import zlib
from datetime import datetime, timedelta, timezone

from .. import toolkit

try:  # Sinapps writes Paris time with its offset
    from zoneinfo import ZoneInfo

    PARIS = ZoneInfo("Europe/Paris")
except Exception:  # noqa: BLE001 - no tz database: winter time is close enough for a simulator
    PARIS = timezone(timedelta(hours=1))

# Sinapps' labels of the codes the simulator writes (Darva's enumerations, and ours).
LABELS = {
    "RenDirecte": "REN Directe", "RenSuiteExpertise": "REN suite à expertise",
    "RechercheDeFuite": "Recherche de fuite", "UrgenceHabitation": "Urgence Habitation",
    "MissionRecue": "Mission reçue", "RendezVousChiffragePris": "Rendez-vous chiffrage pris",
    "TravauxChiffres": "Travaux chiffrés",
    "ChiffrageEnAttenteDeValidation": "Chiffrage en attente de validation",
    "ChiffrageValide": "Chiffrage validé", "ChiffrageRefuse": "Chiffrage refusé",
    "TravauxPlanifies": "Travaux planifiés", "FactureTravauxDeposee": "Facture de travaux déposée",
    "FactureGestionDeposee": "Facture de gestion déposée", "Annulee": "Mission annulée",
    "MissionArretee": "Mission arrêtée", "MissionTransmise": "Mission transmise",
    "MissionAcceptee": "Mission acceptée", "MissionRefusee": "Mission refusée",
    "MissionTraitee": "Mission traitée", "MissionAnnulee": "Mission annulée",
    "MissionCloseSansResolution": "Mission close sans résolution",
    "Ouverte": "Ouverte", "EnCours": "En cours", "Terminee": "Terminée", "Repondue": "Répondue",
    "Precision": "Demande de précision", "Commentaire": "Commentaire",
    "DemandeDePieces": "Demande de pièces", "Rectification": "Rectification",
    "NouvelleIntervention": "Nouvelle intervention",
    "Assure": "Assuré", "Assureur": "Assureur", "Expert": "Expert", "Tiers": "Tiers",
    "CentreDeGestion": "Centre de gestion", "Automatique": "Automatique",
    "ValidationAssureur": "Validation par l'assureur",
    "ValidationExpert": "Validation par l'expert",
    "ValidationCentreDeGestion": "Validation par le centre de gestion",
    "ValidationAutomatique": "Validation automatique",
    "EnAttenteDeValidation": "En attente de validation", "Valide": "Validé", "Refuse": "Refusé",
    "FactureTravaux": "Facture de travaux", "FactureGestion": "Facture de gestion",
    "ChiffrageDetailleExpert": "Chiffrage détaillé de l'expert",
    "RapportExpertise": "Rapport d'expertise", "RapportSecheresse": "Rapport sécheresse",
    "PhotosReparateur": "Photos du réparateur", "Devis": "Devis",
    "RapportRechercheDeFuite": "Rapport de recherche de fuite", "Facture": "Facture",
    "Photo": "Photo", "NoteInterneAssureur": "Note interne de l'assureur",
    "ProcesVerbalFinDeTravaux": "Procès-verbal de fin de travaux",
    "AttestationTVA": "Attestation de TVA", "DelegationDePaiement": "Délégation de paiement",
    "Autre": "Autre", "Reparation": "Réparation", "Normale": "Normale", "Urgente": "Urgente",
}
# The attachments Sinapps shares with a management centre when it is missioned on a file.
SHARED_TYPES = ("ChiffrageDetailleExpert", "RapportExpertise", "RapportSecheresse",
                "PhotosReparateur", "Devis", "RapportRechercheDeFuite")
_ids = itertools.count(1)


def label(code, labels=None):
    """``{name, label}``, Sinapps' way of writing a code."""
    return {"name": code, "label": (labels or LABELS).get(code, code)}


def object_id(prefix="6a"):
    """A fresh BSON ObjectId (24 hexadecimal digits), unique in the process."""
    return f"{prefix}{0x5f3c2a10:08x}{next(_ids):014x}"


def sinapps_datetime(moment=None):
    """A date-time as Sinapps writes it: ``2018-06-22T11:55:58+0200`` (no colon)."""
    moment = moment or datetime.now(timezone.utc)
    return moment.astimezone(PARIS).strftime("%Y-%m-%dT%H:%M:%S%z")


def _person(nom, prenom="", civilite="M", email="", phone="", address=None):
    person = {"nom": nom, "adresse": address or {}, "coordonnees": {}}
    if prenom:
        person["prenom"] = prenom
    if civilite:
        person["civilite"] = label(civilite)
    if email:
        person["coordonnees"]["email"] = email
    if phone:
        person["coordonnees"]["telPortable"] = phone
    return person


def make_mission(n, type_mission="RenDirecte", **overrides):
    """A whole mission number ``n`` (see the module docstring); ``overrides`` replace keys."""
    address = {"adresse1": f"{n} rue des Lilas", "codePostal": "44000", "localite": "Nantes",
               "codePays": "FR"}
    mission = {
        "numero": f"M-2026-{n:05d}",
        "typeMission": type_mission,
        "etape": "MissionTransmise" if type_mission == "RechercheDeFuite" else "MissionRecue",
        "statut": "Ouverte",
        "dateDeMissionnement": "2026-01-14T09:30:00+0100",
        "criticite": "Normale",
        "contactAssureur": {
            "name": "Gestionnaire", "label": "Gestionnaire",
            "value": {"code": "GST-042", "entite": "Plateau sinistres Ouest",
                      "personne": _person("Morel", "Claire", "Mme",
                                          "claire.morel@mutuelle-atlantique.example",
                                          "+33 2 40 00 00 42")},
        },
        "franchiseApplicable": {"name": "Fixe", "label": "Fixe", "value": {"montant": 150}},
        "commentaires": [{"date": "2026-01-14T09:31:00+0100",
                          "message": "Locataire joignable le matin."}],
        "dossier": {
            "acteurs": [
                {"archive": False, "typeActeur": label("Assure"),
                 "personne": _person(f"Durand{n}", "Paul", "M", f"paul.durand{n}@example.com",
                                     "+33 6 12 34 56 78", address),
                 "relationAuRisque": {"name": "Locataire", "label": "Locataire"}},
                {"archive": False, "typeActeur": label("Tiers"), "lese": True,
                 "personne": _person("Lefebvre", "Anne", "Mme", phone="+33 6 98 76 54 32",
                                     address={**address, "adresse2": "3e étage"})},
            ],
            "contrat": {"numero": f"MRH-{880000 + n}", "typeContrat": "MRH Confort",
                        "professionnel": False,
                        "franchise": {"name": "Fixe", "label": "Fixe", "value": {"montant": 150}}},
            "risques": [{
                "typeRisque": {"name": "Appartement", "label": "Appartement"},
                "usageAssure": {"name": "ResidencePrincipale", "label": "Résidence principale"},
                "description": "Appartement T3 au 2e étage", "risqueConcerne": True,
                "adresse": address,
                "mesures": [
                    {"typeMesure": {"name": "NombreDePieces", "label": "Nombre de pièces"},
                     "valeur": 3},
                    {"typeMesure": {"name": "Superficie", "label": "Superficie"},
                     "valeur": 64},
                ],
            }],
            "sinistre": {
                "reference": f"SIN-2026-{n:06d}",
                "date": "2026-01-12",
                "heure": "07:45",
                "adresse": address,
                "caracteristiques": {
                    "nature": {"name": "DegatsDesEaux", "label": "Dégâts des eaux"},
                    "cause": {"name": "FuiteRupture", "label": "Fuite / rupture"},
                    "detail": {"name": "CanalisationNonEnterree",
                               "label": "Canalisation non enterrée"},
                },
                "dommagesDeclares": "Plafond de la cuisine et de l'entrée tachés, parquet gonflé.",
                "circonstancesDeclarees": "Fuite sur l'alimentation de la machine à laver.",
                "rappelMesuresConservatoires": "Arrivée d'eau coupée, meubles déplacés.",
            },
        },
        "attachments": [(kind, _attachment_name(kind, n)) for kind in SHARED_TYPES]
        + [("NoteInterneAssureur", f"note-interne-{n}.pdf")],
    }
    mission.update(copy.deepcopy(overrides))
    return mission


def _attachment_name(kind, n):
    return f"{kind}-{n}.png" if kind == "PhotosReparateur" else f"{kind}-{n}.pdf"


def render_mission(stored, base):
    """The mission resource a management centre reads (``stored``: the simulator's record)."""
    mission = {
        "numero": stored["numero"],
        "typeMission": label(stored["typeMission"]),
        "etape": label(stored["etape"]),
        "statut": label(stored["statut"]),
        "dateDeMissionnement": stored["dateDeMissionnement"],
        "assureurId": stored["assureurId"],
        "prestataireId": stored["prestataireId"],
        "dossierId": stored["dossierId"],
        "contactAssureur": stored["contactAssureur"],
        "franchiseApplicable": stored["franchiseApplicable"],
        "commentaires": stored["commentaires"],
    }
    if stored.get("annulationMission"):
        mission["annulationMission"] = stored["annulationMission"]
    href = f"{base}/missions/{stored['id']}"
    rels = [("commands", f"{href}/commands"), ("events", f"{href}/events"),
            ("prestataire", f"/core/api/partenaire/partenaires/{stored['prestataireId']}"),
            ("assureur", f"/core/api/partenaire/partenaires/{stored['assureurId']}"),
            ("piecesJointes", f"/core/api/pieceJointe/piecesJointes?missionId={stored['id']}"
                              "&archived=false"),
            ("historique", f"{href}/historique"), ("prestations", f"{href}/prestations"),
            ("sollicitations", f"{href}/sollicitations"), ("devis", f"{href}/devis"),
            ("factures", f"{href}/factures")]
    return {"href": href, "properties": {"mission": mission, "dossier": stored["dossier"]},
            "links": links(rels)}


def links(rels):
    """Sinapps' links: each ends with ``referer=<rel>``."""
    return [{"rel": rel, "href": f"{href}{'&' if '?' in href else '?'}referer={rel}"}
            for rel, href in rels]


def make_pdf(title):
    """A small one-page A4 PDF showing ``title``."""
    return toolkit.make_pdf(title, size=(595, 842))


def make_png(width=4, height=3):
    """A small valid PNG (a repairer's "photo")."""
    def chunk(kind, payload):
        return (struct.pack(">I", len(payload)) + kind + payload
                + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF))
    rows = b"".join(b"\x00" + b"\x80\x40\x20" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def attachment_file(name, title):
    """(content type, bytes) of an attachment named ``name``."""
    if name.lower().endswith(".png"):
        return "image/png", make_png()
    return "application/pdf", make_pdf(title)
