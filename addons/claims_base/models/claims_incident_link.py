# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import ipaddress
import secrets
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL, consteq


def _new_token():
    return secrets.token_urlsafe(24)


class ClaimsIncidentLink(models.Model):
    """A per-company link with a secret token through which drivers without an account
    report incidents from their phone.

    The token is the only secret: rotating it kills every copy of the old link at once;
    archiving the link (revoke) closes it. Reports through a link are rate-limited per
    link and client address (``claims.incident.link.hit``).
    """

    _name = "claims.incident.link"
    _description = "Incident report link"
    _inherit = ["mail.thread"]
    _order = "company_id, name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, tracking=True
    )
    token = fields.Char(
        required=True,
        copy=False,
        default=lambda self: _new_token(),
        groups="claims_base.group_claims_manager",
    )
    active = fields.Boolean(default=True, tracking=True)
    url = fields.Char(compute="_compute_url", groups="claims_base.group_claims_manager")
    rate_limit = fields.Integer(
        string="Reports per hour",
        default=10,
        required=True,
        help="Reports accepted per hour from one client address through this link; "
        "photo uploads are limited to ten times this number.",
    )
    form_id = fields.Many2one(
        "claims.incident.form",
        check_company=True,
        tracking=True,
        help="The only form this link shows; empty: the company's forms, chosen by the kind "
        "of incident.",
    )
    incident_ids = fields.One2many("claims.incident", "incident_link_id", string="Incidents")
    incident_count = fields.Integer(compute="_compute_incident_count")

    _token_unique = models.Constraint("UNIQUE (token)", "An incident link token is unique.")

    # ------------------------------------------------------------------ computes

    @api.depends("token")
    def _compute_url(self):
        base_url = self.get_base_url()
        for link in self:
            link.url = f"{base_url}/claims/report/{link.token}"

    def _compute_incident_count(self):
        counts = dict(self.env["claims.incident"]._read_group(
            [("incident_link_id", "in", self.ids)], ["incident_link_id"], ["__count"]))
        for link in self:
            link.incident_count = counts.get(link, 0)

    # ------------------------------------------------------------------ actions

    def action_rotate_token(self):
        """Give the link a new secret: the old address stops working at once."""
        self.check_access("write")
        for link in self:
            link.sudo().token = _new_token()
            link.message_post(
                body=self.env._("Link rotated: the previous address no longer works.")
            )
        return True

    def action_revoke(self):
        """Close the link (archive it)."""
        self.check_access("write")
        self.active = False
        for link in self:
            link.message_post(body=self.env._("Link revoked."))
        return True

    # ------------------------------------------------------------------ business

    @api.model
    def _get_by_token(self, token):
        """The active link with this token (sudo), or an empty recordset."""
        if not token or not isinstance(token, str) or len(token) > 128:
            return self.browse()
        link_sudo = self.sudo().search([("token", "=", token)], limit=1)
        if link_sudo and consteq(link_sudo.token, token):
            return link_sudo
        return self.browse()

    def _is_rate_limited(self, address, kind):
        """Record one hit of ``kind`` from ``address``; True when over this link's limit.

        The hits of one link are counted one request at a time: each request touches the
        link's row first, so of two requests at once the second waits for the first and
        then fails with a serialization error, which Odoo answers by replaying it on a
        snapshot that counts the first one's hit. A burst of parallel reports (and their
        copy mails) cannot slip under the limit. An IPv6 client counts as its /64 network,
        which one subscriber holds whole.
        """
        self.ensure_one()
        address = self._get_rate_limit_address(address)
        limit = self.rate_limit * (10 if kind == "upload" else 1)
        self.env.cr.execute(SQL(
            "UPDATE claims_incident_link SET rate_limit = rate_limit WHERE id = %s", self.id
        ), log_exceptions=False)
        Hit = self.env["claims.incident.link.hit"].sudo()
        since = fields.Datetime.now() - timedelta(hours=1)
        count = Hit.search_count([
            ("link_id", "=", self.id),
            ("address", "=", address),
            ("kind", "=", kind),
            ("create_date", ">=", since),
        ])
        if count >= limit:
            return True
        Hit.create({"link_id": self.id, "address": address, "kind": kind})
        return False

    @api.model
    def _get_rate_limit_address(self, address):
        """The client address as the rate limit counts it: IPv6 by /64 network."""
        try:
            ip = ipaddress.ip_address(address or "")
        except ValueError:
            return address or ""
        if ip.version == 6:
            if ip.ipv4_mapped:
                return str(ip.ipv4_mapped)
            return str(ipaddress.ip_network(f"{ip}/64", strict=False))
        return str(ip)
