# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The simulator serves the contract: sessions, events, missions, commands, errors, faults.

Raw HTTP here (the client has its own tests); every exchange is checked against Darva's Swagger
definitions and ours when each test ends (``sim`` fixture).
"""

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from jsonschema import Draft4Validator

from .contract import ERROR, OURS, SWAGGER_FILES, Contract, load_yaml, specs_dir
from .data import SHARED_TYPES, make_mission, make_pdf
from .server import SinappsSimulator

REPO = Path(__file__).resolve().parents[3]
BAD_ON_PURPOSE = {"X-Deliberately-Invalid": "1"}  # the contract checks only the answer
APPOINTMENT = {"horaire": {"name": "HoraireFixe",
                           "value": {"date": "2026-01-20", "heure": "09:00"}},
               "typeRendezVous": {"name": "Site"}, "dureeRendezVous": 60,
               "nomIntervenant": "Bernard", "prenomIntervenant": "Luc",
               "telephoneIntervenant": "+33 6 11 22 33 44", "referenceIntervenant": "PLB-7"}


class Desk:
    """The platform's side in raw HTTP: logs in, follows links by rel."""

    def __init__(self, sim):
        self.sim = sim
        self.http = requests.Session()
        self.user = self.post("/core/api/login", json={"login": "centre", "password": "s3cret"})

    def url(self, href):
        return self.sim.url + href

    def post(self, href, **kwargs):
        answer = self.http.post(self.url(href), timeout=5, **kwargs)
        answer.raise_for_status()
        return answer.json()

    def get(self, href, **params):
        answer = self.http.get(self.url(href), params=params, timeout=5)
        answer.raise_for_status()
        return answer.json()

    @staticmethod
    def link(resource, rel):
        return next(link["href"] for link in resource["links"] if link["rel"] == rel)

    def command(self, resource, name):
        listing = self.get(self.link(resource, "commands"))
        item = next(i for i in listing["items"] if i["properties"]["name"] == name)
        command = self.get(item["href"])
        return {action["rel"]: action["href"] for action in command["actions"]}


@pytest.fixture
def desk(sim):
    return Desk(sim)


def test_darvas_swagger_files_are_found(contract):
    if not contract.swagger:
        pytest.skip(f"Darva's Swagger files are not in {specs_dir()} (set SINAPPS_SPECS): "
                    "only our definitions were checked")
    assert all((specs_dir() / name).is_file() for name in SWAGGER_FILES)


def test_our_definitions_are_valid_draft_4_schemas():
    ours = load_yaml(Path(__file__).with_name(OURS))
    assert "OURS" in ours["info"]["title"]
    for definition in ours["definitions"].values():
        Draft4Validator.check_schema(definition)


def test_login_sets_the_play_session_cookie_and_answers_the_user(sim):
    answer = requests.post(f"{sim.url}/core/api/login", json={"login": "centre",
                                                              "password": "s3cret"}, timeout=5)
    assert answer.status_code == 200 and answer.cookies.get("PLAY_SESSION")
    user = answer.json()
    assert user["properties"]["login"] == "centre"
    assert {link["rel"] for link in user["links"]} >= {"linked-events", "missions", "partenaire"}
    assert all("referer=" in link["href"] for link in user["links"])


def test_wrong_password_is_a_401_in_sinapps_shape(sim):
    answer = requests.post(f"{sim.url}/core/api/login", json={"login": "centre",
                                                              "password": "no"}, timeout=5)
    assert answer.status_code == 401
    assert answer.json()["userMessage"] == "Identifiant ou mot de passe incorrect."


def test_a_session_expires_and_is_refused_until_the_next_login(sim, desk):
    missions = desk.link(desk.user, "missions")
    assert requests.get(sim.url + missions, timeout=5).status_code == 401, "no cookie"
    desk.get(missions)
    sim.expire_sessions()
    answer = desk.http.get(desk.url(missions), timeout=5)
    assert answer.status_code == 401 and answer.json()["errorType"] == "SessionExpiree"
    Desk(sim).get(missions)


def test_a_session_ends_after_its_time_to_live(contract):
    with SinappsSimulator(session_ttl=0.2) as short:
        desk = Desk(short)
        desk.get(desk.link(desk.user, "missions"))
        time.sleep(0.3)
        answer = desk.http.get(desk.url(desk.link(desk.user, "missions")), timeout=5)
        assert answer.status_code == 401 and answer.json()["errorType"] == "SessionExpiree"
        assert not contract.check_exchange("GET", "/core/api/centre-gestion/missions", {}, b"",
                                           401, answer.content)


