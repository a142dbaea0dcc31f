# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields

from odoo.addons.claims_base.tests.common import ClaimsCommon


class ClaimsRecoveryCommon(ClaimsCommon):
    """The account's claim, handled by Hanna Handler, with a reserve of 10,000 on own damage
    and a subrogation of 4,000 to recover from the other party's insurer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.claim.user_id = cls.user_handler
        cls.coverage._add_reserve(10000, "repair estimate")
        cls.counterparty = cls.env["res.partner"].create(
            {"name": "Rhine Mutual", "is_company": True})
        cls.today = fields.Date.context_today(cls.env["claims.recovery"])
        cls.recovery = cls._create_recovery(4000)

    @classmethod
    def _create_recovery(cls, amount, kind="subrogation", coverage=None, user=None,
                         limitation_days=200, **values):
        coverage = coverage or cls.coverage
        env = cls.env(user=user) if user else cls.env
        return env["claims.recovery"].create({
            "claim_id": coverage.claim_id.id,
            "coverage_id": coverage.id,
            "kind": kind,
            "partner_id": cls.counterparty.id,
            "amount_expected": amount,
            "date_limitation": cls.today + timedelta(days=limitation_days),
            **values,
        })

    def _record_payment(self, recovery, amount=None, paid=True):
        """The recovery's own button, then the payment's steps: requested by the handler,
        approved by the manager, and (unless ``paid`` is False) paid."""
        action = recovery.with_user(self.user_handler).action_record_payment()
        payment = self.env["claims.payment"].browse(action["res_id"])
        if amount is not None:
            payment.with_user(self.user_handler).amount = amount
        payment.with_user(self.user_handler).action_request()
        payment.with_user(self.user_manager).action_approve()
        if paid:
            payment.with_user(self.user_manager).action_mark_paid()
        return payment
