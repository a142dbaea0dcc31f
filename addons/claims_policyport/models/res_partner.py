# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .. import mapping

PAYEE_ID_EDITORS = ("claims_connector.group_claims_integration",
                    "claims_base.group_claims_manager")


class ResPartner(models.Model):
    """PolicyPort's contacts: a contact type, global vendors and their Tiva Payee IDs.

    A contact that holds a Tiva Payee ID keeps its contact type (PolicyPort's guide: changing
    it breaks the payment sync): ``write`` refuses the change, and the form says why.
    """

    _inherit = "res.partner"

    tiva_phone_home = fields.Char(string="Home phone")
    tiva_phone_work = fields.Char(string="Work phone")
    is_claim_contact = fields.Boolean(
        string="Claim contact",
        help="Made by a connector for one claim (e.g. a vendor PolicyPort knows and we do not): "
        "not a vendor of the account.",
    )
    claims_contact_type = fields.Selection(
        mapping.CONTACT_TYPES, string="Contact type",
        help="Vendor: paid for work on claims. A contact that has a Tiva Payee ID keeps its "
        "type: changing it would break the payment sync with PolicyPort.",
    )
    is_global_vendor = fields.Boolean(
        string="Global", help="A vendor of the account, offered on every claim (PolicyPort's "
        "vendor list), rather than a contact made for one claim.")
    tiva_vendor_ids = fields.One2many(
        "claims.policyport.vendor", "partner_id", string="Tiva Payee IDs",
        groups="claims_base.group_claims_user")
    has_tiva_payee_id = fields.Boolean(
        compute="_compute_has_tiva_payee_id", compute_sudo=True)
    can_edit_tiva_payee_ids = fields.Boolean(compute="_compute_can_edit_tiva_payee_ids")

    @api.depends("tiva_vendor_ids")
    def _compute_has_tiva_payee_id(self):
        for partner in self:
            partner.has_tiva_payee_id = bool(partner.tiva_vendor_ids)

    def _compute_can_edit_tiva_payee_ids(self):
        can_edit = any(self.env.user.has_group(group) for group in PAYEE_ID_EDITORS)
        for partner in self:
            partner.can_edit_tiva_payee_ids = can_edit

    def write(self, vals):
        if "claims_contact_type" in vals and not self.env.su:
            frozen = self.filtered(lambda p: p.has_tiva_payee_id
                                   and p.claims_contact_type != vals["claims_contact_type"])
            if frozen:
                raise UserError(self.env._(
                    "%s holds a Tiva Payee ID: its contact type cannot be changed, PolicyPort's "
                    "payment sync relies on it.", ", ".join(frozen.mapped("display_name"))))
        return super().write(vals)
