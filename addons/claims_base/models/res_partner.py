# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    claims_role_ids = fields.Many2many(
        "claims.participant.role",
        string="Claims roles",
        help="The roles this partner usually takes on claims (insurer, repairer, lawyer...).",
    )
    claims_ref_ids = fields.One2many("claims.partner.ref", "partner_id", string="External ids")
    claims_participant_ids = fields.One2many("claims.participant", "partner_id")

    @api.model
    def get_import_templates(self):
        return [*super().get_import_templates(), {
            "label": self.env._("Import template for drivers"),
            "template": "/claims_base/static/xls/claims_drivers_import_template.xlsx",
        }]

    def _get_claims_ref(self, system):
        """This partner's id in an external system, or False."""
        self.ensure_one()
        return self.claims_ref_ids.filtered(lambda r: r.system == system)[:1].ref or False

    @api.model
    def _find_by_claims_ref(self, system, ref):
        return self.env["claims.partner.ref"].search(
            [("system", "=", system), ("ref", "=", ref)], limit=1
        ).partner_id
