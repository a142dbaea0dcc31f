# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from markupsafe import Markup
from psycopg2.errors import UniqueViolation

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.claims_connector.connector.exceptions import RetryableError

from .. import mapping

TIVA_ID = re.compile(r"[A-Z0-9\-]{1,20}")
QUIET_CREATE = {"tracking_disable": True}


class ClaimsPolicyportVendor(models.Model):
    """A vendor's Tiva Payee ID in one PolicyPort backend: the id a payment names its payee by.

    Unique per backend (the database refuses a second vendor with the same Payee ID, and a
    second Payee ID for one vendor). Claims users read them; integration admins and claims
    managers edit them (the Vendors menu). The initial load (``_import_list``) creates the
    account's vendors as global vendors, idempotent on the Payee ID.
    """

    _name = "claims.policyport.vendor"
    _description = "Tiva Payee ID of a vendor"
    _order = "backend_id, payee_id"
    _rec_name = "payee_id"

    backend_id = fields.Many2one(
        "claims.policyport.backend", required=True, ondelete="cascade", index=True)
    partner_id = fields.Many2one(
        "res.partner", string="Vendor", required=True, ondelete="cascade", index=True)
    payee_id = fields.Char(string="Tiva Payee ID", required=True)
    company_id = fields.Many2one(related="backend_id.company_id", store=True)

    _payee_id_unique = models.Constraint(
        "UNIQUE (backend_id, payee_id)",
        "This Tiva Payee ID already belongs to another vendor of this backend.",
    )
    _partner_unique = models.Constraint(
        "UNIQUE (backend_id, partner_id)", "A vendor has one Tiva Payee ID per backend.")

    @api.constrains("payee_id")
    def _check_payee_id(self):
        """A Tiva Payee ID is 1 to 20 capitals, digits or dashes (the contract's TivaId)."""
        for vendor in self:
            if not TIVA_ID.fullmatch(vendor.payee_id or ""):
                raise ValidationError(self.env._(
                    "%(id)s is not a Tiva Payee ID: 1 to 20 capitals, digits or dashes.",
                    id=vendor.payee_id))

    # ------------------------------------------------------------------ business

    @api.model
    def _payee_ids(self, backend, partners):
        """{partner id: Payee ID} of these partners in a backend (one query)."""
        if not backend or not partners:
            return {}
        return {vendor.partner_id.id: vendor.payee_id for vendor in self.sudo().search_fetch(
            [("backend_id", "=", backend.id), ("partner_id", "in", partners.ids)],
            ["partner_id", "payee_id"])}

    @api.model
    def _partners_by_payee_id(self, backend, payee_ids):
        """{Payee ID: partner} of the known ones among ``payee_ids`` (one query)."""
        if not payee_ids:
            return {}
        return {vendor.payee_id: vendor.partner_id for vendor in self.sudo().search_fetch(
            [("backend_id", "=", backend.id), ("payee_id", "in", list(payee_ids))],
            ["partner_id", "payee_id"])}

    @api.model
    def _bind(self, backend, pairs):
        """Give partners their Payee IDs: ``pairs`` [(partner, payee id)].

        Two imports at once may give the same Payee ID: the database refuses the second,
        whose job is retried a few seconds later and finds the first one's vendor.
        """
        firsts = {}
        for partner, payee_id in pairs:
            firsts.setdefault(payee_id, partner)
        if not firsts:
            return self.browse()
        try:
            with self.env.cr.savepoint():
                return self.sudo().create([
                    {"backend_id": backend.id, "partner_id": partner.id, "payee_id": payee_id}
                    for payee_id, partner in firsts.items()])
        except UniqueViolation as err:
            raise RetryableError(
                self.env._("A vendor was being created by another import at the same time."),
                kind="concurrent_import", retry_after=5,
            ) from err

    @api.model
    def _import_list(self, backend):
        """The initial load: PolicyPort's vendor list as global vendors of this backend.

        A Payee ID known here is not created again; a vendor a claim created (a "Vendor"
        contact) becomes global with it. Logged as one exchange.

        :returns: the summary
        """
        vendors = backend._get_client().list_vendors(mapping.VENDOR_PAGE_SIZE)
        known = self._partners_by_payee_id(backend, [v["payee_id"] for v in vendors])
        promoted = self.env["res.partner"].browse(
            [partner.id for partner in known.values() if not partner.is_global_vendor])
        promoted.sudo().write({"is_global_vendor": True, "is_claim_contact": False,
                               "claims_contact_type": "vendor"})
        new = list({v["payee_id"]: v for v in vendors if v["payee_id"] not in known}.values())
        states = {s.code: s.id for s in self.env["res.country.state"].sudo().search(
            [("country_id", "=", self.env.ref("base.us").id)])}
        values = []
        for vendor in new:
            partner_values = mapping.vendor_partner_values(vendor)
            state = partner_values.pop("tiva_state")
            if state in states:
                partner_values.update(state_id=states[state],
                                      country_id=self.env.ref("base.us").id)
            values.append(partner_values)
        partners = self.env["res.partner"].sudo().with_context(**QUIET_CREATE).create(values)
        self._bind(backend, [(partner, vendor["payee_id"])
                             for partner, vendor in zip(partners, new, strict=True)])
        summary = self.env._(
            "Vendor list: %(new)s new, %(promoted)s made global, %(known)s known",
            new=len(new), promoted=len(promoted), known=len(known) - len(promoted))
        backend.sudo().date_vendors_imported = fields.Datetime.now()
        self.env["claims.exchange"]._create_for(backend, [{
            "direction": "in", "kind": "vendors", "state": "done", "summary": summary,
            "date_done": fields.Datetime.now()}])
        backend.sudo().message_post(body=Markup("<p>%s</p>") % summary,
                                    subtype_xmlid="mail.mt_note")
        return summary
