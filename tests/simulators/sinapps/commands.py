# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The commands of the Sinapps simulator: which resource offers which, their rules, effects.

A resource lists only the commands its state allows (``AVAILABLE``), as Sinapps does. A
command is read (GET), then run with PUT on its ``test`` action (a dry run: the payload is
checked, nothing is recorded) or its ``submit`` action. A refused command answers 400 with
Sinapps' error body: ``userMessage`` in French, ``devMessage`` the rule's code (``RG_*``),
``formsError`` the details. Quotes and invoices are deposited once per reference (number):
the same deposit again answers the first result and records nothing; another deposit under
the same reference is refused.
"""

import hashlib
import json

from ..toolkit import route
from . import data
from .contract import MULTIPART_COMMANDS, json_part, parse_multipart

API = "/core/api"
CTX = f"{API}/centre-gestion"
ID = r"[0-9a-f]{24}"
KINDS = "missions|prestations|sollicitations|devis"
FINAL = {"Annulee", "MissionAnnulee", "MissionArretee", "MissionRefusee", "MissionTraitee",
         "MissionCloseSansResolution"}
REN_OPEN = ("MissionRecue", "RendezVousChiffragePris", "TravauxChiffres",
            "ChiffrageEnAttenteDeValidation", "ChiffrageValide", "ChiffrageRefuse",
            "TravauxPlanifies")
# The steps the platform sets by hand (changerEtapeMission), from each step.
STEP_CHANGES = {
    "MissionTransmise": ("MissionAcceptee", "MissionRefusee"),
    "MissionAcceptee": ("MissionTraitee", "MissionCloseSansResolution", "MissionArretee"),
    **{step: ("MissionArretee",) for step in REN_OPEN},
}
# Who may ask whom what (sender, recipient) -> kinds.
SOLLICITATIONS = {
    ("Assure", "CentreDeGestion"): ("Precision",),
    ("Assureur", "CentreDeGestion"): ("Commentaire", "DemandeDePieces", "Rectification",
                                      "Precision"),
    ("Expert", "CentreDeGestion"): ("Rectification",),
    ("CentreDeGestion", "Expert"): ("Precision",),
    ("CentreDeGestion", "Assureur"): ("NouvelleIntervention", "Precision"),
}
AVAILABLE = {
    "missions": {
        "ajouterPiecesJointes": lambda m: m["etape"] not in FINAL,
        "creerSollicitation": lambda m: m["etape"] not in FINAL,
        "changerEtapeMission": lambda m: m["etape"] in STEP_CHANGES,
    },
    "prestations": {
        "prendreRendezVous": lambda p: p["etat"] in (
            "MissionRecue", "RendezVousChiffragePris", "MissionAcceptee"),
        "deposerDevis": lambda p: p["etat"] in (
            "MissionRecue", "RendezVousChiffragePris", "TravauxChiffres", "ChiffrageRefuse",
            "MissionAcceptee"),
        "planifierIntervention": lambda p: p["etat"] in ("ChiffrageValide", "TravauxPlanifies"),
        "deposerFacture": lambda p: p["etat"] in ("TravauxPlanifies", "FactureTravauxDeposee"),
    },
    "sollicitations": {
        "repondreSollicitation": lambda s: s["destinataire"] == "CentreDeGestion"
        and not s["reponse"],
    },
    "devis": {
        "validerDevis": lambda q: q["validation"] == "ValidationCentreDeGestion"
        and q["etat"] == "EnAttenteDeValidation",
    },
}
COMMANDS = {
    "ajouterPiecesJointes": ("Ajouter une pièce jointe sur la mission",
                             ["RG_PIECEJOINTE_STD_0013", "RG_PIECEJOINTE_0015"]),
    "creerSollicitation": ("Créer une sollicitation",
                           ["RG_SOLLICITATION_0001", "RG_SOLLICITATION_0002"]),
    "changerEtapeMission": ("Changer l'étape de la mission", ["RG_ETAPE_0001"]),
    "prendreRendezVous": ("Prendre un rendez-vous",
                          ["RG_RENDEZVOUS_STD_0002", "RG_RENDEZVOUS_STD_0012"]),
    "deposerDevis": ("Déposer un devis", ["RG_DEVIS_0001", "RG_DEVIS_0002", "RG_DEVIS_0003",
                                          "RG_DEVIS_0004"]),
    "validerDevis": ("Valider ou refuser le devis", ["RG_DEVIS_0005"]),
    "planifierIntervention": ("Planifier l'intervention",
                              ["RG_PLANIFICATION_0001", "RG_PLANIFICATION_0002"]),
    "deposerFacture": ("Déposer une facture", ["RG_FACTURE_0001", "RG_FACTURE_0002",
                                               "RG_FACTURE_0003", "RG_FACTURE_0004"]),
    "repondreSollicitation": ("Répondre à la sollicitation", ["RG_SOLLICITATION_0003"]),
}
APPOINTMENT_REQUIRED = ("horaire", "nomIntervenant", "prenomIntervenant", "referenceIntervenant",
                        "telephoneIntervenant", "typeRendezVous")
ATTACHMENT_TYPES = ("ChiffrageDetailleExpert", "RapportExpertise", "RapportSecheresse",
                    "PhotosReparateur", "Devis", "RapportRechercheDeFuite", "Facture", "Photo",
                    "ProcesVerbalFinDeTravaux", "AttestationTVA", "DelegationDePaiement", "Autre")


def _minutes(text):
    hours, _sep, minutes = (text or "").partition(":")
    return int(hours) * 60 + int(minutes or 0)


def totals_problem(payload):
    """The French message of an amount that does not add up, or None."""
    for number, line in enumerate(payload["lignes"], start=1):
        if abs(line["quantite"] * line["prixUnitaireHT"] - line["montantHT"]) > 0.011:
            return f"Ligne {number} : le montant HT n'est pas quantité × prix unitaire HT."
    total = sum(line["montantHT"] for line in payload["lignes"])
    tax = sum(line["montantHT"] * line["tauxTVA"] / 100 for line in payload["lignes"])
    if abs(total - payload["montantHT"]) > 0.011:
        return "Le montant HT n'est pas la somme des lignes."
    if abs(tax - payload["montantTVA"]) > 0.051:
        return "Le montant de TVA ne correspond pas aux taux des lignes."
    if abs(payload["montantHT"] + payload["montantTVA"] - payload["montantTTC"]) > 0.011:
        return "Le montant TTC n'est pas la somme du HT et de la TVA."
    return None


def pdf_problem(files):
    if not files:
        return "Le document (PDF) est obligatoire."
    if not all(f["content"].startswith(b"%PDF") for f in files):
        return "Le document doit être un PDF."
    return None


class CommandsMixin:
    """Commands of ``SinappsSimulator`` (which provides ``ok``, ``error``, the tables...)."""

    # ------------------------------------------------------------ resources and commands

    def _resource(self, kind, rid):
        table = {"missions": self.missions, "prestations": self.prestations,
                 "sollicitations": self.sollicitations, "devis": self.quotes}[kind]
        with self.data_lock:
            return table.get(rid)

    def _available(self, kind, record):
        return [name for name, allowed in AVAILABLE[kind].items() if allowed(record)]

    def render_command(self, href, name):
        label, rules = COMMANDS[name]
        return {"href": f"{href}/commands/{name}",
                "properties": {"name": name, "label": label, "description": label},
                "actions": [
                    {"rel": "test", "method": "PUT", "href": f"{href}/commands/{name}/test",
                     "format": {"verifying": rules}},
                    {"rel": "submit", "method": "PUT", "href": f"{href}/commands/{name}",
                     "format": {"verifying": rules}}]}

    @route("GET", rf"{CTX}/(?P<kind>{KINDS})/(?P<rid>{ID})/commands")
    def list_commands(self, request):
        kind, rid = request.params["kind"], request.params["rid"]
        record = self._resource(kind, rid)
        if not record:
            return self.error(404, f"Ressource {rid} introuvable")
        href = f"{CTX}/{kind}/{rid}"
        return self.ok({"href": request.path, "properties": {}, "items": [
            self.render_command(href, name) for name in self._available(kind, record)]})

    @route("GET", rf"{CTX}/(?P<kind>{KINDS})/(?P<rid>{ID})/commands/(?P<name>\w+)")
    def get_command(self, request):
        kind, rid, name = (request.params[key] for key in ("kind", "rid", "name"))
        record = self._resource(kind, rid)
        if not record or name not in self._available(kind, record):
            return self.error(404, f"La commande {name} n'est pas disponible sur cette ressource.")
        return self.ok(self.render_command(f"{CTX}/{kind}/{rid}", name))

    @route("PUT", rf"{CTX}/(?P<kind>{KINDS})/(?P<rid>{ID})/commands/(?P<name>\w+)/test")
    def test_command(self, request):
        return self._execute(request, submit=False)

    @route("PUT", rf"{CTX}/(?P<kind>{KINDS})/(?P<rid>{ID})/commands/(?P<name>\w+)")
    def submit_command(self, request):
        return self._execute(request, submit=True)

    def _payload(self, request, name):
        """(payload, files, error answer)."""
        files = []
        try:
            if name in MULTIPART_COMMANDS:
                parts = parse_multipart(request.headers.get("content-type"), request.body)
                files = [part for part in parts if part["name"] == "file" and part["filename"]]
                payload = json_part(parts)
            else:
                payload = json.loads(request.body or b"null")
        except ValueError as err:
            return None, None, self.error(400, "Le flux de la commande est illisible.",
                                          error_type="FormatInvalide", dev_message=str(err))
        if name == "prendreRendezVous":
            problems = [f"{key} est obligatoire" for key in APPOINTMENT_REQUIRED
                        if not isinstance(payload, dict) or key not in payload]
        else:
            problems = self.contract.payload_errors(name, payload)
        if problems:
            return None, None, self.error(
                400, f"Le flux de la commande {name} est invalide : {problems[0]}",
                error_type="FormatInvalide", dev_message="RG_FORMAT", forms={"erreurs": problems})
        return payload, files, None

    def _execute(self, request, submit):
        kind, rid, name = (request.params[key] for key in ("kind", "rid", "name"))
        with self.data_lock:
            record = self._resource(kind, rid)
            if not record:
                return self.error(404, f"Ressource {rid} introuvable")
            payload, files, error = self._payload(request, name)
            if error:
                return error
            fingerprint = hashlib.sha1(json.dumps(payload, sort_keys=True).encode() + b"".join(
                f["content"] for f in files)).hexdigest()
            key = self._replay_key(name, record, payload)
            if key in self.replays:
                seen, result = self.replays[key]
                if seen != fingerprint:
                    rule = "RG_DEVIS_0003" if name == "deposerDevis" else "RG_FACTURE_0003"
                    return self._refuse(rule, f"Un document portant la référence {key[2]} a déjà "
                                              "été déposé sur cette mission.")
                return result if submit else self._test_result(request, name)
            if name not in self._available(kind, record):
                return self._refuse("RG_COMMANDE_INDISPONIBLE", f"La commande {name} n'est pas "
                                    "disponible dans l'état actuel de la ressource.")
            problem = getattr(self, f"_rules_{name}")(record, payload, files)
            if problem:
                return self._refuse(*problem)
            if not submit:
                return self._test_result(request, name)
            event = getattr(self, f"_apply_{name}")(record, payload, files)
            href = f"{CTX}/{kind}/{rid}"
            result_id = data.object_id("6f")
            result = self.ok({"href": f"{href}/commands/{name}/{result_id}", "properties": {
                "id": result_id, "name": name, "checksum": fingerprint}, "links": data.links([
                    ("user", f"{API}/partenaire/users/{self.user['id']}"),
                    ("event", f"{API}/events/{event}")])})
            if key:
                self.replays[key] = (fingerprint, result)
            return result

    def _test_result(self, request, name):
        return self.ok({"href": request.path, "properties": {
            "name": name, "valide": True, "regles": COMMANDS[name][1]}, "links": []})

    def _refuse(self, rule, message):
        return self.error(400, message, error_type="RegleDeGestion", dev_message=rule,
                          forms={"regle": rule})

    @staticmethod
    def _replay_key(name, record, payload):
        if name == "deposerDevis":
            return ("devis", record["missionId"], payload["reference"])
        if name == "deposerFacture":
            return ("facture", record["missionId"], payload["numero"])
        return None

    def _claim_date(self, mission_id):
        return self.missions[mission_id]["dossier"]["sinistre"]["date"]

    # ------------------------------------------------------------ sollicitations

    def sollicitation_problem(self, mission, sender, recipient, kind):
        allowed = SOLLICITATIONS.get((sender, recipient), ())
        if kind not in allowed:
            what = ", ".join(data.LABELS[k] for k in allowed) or "rien"
            return ("RG_SOLLICITATION_0001",
                    f"Une sollicitation « {data.LABELS.get(kind, kind)} » ne peut pas aller de "
                    f"{data.LABELS[sender]} à {data.LABELS.get(recipient, recipient)} "
                    f"(permis : {what}).")
        if "Expert" in (sender, recipient) and not mission.get("expertId"):
            return "RG_SOLLICITATION_0002", "Aucun expert n'est missionné sur ce dossier."
        return None

    def create_sollicitation(self, mission_id, sender, recipient, kind, message, due_date=None,
                             files=()):
        author = self.sender_users[sender]
        record = {"id": data.object_id(), "missionId": mission_id, "typeSollicitation": kind,
                  "emetteur": sender, "destinataire": recipient, "message": message,
                  "dateEcheance": due_date, "dateDeCreation": data.sinapps_datetime(),
                  "auteurId": author["id"], "reponse": None}
        with self.data_lock:
            self.sollicitations[record["id"]] = record
        self._sollicitation_files(record, files, author)
        event = self.record_event(author, [("CommentaireAjoute", "sollicitations",
                                            f"{CTX}/sollicitations/{record['id']}",
                                            {"etat": "Ouverte"})], mission_id)
        return record["id"], event

    def _sollicitation_files(self, record, files, author):
        for file in files:
            if isinstance(file, tuple):  # (name, content) from a test
                file = {"filename": file[0], "content": file[1],
                        "content_type": data.attachment_file(file[0], "")[0]}
            self.store_attachment(record["missionId"], "Autre", file["filename"],
                                  file["content"], file["content_type"], author,
                                  sollicitation_id=record["id"])

    def reply(self, record, author, message, files=()):
        record["reponse"] = {"message": message, "date": data.sinapps_datetime(),
                             "auteurId": author["id"]}
        self._sollicitation_files(record, files, author)
        return self.record_event(author, [("CommentaireAjoute", "sollicitations",
                                           f"{CTX}/sollicitations/{record['id']}",
                                           {"etat": "Repondue"})], record["missionId"])

    def render_sollicitation(self, record):
        href = f"{CTX}/sollicitations/{record['id']}"
        properties = {key: record[key] for key in (
            "id", "missionId", "message", "dateDeCreation", "auteurId")}
        for key in ("typeSollicitation", "emetteur", "destinataire"):
            properties[key] = data.label(record[key])
        properties["etat"] = data.label("Repondue" if record["reponse"] else "Ouverte")
        if record["dateEcheance"]:
            properties["dateEcheance"] = record["dateEcheance"]
        if record["reponse"]:
            properties["reponse"] = record["reponse"]
        return {"href": href, "properties": properties, "links": data.links([
            ("commands", f"{href}/commands"), ("mission", f"{CTX}/missions/{record['missionId']}"),
            ("piecesJointes", f"{API}/pieceJointe/piecesJointes?sollicitationId={record['id']}"
                              "&archived=false")])}

    def _rules_creerSollicitation(self, mission, payload, files):
        return self.sollicitation_problem(mission, "CentreDeGestion",
                                          payload["destinataire"]["name"],
                                          payload["typeSollicitation"]["name"])

    def _apply_creerSollicitation(self, mission, payload, files):
        _sollicitation_id, event = self.create_sollicitation(
            mission["id"], "CentreDeGestion", payload["destinataire"]["name"],
            payload["typeSollicitation"]["name"], payload["message"],
            payload.get("dateEcheance"), files)
        return event

    def _rules_repondreSollicitation(self, record, payload, files):
        return None

    def _apply_repondreSollicitation(self, record, payload, files):
        return self.reply(record, self.user, payload["message"], files)

    # ------------------------------------------------------------ appointments and planning

    def _rules_prendreRendezVous(self, prestation, payload, files):
        slot = payload["horaire"]
        value = slot.get("value") or {}
        if slot.get("name") not in ("HoraireFixe", "HorairePlage") or not value.get("date"):
            return "RG_FORMAT", "L'horaire doit être HoraireFixe ou HorairePlage, avec une date."
        if value["date"] <= self._claim_date(prestation["missionId"]):
            return ("RG_RENDEZVOUS_STD_0002",
                    "La date de rendez-vous doit être postérieure à la date du sinistre.")
        if slot["name"] == "HorairePlage" and not (
                0 < _minutes(value.get("heureFin")) - _minutes(value.get("heureDebut")) <= 120):
            return ("RG_RENDEZVOUS_STD_0012",
                    "Le créneau d'arrivée du rendez-vous doit être de maximum 2 heures.")
        return None

    def _apply_prendreRendezVous(self, prestation, payload, files):
        prestation["rendezVous"] = payload
        prestation["intervenant"] = {
            "nom": payload["nomIntervenant"], "prenom": payload["prenomIntervenant"],
            "telephone": payload["telephoneIntervenant"],
            "reference": payload["referenceIntervenant"]}
        item = ("RendezVousPris", "rendezVous", f"{CTX}/prestations/{prestation['id']}",
                {"date": payload["horaire"]["value"]["date"],
                 "typeRendezVous": payload["typeRendezVous"]["name"]})
        if prestation["etat"] in ("MissionRecue", "RendezVousChiffragePris"):
            return self.set_step(prestation["missionId"], "RendezVousChiffragePris", self.user,
                                 items=[item])
        return self.record_event(self.user, [item], prestation["missionId"])

    def _rules_planifierIntervention(self, prestation, payload, files):
        plan = payload["planification"]
        day = plan["value"].get("date" if plan["name"] == "PlanificationFixe" else "horizon")
        if not day:
            return "RG_FORMAT", "La date (ou l'horizon) de l'intervention est obligatoire."
        if day <= self._claim_date(prestation["missionId"]):
            return ("RG_PLANIFICATION_0002",
                    "La date d'intervention doit être postérieure à la date du sinistre.")
        return None

    def _apply_planifierIntervention(self, prestation, payload, files):
        plan = payload["planification"]
        prestation["planification"] = plan
        day = plan["value"].get("date") or plan["value"].get("horizon")
        return self.set_step(prestation["missionId"], "TravauxPlanifies", self.user, items=[
            ("InterventionPlanifiee", "prestations", f"{CTX}/prestations/{prestation['id']}",
             {"date": day})])

    # ------------------------------------------------------------ quotes

    def _rules_deposerDevis(self, prestation, payload, files):
        mission = self.missions[prestation["missionId"]]
        if problem := pdf_problem(files):
            return "RG_DEVIS_0001", problem
        if problem := totals_problem(payload):
            return "RG_DEVIS_0002", problem
        if payload["validation"]["name"] == "ValidationExpert" and not mission.get("expertId"):
            return ("RG_DEVIS_0004", "Aucun expert n'est missionné sur ce dossier : il ne peut "
                                     "pas valider le devis.")
        return None

    def _apply_deposerDevis(self, prestation, payload, files):
        mission_id = prestation["missionId"]
        pdf = self.store_attachment(mission_id, "Devis", files[0]["filename"], files[0]["content"],
                                    "application/pdf", self.user,
                                    description=f"Devis {payload['reference']}")
        automatic = payload["validation"]["name"] == "ValidationAutomatique"
        quote = {"id": data.object_id(), "missionId": mission_id, "prestationId": prestation["id"],
                 **{key: payload[key] for key in (
                     "reference", "dateDevis", "lignes", "montantHT", "montantTVA", "montantTTC")},
                 "validation": payload["validation"]["name"], "pieceJointeId": pdf["id"],
                 "etat": "Valide" if automatic else "EnAttenteDeValidation",
                 "dateDeDepot": data.sinapps_datetime(), "decision": None}
        for key in ("intervenant", "commentaire"):
            if payload.get(key):
                quote[key] = payload[key]
        if automatic:
            quote["decision"] = {"par": data.label("Automatique"), "date": quote["dateDeDepot"]}
        self.quotes[quote["id"]] = quote
        step = "ChiffrageValide" if automatic else "ChiffrageEnAttenteDeValidation"
        return self.set_step(mission_id, step, self.user,
                             status="DevisValide" if automatic else step, items=[
                                 ("DevisDepose", "devis", f"{CTX}/devis/{quote['id']}",
                                  {"reference": quote["reference"],
                                   "validation": quote["validation"]})])

    def decide(self, quote, by, accept, comment, author):
        quote["etat"] = "Valide" if accept else "Refuse"
        quote["decision"] = {"par": data.label(by), "date": data.sinapps_datetime()}
        if comment:
            quote["decision"]["commentaire"] = comment
        return self.set_step(quote["missionId"], "ChiffrageValide" if accept else "ChiffrageRefuse",
                             author, status="DevisValide" if accept else "DevisRefuse",
                             data_values={"devisId": quote["id"]})

    def render_quote(self, quote):
        href = f"{CTX}/devis/{quote['id']}"
        properties = {key: value for key, value in quote.items() if value is not None}
        properties.update(validation=data.label(quote["validation"]),
                          etat=data.label(quote["etat"]))
        return {"href": href, "properties": properties, "links": data.links([
            ("commands", f"{href}/commands"), ("mission", f"{CTX}/missions/{quote['missionId']}")])}

    def _rules_validerDevis(self, quote, payload, files):
        reason = (payload.get("commentaire") or "").strip()
        if payload["decision"]["name"] == "Refuse" and not reason:
            return "RG_DEVIS_0005", "Le motif du refus est obligatoire."
        return None

    def _apply_validerDevis(self, quote, payload, files):
        return self.decide(quote, "CentreDeGestion", payload["decision"]["name"] == "Valide",
                           payload.get("commentaire"), self.user)

    # ------------------------------------------------------------ invoices

    def _rules_deposerFacture(self, prestation, payload, files):
        if problem := pdf_problem(files):
            return "RG_FACTURE_0001", problem
        if problem := totals_problem(payload):
            return "RG_FACTURE_0002", problem
        kind = payload["typeFacture"]["name"]
        if (kind, prestation["etat"]) not in (("FactureTravaux", "TravauxPlanifies"),
                                              ("FactureGestion", "FactureTravauxDeposee")):
            return ("RG_FACTURE_0004", "La facture de travaux suit la planification des travaux ; "
                                       "la facture de gestion suit la facture de travaux.")
        quote = self.quotes.get(payload.get("devisId"))
        if payload.get("devisId") and not (quote and quote["etat"] == "Valide"
                                            and quote["missionId"] == prestation["missionId"]):
            return "RG_FACTURE_0004", "Le devis indiqué n'est pas un devis validé de la mission."
        return None

    def _apply_deposerFacture(self, prestation, payload, files):
        mission_id = prestation["missionId"]
        pdf = self.store_attachment(mission_id, "Facture", files[0]["filename"],
                                    files[0]["content"], "application/pdf", self.user,
                                    description=f"Facture {payload['numero']}")
        invoice = {"id": data.object_id(), "missionId": mission_id,
                   "prestationId": prestation["id"], "pieceJointeId": pdf["id"],
                   "dateDeDepot": data.sinapps_datetime(),
                   **{key: payload[key] for key in (
                       "numero", "dateFacture", "typeFacture", "lignes", "montantHT",
                       "montantTVA", "montantTTC") if key in payload}}
        if payload.get("devisId"):
            invoice["devisId"] = payload["devisId"]
        self.invoices[invoice["id"]] = invoice
        works = payload["typeFacture"]["name"] == "FactureTravaux"
        return self.set_step(
            mission_id, "FactureTravauxDeposee" if works else "FactureGestionDeposee", self.user,
            items=[("FactureDeposee", "factures", f"{CTX}/factures/{invoice['id']}",
                    {"numero": invoice["numero"], "typeFacture": payload["typeFacture"]["name"]})])

    def render_invoice(self, invoice):
        href = f"{CTX}/factures/{invoice['id']}"
        properties = dict(invoice, typeFacture=data.label(invoice["typeFacture"]["name"]))
        return {"href": href, "properties": properties, "links": data.links([
            ("mission", f"{CTX}/missions/{invoice['missionId']}")])}

    @route("GET", rf"{CTX}/(?P<kind>sollicitations|devis|factures)/(?P<rid>{ID})")
    def get_child(self, request):
        kind, rid = request.params["kind"], request.params["rid"]
        table, render = {"sollicitations": (self.sollicitations, self.render_sollicitation),
                         "devis": (self.quotes, self.render_quote),
                         "factures": (self.invoices, self.render_invoice)}[kind]
        with self.data_lock:
            record = table.get(rid)
        return self.ok(render(record)) if record else self.error(404, f"{rid} introuvable")

    # ------------------------------------------------------------ the mission itself

    def _rules_changerEtapeMission(self, mission, payload, files):
        step = payload["etape"]["name"]
        if step not in STEP_CHANGES.get(mission["etape"], ()):
            return ("RG_ETAPE_0001", f"La mission ne peut pas passer de l'étape "
                                     f"{data.LABELS[mission['etape']]} à {data.LABELS[step]}.")
        return None

    def _apply_changerEtapeMission(self, mission, payload, files):
        return self.set_step(mission["id"], payload["etape"]["name"], self.user,
                             data_values={"commentaire": payload.get("commentaire", "")})

    def _rules_ajouterPiecesJointes(self, mission, payload, files):
        if not files:
            return "RG_PIECEJOINTE_STD_0013", "Au moins une pièce justificative doit être fournie."
        if payload["file"]["label"]["name"] not in ATTACHMENT_TYPES:
            return "RG_PIECEJOINTE_0015", "Le type de la pièce jointe est inconnu."
        return None

    def _apply_ajouterPiecesJointes(self, mission, payload, files):
        kind = payload["file"]["label"]["name"]
        items = []
        for file in files:
            attachment = self.store_attachment(
                mission["id"], kind, file["filename"], file["content"], file["content_type"],
                self.user, description=payload["file"].get("descriptif"))
            items.append(("PieceJointeAjoutee", "piecesJointes",
                          f"{API}/pieceJointe/piecesJointes/{attachment['id']}", {"type": kind}))
        return self.record_event(self.user, items, mission["id"])

