# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields, models

from ..client import PolicyPortClient, parse_xml  # noqa: F401 - parse_xml re-exported for tests
from ..mapping import SYSTEM


class ClaimsPolicyportBackend(models.Model):
    """A PolicyPort account: its connection, its import options and its runs.

    Rights as in ``claims.backend.mixin``: claims users read, integration admins edit and
    read the credentials. The scheduled action (every 15 minutes) enqueues one poll job per
    due backend; the poll lists the claims assigned since the day before the last successful
    run and enqueues one import job per new claim.
    """

    _name = "claims.policyport.backend"
    _description = "PolicyPort backend"
    _inherit = ["claims.backend.mixin"]

    import_journals = fields.Boolean(
        string="Import journals as notes", help="Each PolicyPort journal becomes a claim note."
    )
    default_vendor_id = fields.Many2one(
        "res.partner", string="Default vendor", check_company=True,
        help="Added as vendor to every imported claim.",
    )
    claim_type_id = fields.Many2one("claims.claim.type", check_company=True,
                                    help="The type of the imported claims.")

    # ------------------------------------------------------------------ connector hooks

    def _get_client(self):
        self.ensure_one()
        login, secret = self._get_credentials()
        return PolicyPortClient(self.endpoint, login, secret, timeout=self.timeout or 30)

    def _get_assigned_since(self):
        """The day before the last successful run; the first run: since yesterday."""
        self.ensure_one()
        last = self.date_last_success or fields.Datetime.now()
        return last.date() - timedelta(days=1)

    def _poll(self):
        """List the claims assigned since the cursor date and enqueue one job per new claim."""
        self.ensure_one()
        since = self._get_assigned_since()
        refs = self._get_client().list_claims(since)
        Exchange = self.env["claims.exchange"]
        bindings = self.env["claims.binding"]._find(
            self, "claims.claim",
            [ref["tiva_claim_id"] for ref in refs],
            [f"{ref['client']}|{ref['client_claim_number']}" for ref in refs],
        )
        bound = set(bindings.mapped("external_id")) | set(bindings.mapped("external_key"))
        known = set(Exchange.sudo().search([
            ("backend_model", "=", self._name), ("backend_id", "=", self.id),
            ("kind", "=", "claim"), ("external_id", "in", [r["tiva_claim_id"] for r in refs]),
            ("state", "in", ("pending", "error", "skipped")),
        ]).mapped("external_id"))
        batch = self._new_batch()
        new, skipped = [], []
        for ref in refs:
            key = f"{ref['client']}|{ref['client_claim_number']}"
            if ref["tiva_claim_id"] in bound or key in bound or ref["tiva_claim_id"] in known:
                continue
            values = {"direction": "in", "kind": "claim", "external_id": ref["tiva_claim_id"],
                      "batch": batch}
            if not ref["date_assigned"]:
                skipped.append(dict(values, state="skipped",
                                    summary=self.env._("Date Assigned is empty in PolicyPort."),
                                    date_done=fields.Datetime.now()))
            else:
                new.append(values)
        exchanges = Exchange._create_for(self, new + skipped)
        exchanges.filtered(lambda e: e.state == "pending")._enqueue()
        self._mark_success(cursor=since.isoformat())
        return self.env._(
            "%(new)s new, %(skipped)s skipped, %(known)s known claims (batch %(batch)s)",
            new=len(new), skipped=len(skipped), known=len(refs) - len(new) - len(skipped),
            batch=batch,
        )

    def _process_exchange(self, exchange):
        if exchange.kind == "claim":
            return self.env["claims.policyport.importer"]._import_claim(self, exchange)
        return super()._process_exchange(exchange)

    def _partner_system(self):
        return SYSTEM