def test_events_since_max_events_and_replay(sim, desk):
    first = sim.add_mission(make_mission(1))
    sim.add_mission(make_mission(2))
    sim.add_sollicitation(first, "Assureur", "Commentaire", "Le locataire a rappelé.")
    feed = desk.link(desk.user, "linked-events")
    everything = desk.get(feed, since=0)
    assert [e["properties"]["id"] for e in everything["items"]] == [1, 2, 3]
    assert [s["properties"]["name"] for s in everything["items"][0]["items"]] == [
        "MissionCreee", "PrestationCreee"]
    after_one = desk.get(feed, since=1, maxEvents=1)
    assert [e["properties"]["id"] for e in after_one["items"]] == [2]
    assert desk.get(feed, since=1, maxEvents=1) == after_one, "a replay answers the same"
    comment = desk.get(feed, since=0, eventNames="CommentaireAjoute")["items"]
    assert [e["properties"]["id"] for e in comment] == [3]
    assert comment[0]["items"][0]["properties"]["resourceType"] == "sollicitations"
    assert desk.get(desk.link(desk.user, "eventsNotCreatedByMe"), since=0)["items"]
    assert not desk.get(desk.link(desk.user, "events"), since=0)["items"], "none of ours yet"
    single = desk.get(Desk.link(everything["items"][0]["items"][0], "commandEvent"))
    assert single["properties"]["id"] == 1


def test_a_mission_shares_only_the_listed_types_of_attachments(sim, desk):
    mission_id = sim.add_mission(make_mission(3))
    event = desk.get(desk.link(desk.user, "linked-events"), since=0)["items"][0]
    mission = desk.get(Desk.link(event["items"][0], "resource"))
    assert mission["properties"]["mission"]["numero"] == "M-2026-00003"
    listed = desk.get(desk.link(mission, "piecesJointes"))["items"]
    assert sorted(a["properties"]["type"]["name"] for a in listed) == sorted(SHARED_TYPES)
    raw = desk.http.get(desk.url(desk.link(listed[0], "raw")), timeout=5)
    assert raw.status_code == 200 and raw.content.startswith(b"%PDF")
    hidden = next(a for a in sim.attachments.values() if a["type"] == "NoteInterneAssureur")
    assert hidden["missionId"] == mission_id
    answer = desk.http.get(desk.url(f"/core/api/pieceJointe/piecesJointes/{hidden['id']}/raw"),
                           timeout=5)
    assert answer.status_code == 403


def test_the_missions_list_pages_with_nb_page_and_nb_elements(sim, desk):
    for n in range(1, 21):
        sim.add_mission(make_mission(n))
    missions = desk.link(desk.user, "missions")
    pages = [desk.get(missions, nbPage=page, nbElements=8) for page in (1, 2, 3)]
    assert [p["properties"]["nbElements"] for p in pages] == [8, 8, 4]
    assert pages[0]["properties"]["totalNumberOfElements"] == 20
    assert "nbPage=3" in desk.link(pages[0], "lastPage")
    numbers = [i["properties"]["numero"] for p in pages for i in p["items"]]
    assert len(set(numbers)) == 20


def _prestation(desk, mission_id):
    mission = desk.get(f"/core/api/centre-gestion/missions/{mission_id}")
    return desk.get(desk.link(mission, "prestations"))["items"][0]


def test_a_command_test_records_nothing_and_its_submit_records_an_event(sim, desk):
    prestation = _prestation(desk, sim.add_mission(make_mission(4)))
    actions = desk.command(prestation, "prendreRendezVous")
    before = len(sim.events)
    tested = desk.http.put(desk.url(actions["test"]), json=APPOINTMENT, timeout=5)
    assert tested.status_code == 200 and tested.json()["properties"]["valide"] is True
    assert len(sim.events) == before
    done = desk.http.put(desk.url(actions["submit"]), json=APPOINTMENT, timeout=5).json()
    event = desk.get(Desk.link(done, "event"))
    assert [s["properties"]["name"] for s in event["items"]] == [
        "RendezVousPris", "MissionEtatChange", "EtatPrestationModifie"]
    assert prestation["properties"]["etat"]["name"] == "MissionRecue"
    assert _prestation(desk, prestation["properties"]["missionId"])["properties"]["etat"][
        "name"] == "RendezVousChiffragePris"


