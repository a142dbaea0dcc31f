# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Where every Sinapps field and code goes: code tables and pure functions, no ORM.

``parse_mission`` turns a mission resource (``client.Resource.data``) into values for our models
and ``warnings``: a code missing from our tables is kept as text and named in a warning, never a
reason to lose a mission. ``event_actions``, ``attachment_values``, ``sollicitation_values``,
``quote_values`` (quotes and invoices), ``history_values`` read the rest; ``check_sollicitation``
refuses what the matrix forbids. The client renders command payloads with these tables.
Codes stay Sinapps'; labels are English source text; dates ``YYYY-MM-DD``, date-times
``YYYY-MM-DD HH:MM:SS`` UTC. "Ours": codes of tests/simulators/sinapps/CONTRACT.md.
"""

import re
from datetime import datetime, timezone

from odoo.addons.claims_connector.connector.exceptions import PermanentError

SYSTEM = "sinapps"
PLATFORM_ROLE = "management_centre"  # claims_base's role of the platform on each claim
MISSION_TYPES = {
    "RenDirecte": "Direct repair", "RenSuiteExpertise": "Repair after appraisal",
    "RenMobiliereDirecte": "Direct contents repair", "RechercheDeFuite": "Leak search",
    "RenMobiliereSuiteExpertise": "Contents repair after appraisal",
    "UrgenceHabitation": "Home emergency", "ExpertiseCovea": "Appraisal"}
# Mission steps in the order of their flows: repair (REN), leak search, appraisal, exits.
MISSION_STEPS = [
    ("MissionRecue", "Mission received"), ("RendezVousChiffragePris", "Quote visit booked"),
    ("TravauxChiffres", "Works priced"), ("ChiffrageEnAttenteDeValidation", "Quote to validate"),
    ("ChiffrageValide", "Quote validated"), ("ChiffrageRefuse", "Quote refused"),
    ("TravauxPlanifies", "Works scheduled"), ("FactureTravauxDeposee", "Works invoice filed"),
    ("FactureGestionDeposee", "Management invoice filed"), ("MissionTransmise", "Mission sent"),
    ("MissionAcceptee", "Mission accepted"), ("MissionRefusee", "Mission refused"),
    ("MissionTraitee", "Mission handled"), ("MissionCloseSansResolution", "Closed unresolved"),
    ("PrestataireMissionne", "Provider missioned"), ("RendezVousPris", "Appointment booked"),
    ("ExpertiseInitiee", "Appraisal started"), ("RapportDepose", "Report filed"),
    ("Annulee", "Cancelled"), ("MissionAnnulee", "Mission cancelled"),
    ("MissionArretee", "Mission stopped")]
STEP_LABELS = dict(MISSION_STEPS)
STEP_ALIASES = {"ExpertiseInitieeExpertiseInitiee": "ExpertiseInitiee"}  # Darva's typo
CLOSED_STEPS = frozenset({"FactureGestionDeposee", "MissionRefusee", "MissionTraitee",
                          "MissionCloseSansResolution", "Annulee", "MissionAnnulee",
                          "MissionArretee"})
# The steps a platform user sets by hand (command changerEtapeMission), from each step.
STEP_CHANGES = {
    "MissionTransmise": ("MissionAcceptee", "MissionRefusee"),
    "MissionAcceptee": ("MissionTraitee", "MissionCloseSansResolution", "MissionArretee"),
    **dict.fromkeys(("MissionRecue", "RendezVousChiffragePris", "TravauxChiffres",
                     "ChiffrageEnAttenteDeValidation", "ChiffrageValide", "ChiffrageRefuse",
                     "TravauxPlanifies"), ("MissionArretee",))}
MISSION_STATUSES = {"Ouverte": "Open", "EnCours": "In progress", "EnAttente": "Waiting",
                    "Terminee": "Finished", "Bloquee": "Blocked", "Annulee": "Cancelled"}
NATURES = {
    "AutresDommages": "Other damage", "Assistance": "Assistance", "Choc": "Impact",
    "BrisDeGlace": "Glass breakage", "BrisDeMachine": "Machinery breakdown", "Vol": "Theft",
    "CatastropheNaturelle": "Natural disaster", "CatastropheTechnologique": "Industrial disaster",
    "DefenseRecours": "Legal defence", "DegatsDesEaux": "Water damage", "Divers": "Other",
    "DMMT": "Goods in transit", "DommagesAuxBiens": "Property damage", "Incendie": "Fire",
    "DommagesDeMouille": "Wetting damage", "DommagesElectriques": "Electrical damage",
    "DommagesMenagers": "Household appliances", "DommageOuvrage": "Building defects",
    "EvtNaturel": "Natural event", "Explosion": "Explosion", "MTR": "Chilled goods",
    "FraisSupplementaireExploitation": "Extra operating costs", "Malfacon": "Bad workmanship",
    "FoudreSansIncendie": "Lightning without fire", "PerteExploitation": "Business interruption",
    "PerteDeLiquide": "Loss of liquid", "PerteDeValeur": "Loss of value", "RisqueInformatique":
    "IT risk", "ProtectionJuridique": "Legal protection", "ResponsabiliteCivile": "Liability",
    "TempeteNeigeGrele": "Storm, snow, hail", "ValeurFondExploitation": "Goodwill"}
RISK_TYPES = {
    "Appartement": "Flat", "MaisonParticuliere": "House", "Immeuble": "Apartment building",
    "LocalProfessionnel": "Business premises", "ResidenceMobile": "Mobile home", "Chambre": "Room",
    "BatimentNonHabitable": "Non-residential building", "TerrainNonBati": "Undeveloped land",
    "ResidenceDeRetraite": "Retirement home", "Bungalow": "Bungalow", "AutreRisque": "Other",
    "CaveRemise": "Cellar or shed", "HabitationEnConstruction": "Home under construction",
    "Indetermine": "Undetermined", "BatimentTertiaire": "Office building",
    "BatimentCommercial": "Commercial building", "BatimentIndustriel": "Industrial building"}
RISK_USAGES = {
    "ResidencePrincipale": "Main home", "ResidenceSecondaire": "Second home", "Autres": "Other",
    "BienDonneEnLocation": "Let", "EnConstruction": "Under construction", "VideOccupant": "Vacant",
    "BailVide": "Let unfurnished", "NonOccupeMeuble": "Unoccupied, furnished",
    "ImmeubleLocationVide": "Building let unfurnished", "Professionnel": "Business use",
    "ImmeubleLocationMeuble": "Building let furnished", "BatimentDivers": "Other building"}
# Actor types of a claim file -> claims_base participant role codes (a "Tiers" who suffered the
# loss, "lese", is a claimant).
ACTOR_ROLES = {
    "Assure": "insured", "Tiers": "other", "Agent": "agent", "Courtier": "broker",
    "Assureur": "insurer", "AssureurCumulatif": "counterparty_insurer",
    **dict.fromkeys(("Avocat", "Avoue"), "lawyer"),
    **dict.fromkeys(("Expert", "ExpertJudiciaire", "ExpertSapiteur"), "expert"),
    **dict.fromkeys(("Artisan", "Entrepreneur", "EntrepriseAgreeeAssureur", "Installateur",
                     "EntrepriseDelegationPaiement", "SousTraitant", "Technicien",
                     "PrestataireService"), "repairer"),
    **dict.fromkeys(("Fabricant", "Fournisseur", "Vendeur"), "vendor"),
    **dict.fromkeys(("AdherentBenevole", "Concepteur", "Consultant", "ContractantAvecAssure",
                     "Enqueteur", "Huissier", "Inspecteur", "MaitreOuvrage", "Medecin", "Temoin",
                     "PouvoirPublics", "SocieteRecouvrement", "SyndicCopropriete"), "other")}
# Partner types -> role codes; CentreDeGestion is ours.
PARTNER_ROLES = {"Assureur": "insurer", "Expert": "expert", "Reparateur": "repairer",
                 "CentreDeGestion": PLATFORM_ROLE, "Darva": "other"}
# Attachment types -> (claims_base document category code, English label). Only the last three
# codes are seen in public material; the others are ours.
ATTACHMENT_TYPES = {
    "ChiffrageDetailleExpert": ("estimate_invoice", "Expert's detailed estimate"),
    "RapportExpertise": ("expert_report", "Expert report"),
    "RapportSecheresse": ("expert_report", "Drought report"),
    "PhotosReparateur": ("photo", "Repairer's images"), "Devis": ("estimate_invoice", "Quote"),
    "RapportRechercheDeFuite": ("expert_report", "Leak-search report"),
    "Facture": ("estimate_invoice", "Invoice"), "Photo": ("photo", "Photo"),
    "Autre": ("other", "Other"), "ProcesVerbalFinDeTravaux": ("other", "Works completion report"),
    "AttestationTVA": ("other", "VAT certificate"),
    "DelegationDePaiement": ("other", "Payment delegation")}
# What Sinapps shares with the platform when it is missioned on a file.
SHARED_ON_ARRIVAL = ("ChiffrageDetailleExpert", "RapportExpertise", "RapportSecheresse",
                     "PhotosReparateur", "Devis", "RapportRechercheDeFuite")
# Sollicitations (codes ours): our keys -> (Sinapps code, English label).
SOLLICITATION_KINDS = {
    "clarification": ("Precision", "clarification"), "comment": ("Commentaire", "comment"),
    "document_request": ("DemandeDePieces", "document request"), "correction": (
        "Rectification", "correction"), "new_intervention": ("NouvelleIntervention",
                                                             "new intervention")}
SOLLICITATION_PARTIES = {
    "insured": ("Assure", "the insured"), "insurer": ("Assureur", "the insurer"),
    "expert": ("Expert", "the expert"), "platform": ("CentreDeGestion", "the platform")}
# Who may ask whom what: (sender, recipient) -> kinds. Anything else is refused.
SOLLICITATION_MATRIX = {
    ("insured", "platform"): ("clarification",), ("expert", "platform"): ("correction",),
    ("insurer", "platform"): ("comment", "document_request", "correction", "clarification"),
    ("platform", "expert"): ("clarification",),
    ("platform", "insurer"): ("new_intervention", "clarification")}
SOLLICITATION_STATES = {"Ouverte": "open", "Repondue": "answered"}
# Who validates a quote, chosen by the platform for each quote (codes ours).
QUOTE_VALIDATIONS = {"insurer": "ValidationAssureur", "expert": "ValidationExpert",
                     "platform": "ValidationCentreDeGestion", "automatic": "ValidationAutomatique"}
QUOTE_STATES = {"EnAttenteDeValidation": "pending", "Valide": "validated", "Refuse": "refused"}
QUOTE_DECIDERS = {"Assureur": "insurer", "Expert": "expert", "CentreDeGestion": "platform",
                  "Automatique": "automatic"}
QUOTE_STATUSES = {"DevisValide": "validated", "DevisRefuse": "refused"}  # EtatPrestationModifie
INVOICE_TYPES = {"works": "FactureTravaux", "management": "FactureGestion"}
APPOINTMENT_KINDS = {"site": "Site", "video": "Visio", "phone": "Telephonique"}
VAT_RATES = (0, 2.1, 5.5, 10, 20)
# Sub-event name -> what it asks of us (``event_actions``); any other name is "ignored".
EVENT_KINDS = {
    **dict.fromkeys(("MissionCreee", "ActeurAjoute", "ActeurModifie", "SinistreModifie",
                     "RisqueQualifie", "SinistreQualifie"), "mission"),
    "MissionEtatChange": "step", "MissionAnnulee": "step", "RendezVousPris": "appointment",
    "PieceJointeAjoutee": "attachment", "DevisDepose": "quote", "FactureDeposee": "invoice",
    "InterventionPlanifiee": "planning", "CommentaireAjoute": "comment",
    "EtatPrestationModifie": "prestation_status"}
OBJECT_ID = re.compile(r"[0-9a-f]{24}")


def object_id(href):
    """The last ObjectId of an href (``.../missions/<id>?referer=...``), or False."""
    return (OBJECT_ID.findall((href or "").split("?")[0]) or [False])[-1]


def to_utc(value):
    """``2018-06-22T11:55:58+0200`` (or ``+02:00``, ``Z``) -> ``2018-06-22 09:55:58`` UTC."""
    try:
        moment = datetime.strptime(value.strip(), "%Y-%m-%dT%H:%M:%S%z")
    except (AttributeError, ValueError):  # none, or without its offset: not Sinapps'
        return False
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


def _text(*values):
    return next((str(v).strip() for v in values if v not in (None, "") and str(v).strip()), False)


def _code(value, table, what, warnings):
    """The code of a ``{name, label}`` or False; one not in ``table`` is kept, with a warning."""
    name = STEP_ALIASES.get((value or {}).get("name"), (value or {}).get("name")) or False
    if name and table is not None and name not in table:
        warnings.append(f"Unknown Sinapps {what} {name!r} ({value.get('label') or name}): "
                        "kept as text.")
    return name


def _key(table, code):
    """Our key of a Sinapps code in ``table`` (values: code or (code, label)), or the code."""
    return next((key for key, value in table.items()
                 if (value[0] if isinstance(value, tuple) else value) == code), code or False)


def safe_filename(name, default="attachment"):
    """A file name from outside reduced to a safe base name."""
    base = re.sub(r"[^\w .()+-]", "_", re.split(r"[\\/]", name or "")[-1]).strip(" .")
    return base[:120] or default


def partner_values(person):
    """res.partner values of a Sinapps ``Personne``."""
    person = person or {}
    address, contact = person.get("adresse") or {}, person.get("coordonnees") or {}
    return {
        "name": _text(" ".join(filter(None, map(person.get, ("prenom", "nom"))))) or "?",
        "street": _text(address.get("adresse1")), "street2": _text(", ".join(filter(
            None, map(address.get, ("adresse2", "adresse3", "adresse4"))))),
        "zip": _text(address.get("codePostal")), "city": _text(address.get("localite")),
        "country_code": _text(address.get("codePays")), "email": _text(contact.get("email")),
        "phone": _text(contact.get("telPersonnel"), contact.get("telProfessionnel")),
        "mobile": _text(contact.get("telPortable"))}


def deductible_values(franchise):
    """{kind (amount, percent or False), amount, percent, minimum, maximum, text}."""
    value = (franchise or {}).get("value") or {}
    kind = {"Fixe": "amount", "Proportionnelle": "percent"}.get((franchise or {}).get("name"))
    amounts = {key: float(value.get(code) or 0.0) for key, code in (("amount", "montant"), (
        "percent", "taux"), ("minimum", "plancher"), ("maximum", "plafond"))}
    text = {"amount": f"{amounts['amount']:.2f} EUR", "percent": f"{amounts['percent']:g} % (min "
            f"{amounts['minimum']:.2f}, max {amounts['maximum']:.2f} EUR)"}.get(kind, False)
    return {"kind": kind or False, **amounts, "text": text}


def parse_mission(resource, insurer=None):
    """Values of a mission resource and of its insurer's partner resource (rel ``assureur``):
    {mission_id, href, step, closed, claim (claims.claim values, ``sinapps_*`` included), policy,
    deductible, insured, participants [{role, partner, sinapps_type}] (the platform's partner is
    None: the backend's own), insurer_contact, comments, warnings}."""
    warnings = []
    mission, dossier = resource["properties"]["mission"], resource["properties"]["dossier"]
    loss, contract = dossier.get("sinistre") or {}, dossier.get("contrat") or {}
    features, risks = loss.get("caracteristiques") or {}, dossier.get("risques") or [{}]
    risk = next((r for r in risks if r.get("risqueConcerne")), risks[0])
    codes = {key: _code(value, table, what, warnings) for key, value, table, what in (
        ("mission_type", mission.get("typeMission"), MISSION_TYPES, "mission type"),
        ("step", mission.get("etape"), STEP_LABELS, "mission step"),
        ("status", mission.get("statut"), MISSION_STATUSES, "mission status"),
        ("nature", features.get("nature"), NATURES, "loss nature"),
        ("cause", features.get("cause"), None, "loss cause"),
        ("detail", features.get("detail"), None, "loss detail"),
        ("risk_type", risk.get("typeRisque"), RISK_TYPES, "risk type"),
        ("risk_usage", risk.get("usageAssure"), RISK_USAGES, "risk usage"))}
    measures = "\n".join(  # rooms, area...: Sinapps' labels
        f"{_text(m['typeMesure'].get('label'), m['typeMesure'].get('name'))}: {m.get('valeur')}"
        for m in risk.get("mesures") or [] if m.get("typeMesure"))
    address = partner_values({"adresse": risk.get("adresse") or loss.get("adresse")})
    deductible = deductible_values(mission.get("franchiseApplicable") or contract.get("franchise"))
    contact = mission.get("contactAssureur") or {}
    person = partner_values((contact.get("value") or {}).get("personne"))
    contact = contact and {
        "kind": {"Agent": "agent", "Gestionnaire": "handler"}.get(contact.get("name"), "other"),
        "name": person["name"], "code": _text(contact["value"].get("code")),
        "entity": _text(contact["value"].get("entite")), "email": person["email"],
        "phone": person["phone"] or person["mobile"]}
    damages = _text(loss.get("dommagesDeclares"), loss.get("dommagesConstates"))
    circumstances = _text(loss.get("circonstancesDeclarees"), loss.get("circonstances"))
    mission_date = to_utc(mission.get("dateDeMissionnement"))
    claim = {
        "insurer_claim_number": _text(loss.get("reference")), "date_loss": _text(loss.get("date")),
        "date_assigned": mission_date and mission_date[:10], "description": "\n".join(filter(
            None, (" / ".join(filter(None, (_text((features.get(k) or {}).get("label"))
                                            for k in ("nature", "cause", "detail")))),
                   damages, circumstances))) or False,
        "sinapps_mission_id": object_id(resource["href"]), "sinapps_mission_href": resource["href"],
        "sinapps_mission_number": _text(mission.get("numero")), "sinapps_mission_date":
        mission_date, **{f"sinapps_{key}": code for key, code in codes.items()},
        "sinapps_cause_label": _text((features.get("cause") or {}).get("label")),
        "sinapps_detail_label": _text((features.get("detail") or {}).get("label")),
        "sinapps_loss_time": _text(loss.get("heure")), "sinapps_damages_declared": damages,
        "sinapps_circumstances_declared": circumstances,
        "sinapps_protective_measures": _text(loss.get("rappelMesuresConservatoires")),
        "sinapps_risk_description": _text(risk.get("description")),
        "sinapps_risk_measures": measures or False,
        "sinapps_contract_type": _text(contract.get("typeContrat")),
        "sinapps_deductible": deductible["text"], "sinapps_insurer_contact": contact and ", ".join(
            filter(None, (contact[k] for k in ("name", "code", "entity", "phone", "email")))),
        **{f"sinapps_risk_{key}": address[key] for key in (
            "street", "street2", "zip", "city", "country_code")}}
    participants, insured = [], False
    for actor in dossier.get("acteurs") or []:
        kind = _code(actor.get("typeActeur"), ACTOR_ROLES, "actor type", warnings)
        role = "claimant" if kind == "Tiers" and actor.get("lese") else ACTOR_ROLES.get(
            kind, "other")
        partner = partner_values(actor.get("personne"))
        if not actor.get("archive"):
            insured = insured or (role == "insured" and partner)
            participants.append({"role": role, "partner": partner, "sinapps_type": kind})
    props = (insurer or {}).get("properties") or {}
    participants += [
        {"role": "insurer", "sinapps_type": "Assureur", "partner": {
            **partner_values({"nom": props.get("nom"), "adresse": props.get("adresse")}),
            "name": _text(props.get("nom")), "phone": _text(props.get("telephone")),
            "is_company": True, "sinapps_id": mission.get("assureurId"),
            "sinapps_ref": _text(props.get("numeroClient"))}},
        {"role": PLATFORM_ROLE, "partner": None, "sinapps_type": "CentreDeGestion"}]
    return {
        "mission_id": claim["sinapps_mission_id"], "href": resource["href"],
        "step": codes["step"], "closed": codes["step"] in CLOSED_STEPS, "claim": claim,
        "policy": {"name": _text(contract.get("numero")), "policy_type": _text(contract.get(
            "typeContrat")), "line_of_business": "property" if contract.get("professionnel")
            else "homeowners", "date_start": _text(contract.get("dateSouscription"),
                                                   loss.get("date"))},
        "deductible": deductible, "insured": insured, "participants": participants,
        "insurer_contact": contact or False, "warnings": warnings,
        "comments": [{"date": to_utc(c.get("date")), "text": c.get("message"),
                      "author_id": c.get("auteurId", False)} for c in mission.get(
                          "commentaires") or []]}


def event_actions(event):
    """One action per sub-event of an event (an item of ``client.events``): {event_id, name,
    kind (EVENT_KINDS; a sollicitation's CommentaireAjoute is "sollicitation", a decided quote's
    EtatPrestationModifie "quote_decision"), resource_href, mission_id, step, status}."""
    actions = []
    for item in event["items"]:
        values, href = item.get("data") or {}, item.get("resource_href") or False
        kind = EVENT_KINDS.get(item["name"], "ignored")
        if kind == "comment" and item.get("resource_type") == "sollicitations":
            kind = "sollicitation"
        elif kind == "prestation_status":
            kind = "quote_decision" if values.get("status") in QUOTE_STATUSES else "ignored"
        actions.append({
            "event_id": event["id"], "name": item["name"], "kind": kind, "resource_href": href,
            "mission_id": values.get("missionId") or ("/missions/" in (href or "") and
                                                      object_id(href)),
            "step": STEP_ALIASES.get(values.get("etatMission"), values.get("etatMission", False)),
            "status": QUOTE_STATUSES.get(values.get("status"), values.get("status", False))})
    return actions


def attachment_values(resource):
    """{sinapps_id, name, type, category, description, mimetype, size, date, sollicitation_id,
    warnings} of an attachment resource (category: claims_base document category code)."""
    props, warnings = resource["properties"], []
    kind = _code(props.get("type"), ATTACHMENT_TYPES, "attachment type", warnings)
    return {"sinapps_id": props["id"], "name": safe_filename(props.get("nom")), "type": kind,
            "category": ATTACHMENT_TYPES.get(kind, ("other",))[0], "warnings": warnings,
            "description": _text(props.get("descriptif")), "size": props.get("taille") or 0,
            "mimetype": _text(props.get("contentType")), "sollicitation_id": props.get(
                "sollicitationId", False), "date": to_utc(props.get("dateDeCreation"))}


def sollicitation_values(resource):
    """{sinapps_id, mission_id, kind, sender, recipient (our keys; an unknown code is kept),
    text, due_date, date, state, answer, date_answer, allowed, warnings}."""
    props = resource["properties"]
    kind, sender, recipient = (_key(table, (props.get(field) or {}).get("name")) for field, table
                               in (("typeSollicitation", SOLLICITATION_KINDS), ("emetteur",
                                   SOLLICITATION_PARTIES), ("destinataire", SOLLICITATION_PARTIES)))
    warnings = [f"Unknown Sinapps sollicitation code {code!r}: kept as text." for code in (
        kind, sender, recipient) if code not in SOLLICITATION_KINDS | SOLLICITATION_PARTIES]
    answer, state = props.get("reponse") or {}, (props.get("etat") or {}).get("name")
    return {"sinapps_id": props["id"], "mission_id": props.get("missionId"), "kind": kind,
            "sender": sender, "recipient": recipient, "text": props.get("message", ""),
            "due_date": props.get("dateEcheance", False), "warnings": warnings,
            "date": to_utc(props.get("dateDeCreation")), "date_answer": to_utc(answer.get("date")),
            "state": SOLLICITATION_STATES.get(state, state), "answer": answer.get("message", False),
            "allowed": not sollicitation_problem(sender, recipient, kind)}


def sollicitation_problem(sender, recipient, kind):
    """Why the matrix forbids a sollicitation (English, says what is allowed), or None."""
    if kind in SOLLICITATION_MATRIX.get((sender, recipient), ()):
        return None
    names = {key: value[1] for key, value in SOLLICITATION_PARTIES.items()}
    allowed = "; ".join(f"to {names[to]}: " + ", ".join(SOLLICITATION_KINDS[k][1] for k in kinds)
                        for (frm, to), kinds in SOLLICITATION_MATRIX.items() if frm == sender)
    what = SOLLICITATION_KINDS.get(kind, (None, f"sollicitation {kind!r}"))[1]
    return (f"A {what} cannot go from {names.get(sender, repr(sender))} to "
            f"{names.get(recipient, repr(recipient))}. " + (
                f"From {names[sender]}, Sinapps allows: {allowed}." if allowed else
                f"Sinapps allows nothing from {names.get(sender, repr(sender))}."))


def check_sollicitation(sender, recipient, kind):
    """Refuse (PermanentError ``sollicitation_not_allowed``) what the matrix forbids."""
    problem = sollicitation_problem(sender, recipient, kind)
    if problem:
        raise PermanentError(problem, kind="sollicitation_not_allowed")


def quote_values(resource):
    """Values of a quote or an invoice resource: {sinapps_id, lines [{name, quantity, uom,
    price_unit, vat_rate, amount_untaxed}], amount_untaxed, amount_tax, amount_total}, and for a
    quote {reference, date, validation, state, decided_by, date_decision, decision_reason}, for
    an invoice {number, date, kind, quote_id} (our keys)."""
    props = resource["properties"]
    values = {"sinapps_id": props["id"], "amount_untaxed": props["montantHT"],
              "amount_tax": props["montantTVA"], "amount_total": props["montantTTC"], "lines": [{
                  "name": line["libelle"], "quantity": line["quantite"], "uom": line.get("unite",
                  ""), "price_unit": line["prixUnitaireHT"], "vat_rate": line["tauxTVA"],
                  "amount_untaxed": line["montantHT"]} for line in props.get("lignes") or []]}
    if "numero" in props:  # an invoice
        return {**values, "number": props["numero"], "date": props["dateFacture"],
                "kind": _key(INVOICE_TYPES, props["typeFacture"]["name"]),
                "quote_id": props.get("devisId", False)}
    decision = props.get("decision") or {}
    return {**values, "reference": props["reference"], "date": props["dateDevis"],
            "validation": _key(QUOTE_VALIDATIONS, props["validation"]["name"]),
            "state": QUOTE_STATES.get(props["etat"]["name"], props["etat"]["name"]),
            "decided_by": QUOTE_DECIDERS.get((decision.get("par") or {}).get("name"), False),
            "date_decision": to_utc(decision.get("date")),
            "decision_reason": decision.get("commentaire", False)}


def history_values(items):
    """[{step, label, date}] of the items of a mission's ``historique``, oldest first."""
    return [{"step": (step := STEP_ALIASES.get(item["etape"]["name"], item["etape"]["name"])),
             "label": STEP_LABELS.get(step, item["etape"].get("label")),
             "date": to_utc(item.get("date"))} for item in items]
