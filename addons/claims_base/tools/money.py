# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The money totals of coverages and claims, which only the ledgers write."""

from odoo.exceptions import UserError

# The totals of a coverage and of its claim: computed from the reserve ledger and the payments.
MONEY_FIELDS = (
    "amount_reserve",
    "amount_paid",
    "amount_pending",
    "amount_outstanding",
    "amount_recovered",
    "amount_incurred",
    "amount_net_incurred",
)


def check_no_money_written(env, vals_list):
    """Totals follow the ledgers: nobody writes them, whatever their rights.

    Odoo stores what a caller writes into a stored computed field; the computes themselves
    never go through create or write.
    """
    if any(set(MONEY_FIELDS) & set(vals) for vals in vals_list):
        raise UserError(env._(
            "Reserves, payments and their totals come from the reserve ledger and the "
            "payments: change a reserve or make a payment instead."))


def check_no_totals_written(env, vals_list, names):
    """The loss totals (``names``) follow the amounts they sum: nobody writes them."""
    if any(set(names) & set(vals) for vals in vals_list):
        raise UserError(env._(
            "The insured and uninsured parts of a loss are computed: change the estimated "
            "damage, the deductible, the damage not covered or the reserves instead."))