@pytest.mark.parametrize("change, rule", [
    ({"typeRendezVous": None}, "RG_FORMAT"),
    ({"horaire": {"name": "HorairePlage", "value": {
        "date": "2026-01-20", "heureDebut": "08:00", "heureFin": "12:00"}}},
     "RG_RENDEZVOUS_STD_0012"),
    ({"horaire": {"name": "HoraireFixe", "value": {"date": "2026-01-02", "heure": "08:00"}}},
     "RG_RENDEZVOUS_STD_0002"),
])
def test_a_bad_command_answers_a_validation_error_in_sinapps_shape(sim, desk, change, rule):
    prestation = _prestation(desk, sim.add_mission(make_mission(5)))
    payload = {key: value for key, value in {**APPOINTMENT, **change}.items() if value}
    answer = desk.http.put(desk.url(desk.command(prestation, "prendreRendezVous")["test"]),
                           json=payload, headers=BAD_ON_PURPOSE, timeout=5)
    assert answer.status_code == 400
    body = answer.json()
    assert body["devMessage"] == rule and body["userMessage"]


def test_a_command_the_state_does_not_allow_is_not_offered(sim, desk):
    prestation = _prestation(desk, sim.add_mission(make_mission(6)))
    listing = desk.get(desk.link(prestation, "commands"))
    offered = [item["properties"]["name"] for item in listing["items"]]
    assert offered == ["prendreRendezVous", "deposerDevis"]
    invoice = {"numero": "F-1", "dateFacture": "2026-02-01",
               "typeFacture": {"name": "FactureTravaux"},
               "lignes": [{"libelle": "Peinture", "quantite": 1, "prixUnitaireHT": 100,
                           "tauxTVA": 10, "montantHT": 100}],
               "montantHT": 100, "montantTVA": 10, "montantTTC": 110}
    href = desk.link(prestation, "commands").split("?")[0] + "/deposerFacture"  # not offered
    answer = desk.http.put(desk.url(href), files={"file": ("f.pdf", make_pdf("f")),
                                                  "data": (None, json.dumps(invoice))}, timeout=5)
    assert answer.status_code == 400 and answer.json()["devMessage"] == "RG_COMMANDE_INDISPONIBLE"


def test_sinapps_refuses_a_sollicitation_outside_the_matrix(sim, desk):
    mission_id = sim.add_mission(make_mission(7))
    mission = desk.get(f"/core/api/centre-gestion/missions/{mission_id}")
    payload = {"typeSollicitation": {"name": "Precision"}, "destinataire": {"name": "Assure"},
               "message": "Pouvez-vous préciser ?"}
    answer = desk.http.put(desk.url(desk.command(mission, "creerSollicitation")["test"]),
                           files={"data": (None, json.dumps(payload), "application/json")},
                           headers=BAD_ON_PURPOSE, timeout=5)
    assert answer.status_code == 400 and answer.json()["devMessage"] == "RG_SOLLICITATION_0001"
    with pytest.raises(ValueError):
        sim.add_sollicitation(mission_id, "Expert", "Precision", "?")


def test_status_faults_answer_sinapps_error_bodies(sim, desk, contract):
    missions = desk.link(desk.user, "missions")
    sim.add_fault("status", status=429, retry_after=2, path=r"/missions$")
    sim.add_fault("status", status=500, path=r"/missions$")
    throttled = desk.http.get(desk.url(missions), timeout=5)
    failed = desk.http.get(desk.url(missions), timeout=5)
    assert (throttled.status_code, throttled.headers["Retry-After"]) == (429, "2")
    assert failed.status_code == 500
    for answer in (throttled, failed):
        assert not contract.errors(answer.json(), ERROR)
    assert desk.http.get(desk.url(missions), timeout=5).status_code == 200


def test_the_simulator_runs_by_hand_for_a_demo():
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.simulators.sinapps", "--port", "0", "--missions", "2"],
        cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        url = line.split(" on ")[1].split("/core/api")[0]
        answer = requests.post(f"{url}/core/api/login",
                               json={"login": "centre", "password": "s3cret"}, timeout=5)
        assert answer.status_code == 200
        events = requests.get(url + Desk.link(answer.json(), "linked-events"),
                              cookies=answer.cookies, timeout=5).json()
        assert len(events["items"]) == 3, "two missions and a sollicitation"
    finally:
        process.send_signal(signal.SIGINT)
        assert "served 2 requests" in process.communicate(timeout=10)[0]


def test_contract_knows_every_route_the_simulator_serves():
    contract = Contract.shared(swagger=False)
    assert contract.check_exchange("GET", "/core/api/unknown", {}, b"", 200, b"{}")
