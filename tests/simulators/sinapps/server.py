# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A Sinapps IRD that serves the contract of CONTRACT.md to a management centre, in memory.

The desk's side of it speaks through the API: log in (``PLAY_SESSION`` cookie), read the events
feeds with ``since``, follow links, run commands (``test`` then ``submit``). What the others do
(the insurer missions the platform, the expert or the insured ask something, the insurer
validates a quote...) is played with the methods of the section "the others", each of which
records its event as Sinapps would. Commands and their rules are in ``commands.py``.

``exchanges`` keeps every request the routes answered with its answer (the tests check both
against the contract); ``raw`` maps a path to bytes served instead (hostile or broken bodies,
kept out of ``exchanges``); ``deliberately_invalid`` lists path patterns of requests a test sends
bad on purpose (their answers are still checked);
``expire_sessions()`` ends every session, and ``session_ttl`` ends each after so many seconds.
"""

import hashlib
import json
import math
import secrets
import socket
import threading
import time
from http.cookies import SimpleCookie
from urllib.parse import urlencode

from ..toolkit import Response, Simulator, route, wait_until_stopped
from . import data
from .commands import CommandsMixin
from .contract import Contract

API = "/core/api"
CTX = f"{API}/centre-gestion"
ID = r"[0-9a-f]{24}"
ERROR_TYPES = {400: "Validation", 401: "Authentification", 403: "Habilitation",
               404: "RessourceIntrouvable", 408: "DelaiDepasse", 429: "TropDeRequetes",
               500: "ErreurTechnique", 502: "ErreurTechnique", 503: "ServiceIndisponible"}
MAX_PAGE = 90


class SinappsSimulator(CommandsMixin, Simulator):
    error_content_type = "application/json"

    def __init__(self, login="centre", password="s3cret", session_ttl=None, **kwargs):
        super().__init__(**kwargs)
        self.login_name = login
        self.password = password
        self.session_ttl = session_ttl
        self.contract = Contract.shared(swagger=False)
        self.sessions = {}
        self.ended_sessions = set()
        self.exchanges = []
        self.raw = {}
        self.deliberately_invalid = []
        self.events = []
        self.missions, self.prestations, self.attachments = {}, {}, {}
        self.sollicitations, self.quotes, self.invoices = {}, {}, {}
        self.replays = {}
        self.data_lock = threading.RLock()
        self.platform = self._partner("Plateforme Habitat Services", "CentreDeGestion", "28999")
        self.insurer = self._partner("Mutuelle Atlantique Assurances", "Assureur", "10042")
        self.expert = self._partner("Cabinet Loire Expertise", "Expert", "31077")
        self.users = {}
        self.user = self._user(self.platform, login, "Martin", "Gestionnaire")
        self.insurer_user = self._user(self.insurer, "mutuelle.gst", "Morel", "Gestionnaire")
        self.expert_user = self._user(self.expert, "loire.expert", "Girard", "Gestionnaire")
        self.insured_user = self._user(self.insurer, "espace.assure", "Espace assuré", None)
        self.sender_users = {"Assure": self.insured_user, "Assureur": self.insurer_user,
                             "Expert": self.expert_user, "CentreDeGestion": self.user}

    # ================================================================ partners and users

    def _partner(self, name, kind, number):
        return {"id": data.object_id("5b"), "nom": name, "typePartenaire": kind,
                "numeroClient": number, "telephone": "+33 2 40 00 00 00",
                "adresse": {"adresse1": "1 quai de la Fosse", "codePostal": "44000",
                            "localite": "Nantes", "codePays": "FR"},
                "dateDeCreation": "2018-06-08T13:51:56+0200"}

    def _user(self, partner, login, name, role):
        user = {"id": data.object_id("5c"), "login": login, "partenaireId": partner["id"],
                "personne": {"nom": name, "prenom": "", "adresse": {},
                             "coordonnees": {"email": f"{login}@example.com"}},
                "roles": [{"name": role, "label": role}] if role else []}
        self.users[user["id"]] = user
        return user

    def render_user(self, user):
        href = f"{API}/partenaire/users/{user['id']}"
        steps = "&".join(f"etatMission={step}" for step in (
            "MissionRecue", "RendezVousChiffragePris", "ChiffrageEnAttenteDeValidation",
            "ChiffrageValide", "TravauxPlanifies", "FactureTravauxDeposee",
            "FactureGestionDeposee", "MissionTransmise", "MissionAcceptee"))
        partner_id = user["partenaireId"]
        return {"href": href, "properties": {
            **user, "version": 1, "dateDeCreation": "2018-06-08T13:51:56+0200",
            "dateDeDerniereModification": "2018-06-08T13:51:56+0200"},
            "links": data.links([
                ("commands", f"{href}/commands"), ("events", f"{href}/events"),
                ("linked-events", f"{href}/linkedEvents"),
                ("eventsNotCreatedByMe", f"{href}/othersEvents"),
                ("partenaire", f"{API}/partenaire/partenaires/{partner_id}"),
                ("abstractMissions", f"{API}/common/missions?prestataireId={partner_id}"),
                ("missions", f"{CTX}/missions?prestataireId={partner_id}&{steps}"),
            ])}

    def render_partner(self, partner):
        return {"href": f"{API}/partenaire/partenaires/{partner['id']}", "properties": {
            **{key: value for key, value in partner.items() if key != "typePartenaire"},
            "typePartenaire": data.label(partner["typePartenaire"]),
            "agrement": [{"name": "Standard", "label": "Standard"}], "version": 1,
            "dateDeDerniereModification": partner["dateDeCreation"]}, "links": []}

    def stop(self):
        """Stop at once: http.server looks for a shutdown twice a second, a connection wakes
        it (tests start and stop a simulator each)."""
        if self._server:
            threading.Timer(0.01, self._wake).start()
        super().stop()

    def _wake(self):
        try:
            socket.create_connection((self.host, self.port), timeout=0.5).close()
        except OSError:
            pass

    # ================================================================ HTTP plumbing

    def error_body(self, status, message, error_type=None, dev_message=None, forms=None):
        body = {"status": str(status), "errorType": error_type or ERROR_TYPES.get(status, "Erreur"),
                "userMessage": message}
        if dev_message:
            body["devMessage"] = dev_message
        if forms:
            body["formsError"] = json.dumps(forms, ensure_ascii=False)
        return json.dumps(body, ensure_ascii=False)

    def error(self, status, message, **kwargs):
        return Response(status, self.error_body(status, message, **kwargs),
                        content_type=self.error_content_type)

    @staticmethod
    def ok(body, status=200, headers=None):
        return Response(status, json.dumps(body, ensure_ascii=False), headers or {},
                        content_type="application/json; charset=utf-8")

    def _session(self, request):
        cookie = SimpleCookie(request.headers.get("cookie", ""))
        token = cookie["PLAY_SESSION"].value if "PLAY_SESSION" in cookie else None
        with self.data_lock:
            if token in self.sessions:
                expiry = self.sessions[token]
                if expiry is None or expiry > time.monotonic():
                    return token, None
                del self.sessions[token]
                self.ended_sessions.add(token)
        if token in self.ended_sessions:
            return None, self.error(401, "Votre session a expiré, veuillez vous reconnecter.",
                                    error_type="SessionExpiree")
        return None, self.error(401, "Vous devez être connecté pour accéder à cette ressource.")

    def _dispatch(self, request):
        if request.path in self.raw:
            return Response(200, self.raw[request.path], content_type="application/json")
        if request.path in (f"{API}/login",):
            response = super()._dispatch(request)
        else:
            _token, response = self._session(request)
            response = response or super()._dispatch(request)
        with self.data_lock:
            self.exchanges.append((request, response))
        return response

    def expire_sessions(self):
        """End every session now (Sinapps forgot them): the next call answers 401."""
        with self.data_lock:
            self.ended_sessions.update(self.sessions)
            self.sessions.clear()

    def page(self, request, items):
        """A list answer with Sinapps' pagination (``nbPage``, ``nbElements``)."""
        size = min(max(int(request.arg("nbElements") or 16), 1), MAX_PAGE)
        number = max(int(request.arg("nbPage") or 1), 1)
        pages = max(math.ceil(len(items) / size), 1)
        chunk = items[(number - 1) * size:number * size]
        query = {key: values for key, values in request.query.items()
                 if key not in ("nbPage", "nbElements")}

        def at(page):
            return f"{request.path}?" + urlencode({**query, "nbPage": page, "nbElements": size},
                                                  True)

        return self.ok({"href": at(number), "properties": {
            "totalNumberOfElements": len(items), "noPage": number, "nbElementPerPage": size,
            "nbElements": len(chunk), "firstPage": at(1), "lastPage": at(pages)},
            "items": chunk,
            "links": [{"rel": "firstPage", "href": at(1)}, {"rel": "lastPage", "href": at(pages)}]})

    # ================================================================ session

    @route("POST", rf"{API}/login")
    def login(self, request):
        try:
            body = json.loads(request.body or b"{}")
        except ValueError:
            return self.error(400, "Le flux de connexion n'est pas un JSON valide.")
        if not isinstance(body, dict) or not body.get("login") or not body.get("password"):
            return self.error(400, "Les champs login et password sont obligatoires.")
        if (body["login"], body["password"]) != (self.login_name, self.password):
            return self.error(401, "Identifiant ou mot de passe incorrect.")
        token = secrets.token_hex(20)
        with self.data_lock:
            self.sessions[token] = time.monotonic() + self.session_ttl \
                if self.session_ttl else None
        return self.ok(self.render_user(self.user),
                         headers={"Set-Cookie": f"PLAY_SESSION={token}; Path=/; HttpOnly"})

    @route("PUT", rf"{API}/logout")
    def logout(self, request):
        token, _error = self._session(request)
        with self.data_lock:
            self.sessions.pop(token, None)
        return Response(200, b"", {"Set-Cookie": "PLAY_SESSION=; Max-Age=0; Path=/"},
                        content_type="application/json")

    @route("GET", rf"{API}/partenaire/users/(?P<uid>{ID})")
    def get_user(self, request):
        user = self.users.get(request.params["uid"])
        return self.ok(self.render_user(user)) if user else self.error(404, "Utilisateur inconnu")

    @route("GET", rf"{API}/partenaire/users/(?P<uid>{ID})/commands")
    def user_commands(self, request):
        return self.ok({"href": request.path, "properties": {}, "items": []})

    @route("GET", rf"{API}/partenaire/partenaires/(?P<pid>{ID})")
    def get_partner(self, request):
        for partner in (self.platform, self.insurer, self.expert):
            if partner["id"] == request.params["pid"]:
                return self.ok(self.render_partner(partner))
        return self.error(404, "Partenaire inconnu")

    # ================================================================ events

    def record_event(self, user, items, mission_id=None):
        """Record one event of sub-events ``[(name, resource type, resource href, data)]``."""
        with self.data_lock:
            number = len(self.events) + 1
            subs = []
            for name, resource_type, href, values in items:
                digest = hashlib.sha1(f"{number}{name}{href}".encode()).hexdigest().upper()
                properties = {"ontologyId": "centre-gestion", "resourceType": resource_type,
                              "name": name, "userId": user["id"]}
                if values or mission_id:
                    properties["data"] = {**({"missionId": mission_id} if mission_id else {}),
                                          **(values or {})}
                subs.append({"href": f"{API}/events/{number}/{digest}", "properties": properties,
                             "links": data.links([
                                 ("user", f"{API}/partenaire/users/{user['id']}"),
                                 ("resource", href), ("commandEvent", f"{API}/events/{number}")])})
            self.events.append({"href": f"{API}/events/{number}", "properties": {"id": number},
                                "items": subs, "userId": user["id"], "missionId": mission_id})
            return number

    @staticmethod
    def _public_event(event):
        return {key: event[key] for key in ("href", "properties", "items")}

    @route("GET", rf"{API}/partenaire/users/(?P<uid>{ID})/"
                  r"(?P<feed>events|linkedEvents|othersEvents)")
    def user_events(self, request):
        return self._feed(request, request.params["feed"])

    @route("GET", rf"{CTX}/missions/(?P<mid>{ID})/events")
    def mission_events(self, request):
        return self._feed(request, "linkedEvents", request.params["mid"])

    def _feed(self, request, feed, mission_id=None):
        try:
            since = int(request.arg("since") or 0)
            size = min(max(int(request.arg("maxEvents") or 50), 1), MAX_PAGE)
        except ValueError:
            return self.error(400, "Les filtres since et maxEvents sont des nombres.")
        names = {name for value in request.query.get("eventNames", [])
                 for name in value.split(",") if name}
        mine = self.user["id"]
        with self.data_lock:
            chosen = [event for event in self.events if event["properties"]["id"] > since
                      and (feed != "events" or event["userId"] == mine)
                      and (feed != "othersEvents" or event["userId"] != mine)
                      and (not mission_id or event["missionId"] == mission_id)
                      and (not names or names & {s["properties"]["name"] for s in event["items"]})]
        chosen = chosen[:size]
        href = f"{request.path}?{urlencode(request.query, True)}"
        return self.ok({"href": href, "properties": {
            "totalNumberOfElements": len(chosen), "noPage": 1, "nbElementPerPage": size,
            "nbElements": len(chosen), "firstPage": href, "lastPage": href},
            "items": [self._public_event(event) for event in chosen],
            "filters": {"/since": {"type": "long", "optional": True},
                        "/maxEvents": {"type": "long", "optional": True},
                        "/eventNames": {"type": {"array": {"type": "string"}}, "optional": True}}})

    @route("GET", rf"{API}/events/(?P<number>\d+)")
    def get_event(self, request):
        number = int(request.params["number"])
        if not 0 < number <= len(self.events):
            return self.error(404, f"Événement {number} inconnu")
        return self.ok(self._public_event(self.events[number - 1]))

    # ================================================================ missions

    @route("GET", rf"{API}/(common|centre-gestion)/missions")
    def list_missions(self, request):
        steps = set(request.query.get("etatMission", []))
        with self.data_lock:
            items = [self._mission_item(mission) for mission in self.missions.values()
                     if not steps or mission["etape"] in steps]
        return self.page(request, items)

    def _mission_item(self, mission):
        claim = mission["dossier"]["sinistre"]
        insured = next((a["personne"] for a in mission["dossier"].get("acteurs", [])
                        if a.get("typeActeur", {}).get("name") == "Assure"), {"nom": "?"})
        item = {"id": mission["id"], "assureurId": mission["assureurId"],
                "prestataireId": mission["prestataireId"], "numero": mission["numero"],
                "lieu": f"{claim['adresse'].get('localite', '')}, "
                        f"{claim['adresse'].get('codePostal', '')}",
                "departement": claim["adresse"].get("codePostal", "")[:2],
                "typeMission": data.label(mission["typeMission"]),
                "etapeMission": data.label(mission["etape"]),
                "etatPrestation": data.label(mission["etape"]),
                "dateDeMissionnement": mission["dateDeMissionnement"],
                "dateCreation": mission["dateDeMissionnement"], "mandant": "centre-gestion",
                "referenceSinistre": claim["reference"], "assure": insured["nom"],
                "pourcentageAvancement": 0, "cloture": mission["statut"] in ("Terminee", "Annulee"),
                "difficulteBloquante": False, "difficulteNonBloquante": False,
                "finDeMissionDemandee": False}
        for key in ("nature", "cause"):
            if claim["caracteristiques"].get(key):
                item[key] = claim["caracteristiques"][key]
        return {"href": f"{CTX}/missions/{mission['id']}", "properties": item, "links": []}

    def _get(self, table, key, what):
        with self.data_lock:
            record = table.get(key)
        return record, None if record else self.error(404, f"{what} {key} introuvable")

    @route("GET", rf"{CTX}/missions/(?P<mid>{ID})")
    def get_mission(self, request):
        mission, error = self._get(self.missions, request.params["mid"], "Mission")
        return error or self.ok(data.render_mission(mission, CTX))

    @route("GET", rf"{CTX}/missions/(?P<mid>{ID})/historique")
    def mission_history(self, request):
        mission, error = self._get(self.missions, request.params["mid"], "Mission")
        return error or self.page(request, [
            {"etape": data.label(step), "date": moment, "auteurId": author}
            for step, moment, author in mission["history"]])

    @route("GET", rf"{CTX}/missions/(?P<mid>{ID})/"
                  r"(?P<what>prestations|sollicitations|devis|factures)")
    def mission_children(self, request):
        mission, error = self._get(self.missions, request.params["mid"], "Mission")
        if error:
            return error
        what = request.params["what"]
        table, render = {"prestations": (self.prestations, self.render_prestation),
                         "sollicitations": (self.sollicitations, self.render_sollicitation),
                         "devis": (self.quotes, self.render_quote),
                         "factures": (self.invoices, self.render_invoice)}[what]
        with self.data_lock:
            items = [render(record) for record in table.values()
                     if record["missionId"] == mission["id"]]
        return self.page(request, items)

    def render_prestation(self, prestation):
        href = f"{CTX}/prestations/{prestation['id']}"
        properties = {key: value for key, value in prestation.items() if key not in (
            "etat", "typePrestation", "criticite", "rendezVous")}
        properties.update(etat=data.label(prestation["etat"]),
                          typePrestation=data.label(prestation["typePrestation"]),
                          criticite=data.label(prestation["criticite"]))
        return {"href": href, "properties": properties, "links": data.links([
            ("commands", f"{href}/commands"), ("mission", f"{CTX}/missions/"
                                                          f"{prestation['missionId']}")])}

    @route("GET", rf"{CTX}/prestations/(?P<pid>{ID})")
    def get_prestation(self, request):
        prestation, error = self._get(self.prestations, request.params["pid"], "Prestation")
        return error or self.ok(self.render_prestation(prestation))

    # ================================================================ attachments

    def render_attachment(self, attachment):
        href = f"{API}/pieceJointe/piecesJointes/{attachment['id']}"
        properties = {key: value for key, value in attachment.items()
                      if key not in ("content", "visible", "type")}
        properties["type"] = data.label(attachment["type"])
        return {"href": href, "properties": properties,
                "links": data.links([("raw", f"{href}/raw")])}

    @route("GET", rf"{API}/pieceJointe/piecesJointes")
    def list_attachments(self, request):
        mission_id = request.arg("missionId")
        sollicitation_id = request.arg("sollicitationId")
        if not (mission_id or sollicitation_id):
            return self.error(400, "Le filtre missionId ou sollicitationId est obligatoire.")
        archived = request.arg("archived", "false") == "true"
        with self.data_lock:
            items = [self.render_attachment(a) for a in self.attachments.values()
                     if a["visible"] and a["archived"] == archived
                     and (not mission_id or a["missionId"] == mission_id)
                     and (not sollicitation_id or a.get("sollicitationId") == sollicitation_id)]
        return self.page(request, items)

    @route("GET", rf"{API}/pieceJointe/piecesJointes/(?P<aid>{ID})")
    def get_attachment(self, request):
        attachment, error = self._get(self.attachments, request.params["aid"], "Pièce jointe")
        if not error and not attachment["visible"]:
            error = self.error(403, "Cette pièce jointe n'est pas partagée avec vous.")
        return error or self.ok(self.render_attachment(attachment))

    @route("GET", rf"{API}/pieceJointe/piecesJointes/(?P<aid>{ID})/raw")
    def get_attachment_raw(self, request):
        attachment, error = self._get(self.attachments, request.params["aid"], "Pièce jointe")
        if not error and not attachment["visible"]:
            error = self.error(403, "Cette pièce jointe n'est pas partagée avec vous.")
        return error or Response(200, attachment["content"], {
            "Content-Disposition": f'attachment; filename="{attachment["nom"]}"'},
            content_type=attachment["contentType"])

    def store_attachment(self, mission_id, kind, name, content, content_type, author,
                         visible=True, sollicitation_id=None, description=None):
        attachment = {"id": data.object_id(), "missionId": mission_id, "nom": name,
                      "type": kind, "contentType": content_type, "taille": len(content),
                      "auteurId": author["id"], "dateDeCreation": data.sinapps_datetime(),
                      "archived": False, "content": content, "visible": visible}
        if sollicitation_id:
            attachment["sollicitationId"] = sollicitation_id
        if description:
            attachment["descriptif"] = description
        with self.data_lock:
            self.attachments[attachment["id"]] = attachment
        return attachment

    # ================================================================ the others

    def add_mission(self, spec, expert=True):
        """The insurer missions the platform on a file (``data.make_mission``); Sinapps shares
        the attachments of ``data.SHARED_TYPES`` with it. Returns the mission id."""
        spec = dict(spec)
        attachments = spec.pop("attachments", [])
        mission = {**spec, "id": data.object_id(), "dossierId": data.object_id(),
                   "assureurId": self.insurer["id"], "prestataireId": self.platform["id"],
                   "expertId": self.expert["id"] if expert else None,
                   "history": [(spec["etape"], spec["dateDeMissionnement"],
                                self.insurer_user["id"])]}
        kind = {"RechercheDeFuite": "RechercheDeFuite",
                "UrgenceHabitation": "UrgenceHabitation"}.get(spec["typeMission"], "Reparation")
        prestation = {"id": data.object_id(), "missionId": mission["id"], "etat": spec["etape"],
                      "typePrestation": kind, "criticite": spec.get("criticite", "Normale"),
                      "cloturee": False, "version": 1, "avecDelegation": False,
                      "complexe": False, "datePrestation": spec["dateDeMissionnement"],
                      "dateDeCreation": spec["dateDeMissionnement"],
                      "dateDeDerniereModification": spec["dateDeMissionnement"]}
        mission.pop("criticite", None)
        with self.data_lock:
            self.missions[mission["id"]] = mission
            self.prestations[prestation["id"]] = prestation
        for kind_code, name in attachments:
            content_type, content = data.attachment_file(name, f"{kind_code} {spec['numero']}")
            self.store_attachment(mission["id"], kind_code, name, content, content_type,
                                  self.insurer_user, visible=kind_code in data.SHARED_TYPES)
        mission_href = f"{CTX}/missions/{mission['id']}"
        self.record_event(self.insurer_user, [
            ("MissionCreee", "missions", mission_href, None),
            ("PrestationCreee", "prestations", f"{CTX}/prestations/{prestation['id']}", None),
        ], mission["id"])
        return mission["id"]

    def prestation_of(self, mission_id):
        with self.data_lock:
            return next(p for p in self.prestations.values() if p["missionId"] == mission_id)

    def set_step(self, mission_id, step, user=None, status=None, items=(), data_values=None):
        """The mission moves to ``step`` (its prestation too); one event: ``items``, then
        MissionEtatChange and EtatPrestationModifie (``status``, default the step)."""
        user = user or self.insurer_user
        with self.data_lock:
            mission = self.missions[mission_id]
            prestation = self.prestation_of(mission_id)
            mission["etape"] = prestation["etat"] = step
            mission["statut"] = {"Annulee": "Annulee", "MissionAnnulee": "Annulee",
                                 "MissionTraitee": "Terminee", "MissionCloseSansResolution":
                                 "Terminee", "FactureGestionDeposee": "Terminee",
                                 "MissionRefusee": "Terminee", "MissionArretee": "Terminee",
                                 }.get(step, "EnCours")
            prestation["cloturee"] = mission["statut"] in ("Terminee", "Annulee")
            prestation["version"] += 1
            prestation["dateDeDerniereModification"] = data.sinapps_datetime()
            mission["history"].append((step, data.sinapps_datetime(), user["id"]))
        return self.record_event(user, [
            *items,
            ("MissionEtatChange", "missions", f"{CTX}/missions/{mission_id}",
             {"etatMission": step, **(data_values or {})}),
            ("EtatPrestationModifie", "prestations", f"{CTX}/prestations/{prestation['id']}",
             {"status": status or step}),
        ], mission_id)

    def cancel_mission(self, mission_id, comment="Sinistre classé sans suite"):
        """The insurer cancels the mission (MissionAnnulee, then the step Annulee)."""
        with self.data_lock:
            self.missions[mission_id]["annulationMission"] = {
                "motifAnnulation": {"name": "Indetermine", "label": "Le motif est indéterminé"},
                "commentaire": comment}
        return self.set_step(mission_id, "Annulee", items=[
            ("MissionAnnulee", "missions", f"{CTX}/missions/{mission_id}", None)])

    def add_shared_attachment(self, mission_id, kind, name, content=None):
        """The insurer or the expert adds a file shared with the platform (PieceJointeAjoutee)."""
        content_type, default = data.attachment_file(name, name)
        attachment = self.store_attachment(mission_id, kind, name, content or default,
                                           content_type, self.insurer_user)
        self.record_event(self.insurer_user, [(
            "PieceJointeAjoutee", "piecesJointes",
            f"{API}/pieceJointe/piecesJointes/{attachment['id']}", {"type": kind})], mission_id)
        return attachment["id"]

    def add_sollicitation(self, mission_id, sender, kind, message, due_date=None, files=()):
        """The insured, the insurer or the expert asks the platform (``sender``: Assure,
        Assureur, Expert; ``kind``: a TypeSollicitation code); refused as Sinapps refuses."""
        problem = self.sollicitation_problem(self.missions[mission_id], sender,
                                             "CentreDeGestion", kind)
        if problem:
            raise ValueError(problem[1])
        return self.create_sollicitation(mission_id, sender, "CentreDeGestion", kind, message,
                                         due_date, files)[0]

    def answer_sollicitation(self, sollicitation_id, message, files=()):
        """The expert or the insurer answers a sollicitation the platform sent."""
        sollicitation = self.sollicitations[sollicitation_id]
        if sollicitation["destinataire"] == "CentreDeGestion" or sollicitation["reponse"]:
            raise ValueError("only an open sollicitation sent by the platform is answered here")
        return self.reply(sollicitation, self.sender_users[sollicitation["destinataire"]],
                          message, files)

    def decide_quote(self, quote_id, accept=True, comment=None):
        """The insurer or the expert (the quote's validation says which) decides a quote."""
        quote = self.quotes[quote_id]
        by = {"ValidationAssureur": "Assureur", "ValidationExpert": "Expert"}.get(
            quote["validation"])
        if not by or quote["etat"] != "EnAttenteDeValidation":
            raise ValueError("this quote does not wait for the insurer or the expert")
        return self.decide(quote, by, accept, comment, self.sender_users[by])


