# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .. import mapping


class ClaimsSinappsDepositLine(models.Model):
    """An amount line of a trade's quote or invoice, as Sinapps takes it."""

    _name = "claims.sinapps.deposit.line"
    _description = "Sinapps quote or invoice line"
    _order = "deposit_id, sequence, id"

    deposit_id = fields.Many2one("claims.sinapps.deposit", required=True, ondelete="cascade",
                                 index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Label", required=True)
    quantity = fields.Float(default=1.0, required=True)
    uom = fields.Char(string="Unit", help="e.g. m², h, forfait")
    price_unit = fields.Float(string="Unit price excl. VAT", required=True)
    vat_rate = fields.Float(string="VAT %", default=10.0, required=True)
    currency_id = fields.Many2one(related="deposit_id.currency_id")
    amount_untaxed = fields.Monetary(string="Amount excl. VAT", compute="_compute_amounts",
                                     store=True)
    amount_tax = fields.Monetary(string="VAT", compute="_compute_amounts", store=True)

    @api.model_create_multi
    def create(self, vals_list):
        self.browse()._check_deposit_open(self.env["claims.sinapps.deposit"].browse(
            {vals["deposit_id"] for vals in vals_list if vals.get("deposit_id")}))
        return super().create(vals_list)

    def write(self, vals):
        deposits = self.deposit_id
        if vals.get("deposit_id"):
            deposits |= deposits.browse(vals["deposit_id"])
        self._check_deposit_open(deposits)
        return super().write(vals)

    def unlink(self):
        self._check_deposit_open()
        return super().unlink()

    def _check_deposit_open(self, deposits=None):
        """The lines of a quote or an invoice sent to Sinapps are what Sinapps has: no user
        changes them (the deposit itself refuses it the same way)."""
        deposits = self.deposit_id if deposits is None else deposits
        if not self.env.su and deposits.filtered(lambda d: d.state != "submitted"):
            raise UserError(self.env._("A quote or an invoice sent to Sinapps is not changed: "
                                       "ask the trade for a new one."))

    @api.constrains("vat_rate", "quantity")
    def _check_vat_rate(self):
        """The VAT rate is one Sinapps knows; the quantity is positive."""
        for line in self:
            if line.vat_rate not in mapping.VAT_RATES:
                raise ValidationError(self.env._(
                    "VAT rate %(rate)s: Sinapps takes %(rates)s.", rate=line.vat_rate,
                    rates=", ".join(f"{rate:g}" for rate in mapping.VAT_RATES)))
            if line.quantity <= 0:
                raise ValidationError(self.env._("A line's quantity is positive."))

    @api.depends("quantity", "price_unit", "vat_rate")
    def _compute_amounts(self):
        for line in self:
            line.amount_untaxed = round(line.quantity * line.price_unit, 2)
            line.amount_tax = line.amount_untaxed * line.vat_rate / 100

    def _sinapps_values(self):
        return [{"name": line.name, "quantity": line.quantity, "uom": line.uom or "",
                 "price_unit": line.price_unit, "vat_rate": line.vat_rate} for line in self]
