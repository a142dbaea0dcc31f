# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""claims_sinapps' client (and its mapping) against the simulator, without a database.

Session and cookie, events and replays, a mission with the attachments shared with the
platform, every allowed sollicitation both ways and a refused one, the trade's appointment,
quotes on each validation path, the works date, invoices, and the faults. Every request the
client sends and every answer it gets is checked against the contract when each test ends
(the ``sim`` fixture of conftest.py).
"""

import json
import re

import pytest

from .data import SHARED_TYPES, make_mission, make_pdf

client_module = pytest.importorskip("odoo.addons.claims_sinapps.client")
mapping = pytest.importorskip("odoo.addons.claims_sinapps.mapping")
errors = pytest.importorskip("odoo.addons.claims_connector.connector.exceptions")
PermanentError, RetryableError = errors.PermanentError, errors.RetryableError

TRADE = {"name": "Bernard", "first_name": "Luc", "phone": "+33 6 11 22 33 44",
         "reference": "PLB-7"}
LINES = [{"name": "Dépose et repose du parquet", "quantity": 12, "uom": "m2",
          "price_unit": 45.5, "vat_rate": 10},
         {"name": "Peinture plafond", "quantity": 1, "price_unit": 380, "vat_rate": 10}]
PDF = ("devis.pdf", make_pdf("Devis DV-1"))


@pytest.fixture
def client(sim):
    return client_module.SinappsClient(sim.url, "centre", "s3cret", timeout=0.5)


def _new_mission(sim, client, n=1, **overrides):
    """A mission the insurer just sent, as the client reads it through the events."""
    sim.add_mission(make_mission(n, **overrides))
    event = client.events(since=len(sim.events) - 1)[-1]
    return client.mission(event["items"][0]["resource_href"])


def _actions(client, since):
    return [action for event in client.events(since=since)
            for action in mapping.event_actions(event)]


# ---------------------------------------------------------------------- session


def test_login_keeps_the_play_session_cookie_and_sends_it_with_every_call(sim, client):
    user = client.login()
    assert user.properties["login"] == "centre" and client.session_cookie
    client.events()
    sent = sim.requests[-1].headers["cookie"]
    assert sent == f"PLAY_SESSION={client.session_cookie}"


def test_an_expired_session_logs_in_again_once_and_repeats_the_call(sim, client):
    mission = _new_mission(sim, client)
    first_cookie = client.session_cookie
    sim.expire_sessions()
    assert client.mission(mission.href).href == mission.href
    path = mission.href.split("?")[0]
    assert [(r.method, r.path) for r in sim.requests[-3:]] == [
        ("GET", path), ("POST", "/core/api/login"), ("GET", path)]
    assert client.session_cookie != first_cookie


def test_a_session_refused_again_after_a_new_login_is_retryable(sim, client):
    client.login()
    sim.add_fault("status", status=401, times=2, path=r"/linkedEvents$")
    with pytest.raises(RetryableError) as caught:
        client.events()
    assert caught.value.kind == "session_lost"


def test_wrong_credentials_are_permanent_with_sinapps_message(sim):
    bad = client_module.SinappsClient(sim.url, "centre", "wrong", timeout=0.5)
    with pytest.raises(PermanentError) as caught:
        bad.events()
    assert caught.value.kind == "login"
    assert "Identifiant ou mot de passe incorrect." in str(caught.value)


def _hrefs(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("href", "firstPage", "lastPage") and isinstance(item, str):
                yield item.split("?")[0]
            yield from _hrefs(item)
    elif isinstance(value, list):
        for item in value:
            yield from _hrefs(item)


def test_the_client_writes_no_url_but_the_entry_points(sim, client):
    mission = _new_mission(sim, client)
    client.mission_attachments(mission)
    client.take_appointment(mission, "2026-01-20", "09:00", TRADE)
    seen = {"/core/api/login", "/core/api/logout"}
    for request, response in sim.exchanges:
        assert request.path in seen, f"{request.method} {request.path} was not given by Sinapps"
        if "json" in response.content_type:
            seen.update(_hrefs(json.loads(response.body)))


def test_a_link_to_another_host_is_refused_and_not_followed(sim, client):
    mission = _new_mission(sim, client)
    path = mission.href.split("?")[0]
    hostile = json.loads(json.dumps(mission.data))
    hostile["links"] = [{"rel": "assureur", "href": "https://collector.example/steal"}]
    sim.raw[path] = json.dumps(hostile)
    with pytest.raises(PermanentError) as caught:
        client.follow(client.mission(path), "assureur")
    assert caught.value.kind == "foreign_link"
    assert not [r for r in sim.requests if "steal" in r.path]


def test_logout_ends_the_session(sim, client):
    client.login()
    client.logout()
    assert client.session_cookie is None and not sim.sessions


# ---------------------------------------------------------------------- events and missions


def test_events_are_read_after_our_cursor_and_a_replay_reads_the_same(sim, client):
    sim.add_mission(make_mission(1))
    sim.add_mission(make_mission(2))
    everything = client.events(since=0)
    assert [event["id"] for event in everything] == [1, 2]
    assert [item["name"] for item in everything[0]["items"]] == ["MissionCreee", "PrestationCreee"]
    assert client.events(since=0) == everything, "the cursor is ours: a replay reads the same"
    assert client.events(since=2) == []
    sim.add_mission(make_mission(3))
    assert [event["id"] for event in client.events(since=2)] == [3]
    assert [event["id"] for event in client.events(since=0, max_events=2)] == [1, 2]
    assert sim.requests[-1].arg("maxEvents") == "2" and sim.requests[-1].arg("since") == "0"
    assert client.events(names=("CommentaireAjoute", "MissionAnnulee")) == []
    assert sim.requests[-1].query["eventNames"] == ["CommentaireAjoute", "MissionAnnulee"]
    assert {a["kind"] for a in _actions(client, 0)} == {"mission", "ignored"}


def test_a_mission_and_each_type_of_attachment_shared_with_the_platform(sim, client):
    mission = _new_mission(sim, client, 9)
    values = mapping.parse_mission(mission.data, client.follow(mission, "assureur").data)
    assert (values["claim"]["insurer_claim_number"], values["warnings"]) == ("SIN-2026-000009", [])
    assert values["participants"][2]["partner"]["name"] == "Mutuelle Atlantique Assurances"
    attachments = client.mission_attachments(mission)
    assert sorted(a.properties["type"]["name"] for a in attachments) == sorted(SHARED_TYPES)
    for attachment in attachments:
        values = mapping.attachment_values(attachment.data)
        file = client.download(attachment)
        assert file["name"] == values["name"] and file["content"]
        assert file["content"].startswith(b"\x89PNG" if values["category"] == "photo" else b"%PDF")
        assert values["category"] == mapping.ATTACHMENT_TYPES[values["type"]][0]
    assert len(attachments) == len(SHARED_TYPES), "the insurer's internal note is not shared"


def test_lists_are_read_page_by_page(sim, client):
    for n in range(1, 21):
        sim.add_mission(make_mission(n))
    missions = client.items(client.user, "missions", page_size=8)
    assert len({m.properties["numero"] for m in missions}) == 20
    assert [r.arg("nbPage") for r in sim.requests if r.path.endswith("/missions")] == [
        "1", "2", "3"]


def test_the_mission_steps_and_their_history(sim, client):
    mission = _new_mission(sim, client)
    mission_id = mapping.object_id(mission.href)
    sim.set_step(mission_id, "RendezVousChiffragePris")
    actions = [a for a in _actions(client, 1) if a["kind"] == "step"]
    assert [(a["step"], a["mission_id"]) for a in actions] == [
        ("RendezVousChiffragePris", mission_id)]
    history = mapping.history_values(client.mission_history(mission))
    assert [h["step"] for h in history] == ["MissionRecue", "RendezVousChiffragePris"]
    assert history[0]["label"] == "Mission received"


# ---------------------------------------------------------------------- sollicitations

INBOUND = [("Assure", "Precision"), ("Assureur", "Commentaire"), ("Assureur", "DemandeDePieces"),
           ("Assureur", "Rectification"), ("Assureur", "Precision"), ("Expert", "Rectification")]


@pytest.mark.parametrize("sender, kind", INBOUND)
def test_every_allowed_sollicitation_to_the_platform_is_read_and_answered(
        sim, client, sender, kind):
    mission = _new_mission(sim, client)
    sim.add_sollicitation(mapping.object_id(mission.href), sender, kind, "Pouvez-vous préciser ?",
                          due_date="2026-02-15", files=[("photo.png", b"\x89PNG...")])
    action = _actions(client, 1)[-1]
    assert action["kind"] == "sollicitation"
    sollicitation = client.get(action["resource_href"])
    values = mapping.sollicitation_values(sollicitation.data)
    assert (values["sender"], values["recipient"], values["state"], values["due_date"],
            values["allowed"]) == (
        mapping._key(mapping.SOLLICITATION_PARTIES, sender), "platform", "open", "2026-02-15",
        True)
    assert values["kind"] == mapping._key(mapping.SOLLICITATION_KINDS, kind)
    assert [a.properties["nom"] for a in client.items(sollicitation, "piecesJointes")] == [
        "photo.png"]
    client.answer_sollicitation(sollicitation, "Voici la précision.",
                                files=[("precision.pdf", make_pdf("P"), "application/pdf")])
    values = mapping.sollicitation_values(client.get(sollicitation.href).data)
    assert (values["state"], values["answer"]) == ("answered", "Voici la précision.")
    assert len(client.items(sollicitation, "piecesJointes")) == 2


@pytest.mark.parametrize("recipient, kind", [
    ("expert", "clarification"), ("insurer", "new_intervention"), ("insurer", "clarification")])
def test_every_allowed_sollicitation_from_the_platform_goes_out_and_is_answered(
        sim, client, recipient, kind):
    mission = _new_mission(sim, client)
    sent = client.send_sollicitation(mission, recipient, kind, "Merci de nous indiquer la suite.",
                                     due_date="2026-02-20",
                                     files=[("plan.pdf", make_pdf("Plan"), "application/pdf")])
    values = mapping.sollicitation_values(sent["created"].data)
    assert (values["sender"], values["recipient"], values["kind"], values["state"]) == (
        "platform", recipient, kind, "open")
    record = sim.sollicitations[values["sinapps_id"]]
    assert record["dateEcheance"] == "2026-02-20"
    since = len(sim.events)
    sim.answer_sollicitation(values["sinapps_id"], "Intervention confirmée.")
    action = _actions(client, since)[-1]
    answered = mapping.sollicitation_values(client.get(action["resource_href"]).data)
    assert (answered["state"], answered["answer"]) == ("answered", "Intervention confirmée.")


@pytest.mark.parametrize("recipient, kind", [
    ("expert", "new_intervention"), ("insured", "clarification"), ("insurer", "comment")])
def test_a_sollicitation_outside_the_matrix_is_refused_before_anything_is_sent(
        sim, client, recipient, kind):
    mission = _new_mission(sim, client)
    sent_before = len(sim.requests)
    with pytest.raises(PermanentError) as caught:
        client.send_sollicitation(mission, recipient, kind, "?")
    assert caught.value.kind == "sollicitation_not_allowed"
    assert "From the platform, Sinapps allows: to the expert: clarification; to the insurer: " \
           "new intervention, clarification." in str(caught.value)
    assert len(sim.requests) == sent_before, "nothing was sent"


# ---------------------------------------------------------------------- the trade's work


def test_the_trades_appointment_is_transcribed(sim, client):
    mission = _new_mission(sim, client)
    client.take_appointment(mission, "2026-01-20", "08:30", TRADE, end="10:00", notes="Code 12A")
    prestation = sim.prestation_of(mapping.object_id(mission.href))
    assert prestation["etat"] == "RendezVousChiffragePris"
    assert prestation["rendezVous"]["horaire"] == {"name": "HorairePlage", "value": {
        "date": "2026-01-20", "heureDebut": "08:30", "heureFin": "10:00"}}
    assert prestation["intervenant"]["reference"] == "PLB-7"
    assert [a["kind"] for a in _actions(client, 1)] == ["appointment", "step", "ignored"]


def _decide(sim, client, quote, validation):
    if validation in ("insurer", "expert"):
        sim.decide_quote(quote["sinapps_id"], accept=True)
    elif validation == "platform":
        client.decide_quote(client.get(f"/core/api/centre-gestion/devis/{quote['sinapps_id']}"),
                            accept=True)


@pytest.mark.parametrize("validation", ["insurer", "expert", "platform", "automatic"])
def test_a_quote_on_each_validation_path_then_works_date_and_invoices(sim, client, validation):
    mission = _new_mission(sim, client)
    mission_id = mapping.object_id(mission.href)
    client.take_appointment(mission, "2026-01-20", "09:00", TRADE)
    deposited = client.deposit_quote(mission, "DV-1", "2026-01-22", LINES, validation, PDF,
                                     trade=TRADE, comment="Selon visite du 20/01")
    quote = mapping.quote_values(deposited["created"].data)
    assert (quote["reference"], quote["validation"], quote["amount_untaxed"],
            quote["amount_tax"], quote["amount_total"]) == (
        "DV-1", validation, 926.0, 92.6, 1018.6)
    assert quote["state"] == ("validated" if validation == "automatic" else "pending")
    assert sim.missions[mission_id]["etape"] == (
        "ChiffrageValide" if validation == "automatic" else "ChiffrageEnAttenteDeValidation")
    since = len(sim.events)
    _decide(sim, client, quote, validation)
    decided = [a for a in _actions(client, since) if a["kind"] == "quote_decision"]
    assert [a["status"] for a in decided] == ([] if validation == "automatic" else ["validated"])
    quote = mapping.quote_values(client.items(mission, "devis")[0].data)
    assert (quote["state"], quote["decided_by"]) == ("validated", validation)
    client.plan_intervention(mission, "2026-02-02")
    assert sim.missions[mission_id]["etape"] == "TravauxPlanifies"
    works = client.deposit_invoice(mission, "F-2026-001", "2026-02-05", LINES,
                                   ("facture.pdf", make_pdf("F-2026-001")),
                                   quote_id=quote["sinapps_id"])
    assert mapping.quote_values(works["created"].data)["kind"] == "works"
    client.deposit_invoice(mission, "F-2026-002", "2026-02-06",
                           [{"name": "Frais de gestion", "quantity": 1, "price_unit": 80,
                             "vat_rate": 20}], ("gestion.pdf", make_pdf("G")), kind="management")
    assert sim.missions[mission_id]["etape"] == "FactureGestionDeposee"
    assert [h["step"] for h in mapping.history_values(client.mission_history(mission))][-3:] == [
        "TravauxPlanifies", "FactureTravauxDeposee", "FactureGestionDeposee"]


def test_the_platform_refuses_a_quote_only_with_a_reason(sim, client):
    mission = _new_mission(sim, client)
    created = client.deposit_quote(mission, "DV-2", "2026-01-22", LINES, "platform", PDF)["created"]
    submits = len([r for r in sim.requests if r.method == "PUT"])
    with pytest.raises(PermanentError) as caught:
        client.decide_quote(created, accept=False)
    assert caught.value.sinapps_error["devMessage"] == "RG_DEVIS_0005"
    assert str(caught.value) == "Le motif du refus est obligatoire.", "Sinapps' own words"
    assert len([r for r in sim.requests if r.method == "PUT"]) == submits + 1, "test only"
    client.decide_quote(created, accept=False, reason="Hors garantie")
    quote = mapping.quote_values(client.get(created.href).data)
    assert (quote["state"], quote["decision_reason"]) == ("refused", "Hors garantie")


def test_a_deposit_retried_after_a_timeout_is_not_deposited_twice(sim, client):
    mission = _new_mission(sim, client)
    sim.add_fault("stall", seconds=1.0, method="PUT", path=r"/commands/deposerDevis$")
    with pytest.raises(RetryableError) as caught:
        client.deposit_quote(mission, "DV-3", "2026-01-22", LINES, "insurer", PDF)
    assert caught.value.kind == "timeout"
    assert len(sim.quotes) == 1, "Sinapps recorded it before the answer was lost"
    again = client.deposit_quote(mission, "DV-3", "2026-01-22", LINES, "insurer", PDF)
    assert again["replayed"] and len(sim.quotes) == 1
    with pytest.raises(PermanentError) as caught:
        client.deposit_quote(mission, "DV-3", "2026-01-22", LINES[:1], "insurer", PDF)
    assert caught.value.kind == "already_deposited"


def test_what_sinapps_does_not_offer_or_refuses_in_its_dry_run_is_never_submitted(sim, client):
    mission = _new_mission(sim, client)
    with pytest.raises(PermanentError) as caught:
        client.deposit_invoice(mission, "F-1", "2026-02-05", LINES, PDF)
    assert caught.value.kind == "command_unavailable"
    bad_rate = [dict(LINES[0], vat_rate=7)]
    sim.deliberately_invalid.append(r"/commands/deposerDevis/test$")
    with pytest.raises(PermanentError) as caught:
        client.deposit_quote(mission, "DV-4", "2026-01-22", bad_rate, "insurer", PDF)
    assert caught.value.sinapps_error["errorType"] == "FormatInvalide"
    assert not [r for r in sim.requests if r.method == "PUT" and re.search(
        r"/commands/deposer\w+$", r.path)], "no submit"
    with pytest.raises(PermanentError) as caught:
        client.deposit_quote(mission, "DV-5", "2026-01-22", LINES, "insurer", ("d.pdf", b"x"))
    assert caught.value.kind == "pdf_missing"


def test_a_leak_search_is_accepted_then_handled_by_hand(sim, client):
    mission = _new_mission(sim, client, type_mission="RechercheDeFuite")
    assert mapping.STEP_CHANGES["MissionTransmise"] == ("MissionAcceptee", "MissionRefusee")
    client.change_mission_state(mission, "MissionAcceptee")
    sim.deliberately_invalid.append(r"/commands/changerEtapeMission/test$")
    with pytest.raises(PermanentError) as caught:
        client.change_mission_state(mission, "FactureGestionDeposee")
    assert caught.value.sinapps_error["errorType"] == "FormatInvalide"
    client.add_attachments(mission, [("rapport.pdf", make_pdf("Rapport"), "application/pdf")],
                           kind="RapportRechercheDeFuite", description="Fuite trouvée")
    client.change_mission_state(mission, "MissionTraitee", comment="Fuite réparée")
    assert sim.missions[mapping.object_id(mission.href)]["etape"] == "MissionTraitee"
    kinds = [a.properties["type"]["name"] for a in client.mission_attachments(mission)]
    assert "RapportRechercheDeFuite" in kinds


# ---------------------------------------------------------------------- faults


@pytest.mark.parametrize("status", [408, 429, 500, 503])
def test_throttling_and_server_errors_are_retryable(sim, client, status):
    client.login()
    sim.add_fault("status", status=status, retry_after=7 if status == 429 else None,
                  path=r"/linkedEvents$")
    with pytest.raises(RetryableError) as caught:
        client.events()
    assert caught.value.kind == f"http_{status}"
    assert caught.value.retry_after == (7 if status == 429 else None)
    assert "simulated failure" in str(caught.value), "Sinapps' userMessage"
    assert client.events() == []


def test_a_timeout_and_a_dropped_connection_are_retryable(sim, client):
    client.login()
    sim.add_fault("delay", seconds=1.0, path=r"/linkedEvents$")
    with pytest.raises(RetryableError) as caught:
        client.events()
    assert caught.value.kind == "timeout"
    sim.add_fault("drop", path=r"/linkedEvents$")
    with pytest.raises(RetryableError) as caught:
        client.events()
    assert caught.value.kind == "connection"


def test_a_malformed_or_oversized_answer_is_permanent_and_kept(sim, client):
    mission = _new_mission(sim, client)
    sim.add_fault("malformed", path=r"/missions/[0-9a-f]{24}$")
    with pytest.raises(PermanentError) as caught:
        client.mission(mission.href)
    assert caught.value.kind == "malformed_json" and caught.value.payload
    small = client_module.SinappsClient(sim.url, "centre", "s3cret", timeout=2, max_bytes=4096)
    sim.add_fault("oversized", size=100_000, path=r"/missions/[0-9a-f]{24}$")
    with pytest.raises(PermanentError) as caught:
        small.mission(mission.href)
    assert caught.value.kind == "too_large"
    sim.raw[mission.href.split("?")[0]] = json.dumps({"not": "a resource"})
    with pytest.raises(PermanentError) as caught:
        client.mission(mission.href)
    assert caught.value.kind == "schema"