def main():
    """Serve a Sinapps simulator with demo missions: ``python -m tests.simulators.sinapps``.

    Prints the address on its first line; on Ctrl-C (SIGINT) stops and prints how many
    requests it served.
    """
    import argparse  # noqa: PLC0415

    parser = argparse.ArgumentParser(description=main.__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8071, help="0: any free port")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--missions", type=int, default=3, help="how many missions to serve")
    parser.add_argument("--session-ttl", type=float, default=None,
                        help="seconds before a session expires (default: never)")
    args = parser.parse_args()
    simulator = SinappsSimulator(host=args.host, port=args.port, session_ttl=args.session_ttl)
    for n in range(1, args.missions + 1):
        kind = ("RenDirecte", "RenSuiteExpertise", "RechercheDeFuite")[(n - 1) % 3]
        mission_id = simulator.add_mission(data.make_mission(n, type_mission=kind))
        if n == 1:
            simulator.add_sollicitation(mission_id, "Assureur", "DemandeDePieces",
                                        "Merci de transmettre les photos avant travaux.",
                                        due_date="2026-02-15")
    simulator.start()
    print(f"Sinapps simulator on {simulator.url}{API}/login "
          f"(login {simulator.login_name} / {simulator.password})", flush=True)
    wait_until_stopped()
    simulator.stop()
    print(f"served {len(simulator.requests)} requests", flush=True)
