# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The Sinapps IRD protocol of a management centre (tests/simulators/sinapps/CONTRACT.md), no ORM.

``login()`` keeps the ``PLAY_SESSION`` cookie (``session_cookie``); a call answered 401 logs in
again once and is repeated. Login and logout are the only URLs written here: the rest follows
links by rel from ``user``, with query parameters (``since``, ``nbPage``) added to Sinapps'
hrefs; a link to another host is refused, no redirect followed. ``run`` reads a command among a
resource's ``commands``, runs its ``test`` action, then ``submit``; the platform's commands take
our keys (mapping's tables); a quote or an invoice Sinapps has under its reference with the same
amounts is not sent again. ``RetryableError``: timeouts, lost connections, 408, 429
(``retry_after``), 5xx, a new session refused at once; ``PermanentError``: other 4xx (Sinapps'
``userMessage``; ``sinapps_error``: its error body; ``payload``: the answer), a body not JSON or
not a resource, an answer over ``max_bytes``, a foreign link, a command not offered.
"""

import http.cookiejar
import json
from datetime import date, datetime
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import requests

from odoo.addons.claims_connector.connector.exceptions import PermanentError, RetryableError

from . import mapping

LOGIN_PATH = "/core/api/login"
LOGOUT_PATH = "/core/api/logout"
COOKIE = "PLAY_SESSION"
DEFAULT_MAX_BYTES = 25 * 1024 * 1024
PAGE_SIZE = 16
MAX_PAGES = 500
MULTIPART = ("ajouterPiecesJointes", "creerSollicitation", "repondreSollicitation",
             "deposerDevis", "deposerFacture")


class Resource:
    """A Sinapps resource: ``href``, ``properties``, ``links`` ({rel: href}, the first of each
    rel), ``items`` (of a list, as Resources), ``data`` (the JSON) and ``raw`` (bytes read)."""

    __slots__ = ("data", "raw")

    def __init__(self, data, raw=b""):
        self.data, self.raw = data, raw

    href = property(lambda self: self.data.get("href"))
    properties = property(lambda self: self.data.get("properties") or {})
    items = property(lambda self: [Resource(item) for item in self.data.get("items") or []])
    links = property(lambda self: {link.get("rel"): link.get("href")
                                   for link in reversed(self.data.get("links") or [])})

    def link(self, rel):
        return self.links.get(rel)


def _day(value):
    return value.isoformat() if isinstance(value, (date, datetime)) else str(value)


def _refuse(message, kind="refused"):
    raise PermanentError(message, kind=kind)


class SinappsClient:
    """One Sinapps account of a management centre (see the module docstring)."""

    def __init__(self, base_url, login, password, timeout=30, max_bytes=DEFAULT_MAX_BYTES,
                 session_cookie=None, session=None):
        self.base_url = base_url.rstrip("/")
        self.login_name, self.password, self.timeout = login, password, timeout
        self.max_bytes = max_bytes
        self.session_cookie = session_cookie
        self.http = session or requests.Session()
        # the cookie is sent by hand, to Sinapps' host only: the session's jar keeps none
        self.http.cookies.set_policy(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))
        self._origin = urlsplit(self.base_url)[:2]
        self._user = None

    def _url(self, href, params=None):
        parts = urlsplit(urljoin(self.base_url + "/", href))
        if parts[:2] != self._origin:
            _refuse(f"Sinapps linked to another host ({parts.netloc}): refused.", "foreign_link")
        if params:
            query = [(k, v) for k, v in parse_qsl(parts.query, True) if k not in params]
            query += [(k, v) for k, values in params.items()
                      for v in (values if isinstance(values, (list, tuple)) else [values])]
            parts = parts._replace(query=urlencode(query))
        return urlunsplit(parts)

    def _send(self, method, href, params=None, body=None, files=None):
        url = self._url(href, params)
        headers = {"Accept": "application/json", **(
            {"Cookie": f"{COOKIE}={self.session_cookie}"} if self.session_cookie else {})}
        try:
            with self.http.request(method, url, json=None if files else body, files=files,
                                   headers=headers, timeout=self.timeout, stream=True,
                                   allow_redirects=False) as answer:
                content = self._read(answer, method, href)
                return answer.status_code, answer.headers, content, answer.cookies.get(COOKIE)
        except requests.Timeout as err:
            raise RetryableError(f"Sinapps did not answer in {self.timeout} s ({method} {href}).",
                                 kind="timeout") from err
        except requests.RequestException as err:
            raise RetryableError(f"Sinapps connection lost ({method} {href}): {err}",
                                 kind="connection") from err

    def _read(self, answer, method, href):
        """The body, read up to ``max_bytes`` whatever Content-Length says."""
        declared, body = int(answer.headers.get("Content-Length") or 0), bytearray()
        for chunk in answer.iter_content(64 * 1024) if declared <= self.max_bytes else ():
            body += chunk
            if len(body) > self.max_bytes:
                break
        if max(declared, len(body)) > self.max_bytes:
            _refuse(f"Sinapps' answer to {method} {href} is over {self.max_bytes} bytes.",
                    "too_large")
        return bytes(body)

    @staticmethod
    def _error(content):
        try:
            return dict(json.loads(content))
        except (TypeError, ValueError):
            return {}

    def _check(self, status, headers, content, method, href):
        if status < 300:
            return
        error = self._error(content)
        said = error.get("userMessage") or content[:200].decode("utf-8", "replace")
        if status in (408, 429) or status >= 500:
            after = headers.get("Retry-After", "")
            raise RetryableError(f"Sinapps answered {status} to {method} {href}: {said}",
                                 kind=f"http_{status}", payload=content,
                                 retry_after=int(after) if after.isdigit() else None)
        err = PermanentError(said if 400 <= status < 500 else
                             f"Sinapps redirected {method} {href}: not followed.",
                             kind=f"http_{status}", payload=content)
        err.sinapps_error = error
        raise err

    def _call(self, method, href, params=None, body=None, files=None):
        """The body of a 2xx answer, logging in first, and again once on a 401."""
        if not self.session_cookie:
            self.login()
        status, headers, content, _cookie = self._send(method, href, params, body, files)
        if status == 401:
            self.login()
            status, headers, content, _cookie = self._send(method, href, params, body, files)
            if status == 401:
                raise RetryableError(f"Sinapps refused its new session on {method} {href}.",
                                     kind="session_lost", payload=content)
        self._check(status, headers, content, method, href)
        return content

    @staticmethod
    def _resource(content, what):
        try:
            data = json.loads(content)
        except ValueError as err:
            raise PermanentError(f"Sinapps answered {what} with a body that is not JSON: {err}",
                                 kind="malformed_json", payload=content) from err
        if not (isinstance(data, dict) and isinstance(data.get("href"), str) and all(isinstance(
                data.get(key, empty), type(empty)) for key, empty in (
                    ("properties", {}), ("links", []), ("items", [])))):
            raise PermanentError(f"Sinapps answered {what} with a body that is not a resource.",
                                 kind="schema", payload=content)
        return Resource(data, content)

    def login(self):
        """Log in: keep the PLAY_SESSION cookie; returns the user resource."""
        self.session_cookie = None
        status, headers, content, cookie = self._send(
            "POST", LOGIN_PATH, body={"login": self.login_name, "password": self.password})
        if status in (400, 401, 403):
            said = self._error(content).get("userMessage") or f"status {status}"
            _refuse(f"Sinapps refused the login of {self.login_name}: {said}", "login")
        self._check(status, headers, content, "POST", LOGIN_PATH)
        if not cookie:
            _refuse("Sinapps answered the login without a PLAY_SESSION cookie.", "login")
        self._user = self._resource(content, "the login")
        self.session_cookie = cookie
        return self._user

    def logout(self):
        if self.session_cookie:
            self._send("PUT", LOGOUT_PATH, body={})
        self.session_cookie = self._user = None

    @property
    def user(self):
        return self._user or self.login()

    def get(self, href, **params):
        return self._resource(self._call("GET", self._href(href), params), f"GET {href}")

    @staticmethod
    def _href(resource):
        return resource.href if isinstance(resource, Resource) else resource

    def _as_resource(self, resource):
        return resource if isinstance(resource, Resource) else self.get(resource)

    def follow(self, resource, rel, **params):
        href = self._as_resource(resource).link(rel)
        if not href:
            _refuse(f"Sinapps' {self._href(resource)} has no link {rel!r}.", "missing_link")
        return self.get(href, **params)

    def items(self, resource, rel, page_size=PAGE_SIZE, **params):
        """The items of every page of the list behind ``rel`` (``nbPage``, ``nbElements``)."""
        found = []
        for page in range(1, MAX_PAGES + 1):
            listing = self.follow(resource, rel, nbPage=page, nbElements=page_size, **params)
            found += listing.items
            total = listing.properties.get("totalNumberOfElements", len(found))
            if not listing.items or len(found) >= total or listing.properties.get(
                    "noPage", page) != page:
                break
        return found

    def events(self, since=0, max_events=50, names=(), rel="linked-events"):
        """Events after ``since`` (the id of the last event the caller stored), oldest first:
        [{id, href, raw, items: [{href, name, resource_type, ontology_id, user_id, data,
        resource_href, links}]}]. Asking again with the same ``since`` answers the same."""
        feed = self.follow(self.user, rel, since=int(since), maxEvents=max_events,
                           **({"eventNames": list(names)} if names else {}))
        try:
            events = [{"id": int(item["properties"]["id"]), "href": item["href"], "raw": item,
                       "items": [self._sub_event(sub) for sub in item.get("items") or []]}
                      for item in feed.data.get("items") or []]
        except (KeyError, TypeError, ValueError) as err:
            raise PermanentError(f"Sinapps sent an event without its id or name: {err!r}",
                                 kind="schema", payload=feed.raw) from err
        return sorted((e for e in events if e["id"] > int(since)), key=lambda e: e["id"])

    @staticmethod
    def _sub_event(sub):
        props, links = sub["properties"], Resource(sub).links
        return {"href": sub.get("href"), "name": props["name"], "links": links,
                "resource_type": props.get("resourceType"), "ontology_id": props.get("ontologyId"),
                "user_id": props.get("userId"), "data": props.get("data") or {},
                "resource_href": links.get("resource")}

    mission = get  # by its href: an event's resource link, an item of items(user, "missions")

    def mission_attachments(self, mission):
        """The attachments Sinapps shares with the platform on a mission (every page)."""
        return self.items(mission, "piecesJointes")

    def mission_history(self, mission):
        return [item.data for item in self.items(mission, "historique")]

    def prestation(self, mission):
        """The platform's open prestation on a mission (its commands: appointment, quote...)."""
        return next((p for p in self.items(mission, "prestations") if not p.properties.get(
            "cloturee")), None) or _refuse(
            f"Sinapps' mission {self._href(mission)} has no open prestation.", "no_prestation")

    def download(self, attachment):
        """{name (a safe base name), mimetype, content} of an attachment (its ``raw`` link)."""
        attachment = self._as_resource(attachment)
        href = attachment.link("raw") or _refuse(
            f"Sinapps' attachment {attachment.href} has no link 'raw'.", "missing_link")
        return {"name": mapping.safe_filename(attachment.properties.get("nom")),
                "mimetype": attachment.properties.get("contentType") or "application/octet-stream",
                "content": self._call("GET", href)}

    def run(self, resource, name, payload=None, files=None):
        """Read the command ``name`` offered by ``resource``, test it, then submit it:
        {id, name, checksum, event_href, event_id}."""
        resource = self._as_resource(resource)
        offered = {item.properties.get("name"): item for item in self.follow(
            resource, "commands").items}
        if name not in offered:
            _refuse(f"Sinapps does not offer {name} on {resource.href} now (the state of the "
                    "file or the account's rights do not allow it).", "command_unavailable")
        actions = {a.get("rel"): a for a in self.get(offered[name].href).data.get("actions", [])}
        if "submit" not in actions:
            _refuse(f"Sinapps' command {name} has no submit action.", "schema")
        if "test" in actions:
            self._act(actions["test"], name, payload, files)
        result = self._act(actions["submit"], name, payload, files)
        event = result.link("event")
        return {"id": result.properties.get("id"), "name": name, "event_href": event,
                "checksum": result.properties.get("checksum"),
                "event_id": event and int(urlsplit(event).path.rstrip("/").split("/")[-1])}

    def _act(self, action, name, payload, files):
        parts = name in MULTIPART and [("data", (None, json.dumps(payload or {}),
                                                 "application/json"))] + [
            ("file", tuple(file)) for file in files or ()]
        content = self._call(action.get("method", "PUT"), action["href"], body=payload or {},
                             files=parts or None)
        return self._resource(content, f"the command {name}")

    def _created(self, result, resource_type):
        """``result`` with ``created``: the resource of ``resource_type`` its event links."""
        for sub in self.get(result["event_href"]).data.get("items") or []:
            if sub.get("properties", {}).get("resourceType") == resource_type:
                return {**result, "created": self.get(Resource(sub).link("resource"))}
        return {**result, "created": None}

    # -------------------------------------------------------------- the platform's commands

    def send_sollicitation(self, mission, recipient, kind, text, due_date=None, files=()):
        """The platform asks the insurer or the expert (``recipient``) a ``kind`` of question
        (our keys); what the matrix forbids is refused before anything is sent."""
        mapping.check_sollicitation("platform", recipient, kind)
        payload = {"typeSollicitation": {"name": mapping.SOLLICITATION_KINDS[kind][0]},
                   "destinataire": {"name": mapping.SOLLICITATION_PARTIES[recipient][0]},
                   "message": text, **({"dateEcheance": _day(due_date)} if due_date else {})}
        return self._created(self.run(mission, "creerSollicitation", payload, files),
                             "sollicitations")

    def answer_sollicitation(self, sollicitation, text, files=()):
        """Answer a sollicitation addressed to the platform (``files``: [(name, bytes, type)])."""
        return self.run(sollicitation, "repondreSollicitation", {"message": text}, files)

    def take_appointment(self, mission, day, start, trade, end=None, kind="site",
                         duration=None, notes=None):
        """Transcribe the trade's visit: at ``start`` (HH:MM), or arriving between ``start`` and
        ``end``; ``trade``: {name, first_name, phone, reference}; ``kind``: site, video, phone."""
        value = {"date": _day(day), **({"heureDebut": start, "heureFin": end} if end
                                       else {"heure": start})}
        payload = {"horaire": {"name": "HorairePlage" if end else "HoraireFixe", "value": value},
                   "typeRendezVous": {"name": mapping.APPOINTMENT_KINDS[kind]},
                   **{f"{key}Intervenant": trade.get(ours) or "" for key, ours in (
                       ("nom", "name"), ("prenom", "first_name"), ("telephone", "phone"),
                       ("reference", "reference"))}}
        payload.update({k: v for k, v in (("dureeRendezVous", duration), ("notes", notes)) if v})
        return self.run(self.prestation(mission), "prendreRendezVous", payload)

    def plan_intervention(self, mission, day, exact=True, comment=None):
        """Transcribe the works date (``exact``) or the date they will be done by."""
        plan = {"name": "PlanificationFixe", "value": {"date": _day(day)}} if exact else {
            "name": "PlanificationPlage", "value": {"horizon": _day(day)}}
        payload = {"planification": plan, **({"commentaire": comment} if comment else {})}
        return self.run(self.prestation(mission), "planifierIntervention", payload)

    @staticmethod
    def _amounts(lines):
        """Sinapps' lines and totals of ours: [{name, quantity, price_unit, vat_rate, uom}]."""
        rows = [{"libelle": line["name"], "quantite": line["quantity"], "unite": line.get(
            "uom") or "", "prixUnitaireHT": line["price_unit"], "tauxTVA": line["vat_rate"],
            "montantHT": round(line["quantity"] * line["price_unit"], 2)} for line in lines]
        untaxed = round(sum(row["montantHT"] for row in rows), 2)
        tax = round(sum(row["montantHT"] * row["tauxTVA"] / 100 for row in rows), 2)
        return {"lignes": rows, "montantHT": untaxed, "montantTVA": tax,
                "montantTTC": round(untaxed + tax, 2)}

    def _deposit(self, mission, name, key, payload, pdf, rel):
        """Deposit a quote or an invoice with its PDF (name, bytes), unless Sinapps has it."""
        if not pdf or not pdf[1].startswith(b"%PDF"):
            _refuse(f"{payload[key]}: Sinapps takes it with its PDF.", "pdf_missing")
        for done in self.items(mission, rel):
            if done.properties.get(key) == payload[key]:  # deposited, its answer lost
                if any(done.properties.get(k) != payload[k] for k in (
                        "lignes", "montantHT", "montantTVA", "montantTTC")):
                    _refuse(f"{payload[key]} is already in Sinapps with other amounts.",
                            "already_deposited")
                return {"id": None, "name": name, "replayed": True, "created": done}
        return self._created(self.run(self.prestation(mission), name, payload, [
            (pdf[0], pdf[1], "application/pdf")]), rel)

    def deposit_quote(self, mission, reference, day, lines, validation, pdf, trade=None,
                      comment=None):
        """Deposit the trade's quote the platform accepted, to be validated by the insurer, the
        expert, the platform itself or automatically (``validation``)."""
        payload = {"reference": reference, "dateDevis": _day(day), **self._amounts(lines),
                   "validation": {"name": mapping.QUOTE_VALIDATIONS[validation]}}
        payload.update({key: value for key, value in (("commentaire", comment), ("intervenant", (
            trade or None) and {"nom": trade["name"], "prenom": trade.get("first_name", ""),
                                "telephone": trade.get("phone", "")})) if value})
        return self._deposit(mission, "deposerDevis", "reference", payload, pdf, "devis")

    def decide_quote(self, quote, accept, reason=None):
        """The platform validates (or refuses, with a ``reason``) a quote waiting for it."""
        return self.run(quote, "validerDevis", {
            "decision": {"name": "Valide" if accept else "Refuse"}, "commentaire": reason or ""})

    def deposit_invoice(self, mission, number, day, lines, pdf, kind="works", quote_id=None):
        """Deposit the trade's invoice (``kind``: works or management)."""
        payload = {"numero": number, "dateFacture": _day(day), **self._amounts(lines),
                   "typeFacture": {"name": mapping.INVOICE_TYPES[kind]}}
        if quote_id:
            payload["devisId"] = quote_id
        return self._deposit(mission, "deposerFacture", "numero", payload, pdf, "factures")

    def add_attachments(self, mission, files, kind="Photo", description=None):
        """Share files (``files``: [(name, bytes, type)]) of a Sinapps attachment ``kind``."""
        meta = {"label": {"name": kind, "value": mapping.ATTACHMENT_TYPES.get(kind, ("", kind))[1]}}
        meta.update({"descriptif": description} if description else {})
        return self.run(mission, "ajouterPiecesJointes", {"file": meta}, files)

    def change_mission_state(self, mission, step, comment=None):
        """Set a step the platform sets by hand (``mapping.STEP_CHANGES``)."""
        return self.run(mission, "changerEtapeMission", {"etape": {"name": step}, **(
            {"commentaire": comment} if comment else {})})
