# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from odoo.exceptions import ValidationError
from odoo.tests import new_test_user

from odoo.addons.claims_base.tests.common import ClaimsCommon


class TestClaimsApiKeyDuration(ClaimsCommon):
    def test_partner_system_user_may_have_a_key_of_180_days_not_more(self):
        user = new_test_user(self.env, login="partner_api", groups="claims_api.group_claims_api",
                             company_id=self.company.id)
        keys = self.env["res.users.apikeys"].with_user(user)
        keys._check_expiration_date(datetime.now() + timedelta(days=179))
        with self.assertRaises(ValidationError):
            keys._check_expiration_date(datetime.now() + timedelta(days=181))

    def test_plain_claims_user_keeps_odoo_internal_user_limit(self):
        keys = self.env["res.users.apikeys"].with_user(self.user_handler)
        keys._check_expiration_date(datetime.now() + timedelta(days=89))
        with self.assertRaises(ValidationError):
            keys._check_expiration_date(datetime.now() + timedelta(days=91))
