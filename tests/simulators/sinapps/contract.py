# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The Sinapps contract as JSON Schema, and the table of CONTRACT.md in code.

``Contract()`` loads Darva's Swagger 2.0 files and ours (``sinapps-ours.yaml``) into one
registry of JSON Schema draft 4 resources: a Swagger file's definitions are draft-4-like, and
their ``$ref: '#/definitions/X'`` resolve inside their own file, ours across files by name.
``contract.errors(instance, [(file, pointer, where)])`` lists what is wrong; ``check_exchange``
finds the definitions a request and its answer follow (``ROUTES``) and checks both.

Darva's files are not in this repository: ``SINAPPS_SPECS`` names their folder, else
``../shared/specs/sinapps`` beside the repository. Without them ``contract.swagger`` is False
and only our definitions are checked (the simulator needs no more: its command payloads refer
to nothing outside our file).
"""

import json
import os
import re
import threading
from pathlib import Path

import yaml
from jsonschema import Draft4Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

HERE = Path(__file__).parent
REPO = HERE.parents[2]
OURS = "sinapps-ours.yaml"
TRANSVERSE = "api-sinapps-transverse-v3.1.yaml"
EXPERTISE = "api-sinapps-expertise-v3.1.yaml"
TEXA = "api-sinapps-expertise-v3-texa-0.4.1.yaml"
SWAGGER_FILES = (TRANSVERSE, EXPERTISE, TEXA)
BASE_URI = "file:///sinapps/"
_ID = r"[0-9a-f]{24}"


def specs_dir():
    return Path(os.environ.get("SINAPPS_SPECS") or REPO.parent / "shared" / "specs" / "sinapps")


def _d(file, name, where=""):
    return (file, f"/definitions/{name}", where)


ERROR = [_d(TRANSVERSE, "Erreur")]
USER = [_d(EXPERTISE, "RessourceUser"), _d(TEXA, "RessourceUser")]
EVENTS = [_d(EXPERTISE, "EvenementsPartenaire")]
RESULT = [_d(EXPERTISE, "ResultatCommande"), _d(TEXA, "ResultatCommande")]
MISSION = [_d(OURS, "RessourceMissionCentreDeGestion"),
           _d(EXPERTISE, "DossierRepresentation", "/properties/dossier"),
           _d(TEXA, "DossierRepresentation", "/properties/dossier"),
           _d(EXPERTISE, "Mission", "/properties/mission")]
PLATFORM = [_d(OURS, "RessourcePartenaireCentreDeGestion")]
PARTNER = [_d(TRANSVERSE, "RessourcePartenaire"), _d(TEXA, "RessourcePartenaire")]
LOGIN = [_d(TEXA, "RequeteConnexion"),
         (TRANSVERSE, "/paths/~1api~1login/post/parameters/0/schema", "")]
# Command name -> definitions of its payload (the "data" part of a multipart one).
COMMANDS = {
    "prendreRendezVous": [_d(TEXA, "CommandePrendreRendezVous")],
    "ajouterPiecesJointes": [_d(OURS, "MetaPiecesJointes")],
    "planifierIntervention": [_d(OURS, "CommandePlanifierIntervention")],
    "creerSollicitation": [_d(OURS, "CommandeCreerSollicitation")],
    "repondreSollicitation": [_d(OURS, "CommandeRepondreSollicitation")],
    "deposerDevis": [_d(OURS, "CommandeDeposerDevis")],
    "validerDevis": [_d(OURS, "CommandeValiderDevis")],
    "deposerFacture": [_d(OURS, "CommandeDeposerFacture")],
    "changerEtapeMission": [_d(OURS, "CommandeChangerEtapeMission")],
}
MULTIPART_COMMANDS = ("ajouterPiecesJointes", "creerSollicitation", "repondreSollicitation",
                      "deposerDevis", "deposerFacture")
# (method, path regex, definitions of the request body, definitions of the answer); a
# callable picks the answer's definitions from the answer; None: not JSON (a file, empty).
ROUTES = [
    ("POST", r"/core/api/login", LOGIN, USER),
    ("PUT", r"/core/api/logout", [_d(TEXA, "CommandeDeconnexion")], None),
    ("GET", rf"/core/api/partenaire/users/{_ID}", None, USER),
    ("GET", r".*/(events|linkedEvents|othersEvents)", None, EVENTS),
    ("GET", r"/core/api/events/\d+", None, [_d(EXPERTISE, "RessourceEvenements")]),
    ("GET", rf"/core/api/partenaire/partenaires/{_ID}", None,
     lambda body: PLATFORM if body["properties"].get("typePartenaire", {}).get("name")
     == "CentreDeGestion" else PARTNER),
    ("GET", r"/core/api/(common|centre-gestion)/missions", None,
     [_d(TEXA, "ListeAbstractMissions")]),
    ("GET", rf"/core/api/centre-gestion/missions/{_ID}", None, MISSION),
    ("GET", r".*/commands", None, [_d(OURS, "ListeCommandes")]),
    ("GET", r".*/commands/\w+", None, [_d(OURS, "Commande")]),
    ("PUT", r".*/commands/(?P<command>\w+)/test", "command", [_d(OURS, "ResultatTest")]),
    ("PUT", r".*/commands/(?P<command>\w+)", "command", RESULT),
    ("GET", r"/core/api/pieceJointe/piecesJointes", None, [_d(OURS, "ListePiecesJointes")]),
    ("GET", rf"/core/api/pieceJointe/piecesJointes/{_ID}", None,
     [_d(OURS, "RessourcePieceJointe")]),
    ("GET", rf"/core/api/pieceJointe/piecesJointes/{_ID}/raw", None, None),
    ("GET", rf".*/missions/{_ID}/historique", None, [_d(OURS, "ListeHistorique")]),
    ("GET", rf".*/missions/{_ID}/prestations", None, [_d(OURS, "ListePrestations")]),
    ("GET", rf".*/missions/{_ID}/sollicitations", None, [_d(OURS, "ListeSollicitations")]),
    ("GET", rf".*/missions/{_ID}/devis", None, [_d(OURS, "ListeDevis")]),
    ("GET", rf".*/missions/{_ID}/factures", None, [_d(OURS, "ListeFactures")]),
    ("GET", rf".*/prestations/{_ID}", None, [_d(OURS, "RessourcePrestationCentreDeGestion")]),
    ("GET", rf".*/sollicitations/{_ID}", None, [_d(OURS, "RessourceSollicitation")]),
    ("GET", rf".*/devis/{_ID}", None, [_d(OURS, "RessourceDevis")]),
    ("GET", rf".*/factures/{_ID}", None, [_d(OURS, "RessourceFacture")]),
]


def load_yaml(path):
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader)  # noqa: S506 - a safe loader


def parse_multipart(content_type, body):
    """The parts of a multipart/form-data body: [{name, filename, content_type, content}]."""
    match = re.search(r'boundary="?([^";]+)"?', content_type or "")
    if not (content_type or "").startswith("multipart/form-data") or not match:
        raise ValueError(f"not a multipart/form-data body ({content_type!r})")
    parts = []
    for chunk in body.split(b"--" + match.group(1).encode())[1:]:
        if chunk.startswith(b"--"):
            break
        head, _sep, content = chunk.removeprefix(b"\r\n").partition(b"\r\n\r\n")
        headers = {}
        for line in head.decode("utf-8", "replace").split("\r\n"):
            key, _sep, value = line.partition(":")
            headers[key.strip().lower()] = value.strip()
        disposition = headers.get("content-disposition", "")
        name = re.search(r'\bname="([^"]*)"', disposition)
        filename = re.search(r'\bfilename="([^"]*)"', disposition)
        parts.append({"name": name and name.group(1), "filename": filename and filename.group(1),
                      "content_type": headers.get("content-type", "text/plain"),
                      "content": content.removesuffix(b"\r\n")})
    return parts


def json_part(parts, name="data"):
    """The JSON of the part ``name`` of a multipart body, or None."""
    for part in parts:
        if part["name"] == name:
            return json.loads(part["content"])
    return None


class Contract:
    """Validators of Darva's definitions and ours, by (file, JSON pointer)."""

    _shared = {}
    _lock = threading.Lock()

    def __init__(self, swagger=True):
        documents = {OURS: load_yaml(HERE / OURS)}
        folder = specs_dir()
        self.swagger = swagger and all((folder / name).is_file() for name in SWAGGER_FILES)
        if self.swagger:
            documents.update({name: load_yaml(folder / name) for name in SWAGGER_FILES})
        self.registry = Registry().with_resources(
            (BASE_URI + name, Resource(contents=doc, specification=DRAFT4))
            for name, doc in documents.items()
        )
        self._validators = {}

    @classmethod
    def shared(cls, swagger=True):
        """One contract per process and kind: Darva's files take a second to load."""
        with cls._lock:
            if swagger not in cls._shared:
                cls._shared[swagger] = cls(swagger)
            return cls._shared[swagger]

    def validator(self, file, pointer):
        key = (file, pointer)
        if key not in self._validators:
            self._validators[key] = Draft4Validator(
                {"$ref": f"{BASE_URI}{file}#{pointer}"}, registry=self.registry)
        return self._validators[key]

    def errors(self, instance, targets):
        """Messages of what ``instance`` breaks of each (file, pointer, where) target; the
        targets of Darva's files are skipped when they are not loaded."""
        problems = []
        for file, pointer, where in targets:
            if file != OURS and not self.swagger:
                continue
            part = instance
            for key in [k for k in where.split("/") if k]:
                part = part.get(key) if isinstance(part, dict) else None
            for error in self.validator(file, pointer).iter_errors(part):
                location = "/".join(str(p) for p in error.absolute_path)
                problems.append(f"{file}#{pointer} at {where}/{location}: {error.message}")
        return problems

    def payload_errors(self, command, payload):
        """Messages of what a command's payload breaks (our commands need only our file)."""
        return self.errors(payload, COMMANDS.get(command, []))

    def check_exchange(self, method, path, request_headers, request_body, status,
                       response_body, check_request=True):
        """Messages of what a request and its answer break of the contract ([] when none);
        ``check_request`` False checks the answer only (a test sending a bad request on
        purpose)."""
        found = next(((match, requests_, responses) for route_method, pattern, requests_,
                      responses in ROUTES if route_method == method
                      and (match := re.fullmatch(pattern, path))), None)
        if not found:
            return [f"{method} {path}: not in the contract"]
        match, request_targets, response_targets = found
        problems = []
        if not check_request:
            request_targets = None
        if request_targets == "command":
            command = match.group("command")
            request_targets = COMMANDS.get(command)
            if request_targets is None:
                problems.append(f"{method} {path}: unknown command {command}")
            elif command in MULTIPART_COMMANDS:
                try:
                    parts = parse_multipart(request_headers.get("content-type"), request_body)
                    payload = json_part(parts)
                except ValueError as err:
                    problems.append(f"{method} {path}: {err}")
                    request_targets, payload = [], None
                problems += self.errors(payload, request_targets)
                request_targets = []
        if request_targets:
            problems += self._json_errors(request_body, request_targets, f"{method} {path}")
        if status >= 400:
            response_targets = ERROR
        if response_targets is not None:
            if callable(response_targets):
                response_targets = response_targets(json.loads(response_body))
            problems += self._json_errors(response_body, response_targets, f"answer to {path}")
        return problems

    def _json_errors(self, body, targets, what):
        try:
            instance = json.loads(body)
        except ValueError as err:
            return [f"{what}: not JSON ({err})"]
        return self.errors(instance, targets)
