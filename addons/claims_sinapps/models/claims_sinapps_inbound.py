# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo import api, models

from odoo.addons.claims_connector.connector.exceptions import PermanentError

from .. import mapping
from ..client import SinappsClient


class ClaimsSinappsInbound(models.AbstractModel):
    """The work of one stored Sinapps event: each of its sub-events in turn.

    A mission new to the backend is imported first, whatever the sub-event; a step is added to
    the claim's history; an attachment becomes a document; a sollicitation is recorded or
    answered; a quote decided by the insurer or the expert updates the quote. The echoes of
    the platform's own commands (appointment, quote and invoice deposits, planning) change
    nothing: their exchanges out traced them already.
    """

    _name = "claims.sinapps.inbound"
    _description = "Sinapps events"

    @api.model
    def _process_event(self, backend, exchange):
        raw = json.loads(exchange.sudo().payload_attachment_id.raw or b"{}")
        event = {"id": int(raw.get("properties", {}).get("id") or exchange.message_id),
                 "items": [SinappsClient._sub_event(sub) for sub in raw.get("items") or []]}
        client, claim, done = backend._get_client(), self.env["claims.claim"], []
        for action in mapping.event_actions(event):
            if action["kind"] == "ignored" or not action["mission_id"]:
                done.append(f"{action['name']}: ignored")
                continue
            claim = self.env["claims.sinapps.importer"]._get_claim(
                backend, client, action["mission_id"],
                lambda action=action: self._mission_href(client, action), exchange, event["id"])
            if not claim:
                raise PermanentError(self.env._(
                    "The claim of mission %s was deleted.", action["mission_id"]),
                    kind="claim_deleted")
            handler = getattr(self, f"_on_{action['kind']}", None)
            done.append(f"{action['name']}: " + (
                handler(backend, client, claim, action) if handler else "known"))
        exchange._set_done(claim or None, summary="; ".join(done)[:250])
        return claim

    def _mission_href(self, client, action):
        """The href of the mission of ``action``, by links only: the sub-event's resource when
        it is the mission, else its link ``mission``, else the platform's missions list."""
        href = action["resource_href"] or ""
        if "/missions/" in href:
            return href
        resource = client.get(href)
        if resource.link("mission"):
            return resource.link("mission")
        for mission in client.items(client.user, "missions"):
            if mapping.object_id(mission.href) == action["mission_id"]:
                return mission.href
        raise PermanentError(self.env._(
            "Sinapps does not list mission %s for the platform.", action["mission_id"]),
            kind="unknown_mission")

    # ------------------------------------------------------------------ sub-events

    def _on_step(self, backend, client, claim, action):
        if not action["step"]:
            return "known"
        line = self.env["claims.sinapps.step"]._record_event(
            claim, action["step"], action["event_id"])
        if not line:
            return self.env._("step %s already in the history", action["step"])
        return self.env._("step %s", action["step"])

    def _on_attachment(self, backend, client, claim, action):
        resource = client.get(action["resource_href"])
        documents = self.env["claims.sinapps.importer"]._import_attachments(
            backend, client, claim, [resource])
        return self.env._("%s documents", len(documents))

    def _on_sollicitation(self, backend, client, claim, action):
        resource = client.get(action["resource_href"])
        return self.env["claims.sinapps.sollicitation"]._receive(backend, client, claim, resource)

    def _on_quote_decision(self, backend, client, claim, action):
        quotes = client.items(client.mission(claim.sinapps_mission_href), "devis")
        return self.env["claims.sinapps.deposit"]._receive_decisions(claim, quotes)
