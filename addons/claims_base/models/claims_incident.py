# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.maps import map_settings, osm_url
from ..tools.sequence import name_from_sequence
from ..tools.window_actions import records_of

INCIDENT_TYPES = [
    ("vehicle_collision", "Vehicle collision"),
    ("cargo_damage", "Cargo damage"),
    ("property_damage", "Property damage"),
    ("theft", "Theft"),
    ("injury", "Injury"),
    ("other", "Other"),
]
# Injuries are health data: only this group reads or writes them (portal: a projection).
HEALTH = "claims_base.group_claims_health"


class ClaimsIncident(models.Model):
    """What happened: one incident produces one or more claims."""

    _name = "claims.incident"
    _description = "Incident"
    _inherit = ["mail.thread", "mail.activity.mixin", "claims.field.history.mixin"]
    _order = "date_incident desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/", index="trigram"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, tracking=True
    )
    state = fields.Selection(
        [("new", "New"), ("claims_opened", "Claims opened"), ("closed", "Closed")],
        default="new",
        required=True,
        tracking=True,
    )
    # What and when
    incident_type = fields.Selection(INCIDENT_TYPES, string="Type", required=True, tracking=True)
    date_incident = fields.Datetime(
        string="Date and time", required=True, default=fields.Datetime.now, tracking=True
    )
    reporter_tz = fields.Selection(
        related="reporter_id.tz", string="Reporter's time zone", readonly=True
    )
    description = fields.Text(string="What happened")
    # Where
    address = fields.Char(tracking=True)
    latitude = fields.Float(digits=(10, 7))
    longitude = fields.Float(digits=(10, 7))
    # Who and what
    reporter_id = fields.Many2one("res.partner", string="Reported by", tracking=True)
    vehicle_id = fields.Many2one(
        "fleet.vehicle", check_company=True, tracking=True, index=True
    )
    trailer_id = fields.Many2one(
        "fleet.vehicle",
        check_company=True,
        domain="[('model_id.vehicle_type', '=', 'trailer')]",
    )
    party_ids = fields.One2many("claims.incident.party", "incident_id", string="Other parties")
    police_report_number = fields.Char()
    # not copied: a duplicate by someone without the group would fail, and health data is not
    # carried to another file
    has_injuries = fields.Boolean(string="Injuries", tracking=True, groups=HEALTH, copy=False)
    injury_details = fields.Text(
        tracking=True,
        groups=HEALTH,
        copy=False,
        help="Who was hurt and how. Only the injury and health group reads it: keep health "
        "details here, not in the description.",
    )
    has_cargo = fields.Boolean(string="Cargo involved")
    participant_ids = fields.One2many("claims.participant", "incident_id", string="Participants")
    document_ids = fields.One2many("claims.document", "incident_id", string="Documents")
    document_count = fields.Integer(compute="_compute_document_count")
    claim_ids = fields.One2many("claims.claim", "incident_id", string="Claims")
    claim_count = fields.Integer(compute="_compute_claim_count")
    duplicate_warning = fields.Char(compute="_compute_duplicate_warning")
    # Reported from a phone (portal or incident link)
    submission_uuid = fields.Char(
        readonly=True,
        copy=False,
        help="The id the phone form gave this report: sending it twice finds this incident.",
    )
    incident_link_id = fields.Many2one(
        "claims.incident.link", string="Reported through", readonly=True, copy=False,
        index="btree_not_null",
    )
    map_url = fields.Char(string="Map", compute="_compute_map_url")

    _submission_uuid_unique = models.UniqueIndex(
        "(submission_uuid) WHERE submission_uuid IS NOT NULL",
        "This report was already sent.",
    )

    # ------------------------------------------------------------------ computes

    def _compute_document_count(self):
        counts = dict(
            self.env["claims.document"]._read_group(
                [("incident_id", "in", self.ids)], ["incident_id"], ["__count"]
            )
        )
        for incident in self:
            incident.document_count = counts.get(incident, 0)

    def _compute_claim_count(self):
        counts = dict(
            self.env["claims.claim"]._read_group(
                [("incident_id", "in", self.ids)], ["incident_id"], ["__count"]
            )
        )
        for incident in self:
            incident.claim_count = counts.get(incident, 0)

    @api.depends("latitude", "longitude")
    def _compute_map_url(self):
        for incident in self:
            incident.map_url = osm_url(incident.latitude, incident.longitude)

    @api.depends("vehicle_id", "date_incident")
    def _compute_duplicate_warning(self):
        for incident in self:
            incident.duplicate_warning = False
            if not (incident.vehicle_id and incident.date_incident):
                continue
            day = fields.Datetime.to_datetime(incident.date_incident).replace(
                hour=0, minute=0, second=0, microsecond=0
            )
            others = self.search(
                [
                    ("id", "!=", incident._origin.id or 0),
                    ("vehicle_id", "=", incident.vehicle_id.id),
                    ("date_incident", ">=", day),
                    ("date_incident", "<", day + timedelta(days=1)),
                ],
                limit=3,
            )
            if others:
                incident.duplicate_warning = self.env._(
                    "Possible duplicate: %(refs)s for the same vehicle on the same day.",
                    refs=", ".join(others.mapped("name")),
                )

    # ------------------------------------------------------------------ CRUD

    @api.model_create_multi
    def create(self, vals_list):
        name_from_sequence(self.env, vals_list, "claims.incident")
        return super().create(vals_list)

    # ------------------------------------------------------------------ actions

    def action_open_claims(self):
        """Create one claim per matching incident rule; pressing again creates nothing new."""
        claims = self.env["claims.claim"]
        for incident in self:
            if incident.state == "closed":
                raise UserError(self.env._("Incident %s is closed.", incident.name))
            claims |= incident._open_claims_from_rules()
        if len(self) == 1:
            return self.action_view_claims()
        return True

    def action_close(self):
        self.write({"state": "closed"})

    def action_reset(self):
        for incident in self:
            incident.state = "claims_opened" if incident.claim_ids else "new"

    def action_view_claims(self):
        return records_of(self, "claims_base.claims_claim_action", "incident_id")

    def action_view_documents(self):
        return records_of(self, "claims_base.claims_document_action", "incident_id")

    @api.model
    def get_map_settings(self):
        """The tile server and start of the map widget (any internal user may draw a map)."""
        return map_settings(self.env)

    # ------------------------------------------------------------------ business

    def _open_claims_on_report(self, log=True):
        """Open the rules' claims of a report just filed, when its company wants it at once
        (``log``: note them on the incident; the phone form's notice names them instead)."""
        self.ensure_one()
        if self.company_id.claims_open_on_report != "automatic" or self.state != "new":
            return self.env["claims.claim"]
        try:
            with self.env.cr.savepoint():
                return self._open_claims_from_rules(log=log)
        except (UserError, ValidationError) as error:
            # the report is kept whatever the rules do: the handler opens them by hand
            self.message_post(body=self.env._(
                "The claims of this report could not be opened automatically: %s "
                "Correct the incident or its rules, then press Open claims.", error.args[0]))
            return self.env["claims.claim"]

    def _open_claims_from_rules(self, log=True):
        """Create the claims of the matching rules that have none yet; return them."""
        self.ensure_one()
        rules = self.env["claims.incident.rule"].search(
            self.env["claims.incident.rule"]._check_company_domain(self.company_id)
        ).filtered(lambda rule: rule._matches(self))
        done = self.claim_ids.incident_rule_id
        vals_list = [rule._prepare_claim_values(self) for rule in rules - done]
        claims = self.env["claims.claim"].create(vals_list)
        if self.claim_ids:
            self.state = "claims_opened"
        if claims and log:
            self.message_post(
                body=self.env._("Claims opened: %s", ", ".join(claims.mapped("name")))
            )
        return claims
