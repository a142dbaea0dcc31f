# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.claims_base.tests.common import ClaimsCommon


class ClaimsAuthorityCommon(ClaimsCommon):
    """ClaimsCommon's account with authority limits.

    Handlers (group): reserve changes up to 10,000, payments up to 5,000, and on third-party
    liability 2,000 and 1,000. Managers (group): 50,000 and 20,000. Sam Senior, a manager,
    has his own line: 200,000 and 100,000. A second handler and a second manager have the
    group limits. Own damage coverage holds a reserve of 150,000.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        companies = [Command.set((cls.company | cls.branch).ids)]
        cls.user_handler_2 = new_test_user(
            cls.env, login="handler_2", groups="claims_base.group_claims_user",
            company_id=cls.company.id, company_ids=companies, name="Henk Handler",
        )
        cls.user_manager_2 = new_test_user(
            cls.env, login="manager_2", groups="claims_base.group_claims_manager",
            company_id=cls.company.id, company_ids=companies, name="Mia Manager",
        )
        cls.user_senior = new_test_user(
            cls.env, login="senior", groups="claims_base.group_claims_manager",
            company_id=cls.company.id, company_ids=companies, name="Sam Senior",
        )
        cls.group_user = cls.env.ref("claims_base.group_claims_user")
        cls.group_manager = cls.env.ref("claims_base.group_claims_manager")
        Limit = cls.env["claims.authority.limit"]
        cls.limit_handlers = Limit.create({
            "company_id": cls.company.id, "group_id": cls.group_user.id,
            "amount_reserve": 10000, "amount_payment": 5000,
        })
        cls.limit_handlers_tpl = Limit.create({
            "company_id": cls.company.id, "group_id": cls.group_user.id,
            "coverage_type_id": cls.coverage_type_tpl.id,
            "amount_reserve": 2000, "amount_payment": 1000,
        })
        cls.limit_managers = Limit.create({
            "company_id": cls.company.id, "group_id": cls.group_manager.id,
            "amount_reserve": 50000, "amount_payment": 20000,
        })
        cls.limit_senior = Limit.create({
            "company_id": cls.company.id, "user_id": cls.user_senior.id,
            "amount_reserve": 200000, "amount_payment": 100000,
        })
        cls.coverage._add_reserve(150000, "first estimate")
        cls.activity_type = cls.env.ref(
            "claims_authority.mail_activity_type_authority_approval")

    def _requested(self, amount, user=None, **values):
        user = user or self.user_handler
        payment = self._payment(amount, user=user, **values)
        payment.with_user(user).action_request()
        return payment

    def _approval_activities(self, record):
        return record.activity_ids.filtered(lambda a: a.activity_type_id == self.activity_type)
