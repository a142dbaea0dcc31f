# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestDeskStartCompanies(HttpCase):
    """A handler of a head office lands on a desk with the branches' work, only the branches
    they may use, and a choice of companies already made in the switcher is kept."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        companies = cls.env["res.company"]
        cls.head = companies.create({"name": "Head office"})
        cls.north = companies.create({"name": "North branch", "parent_id": cls.head.id})
        cls.depot = companies.create({"name": "North depot", "parent_id": cls.north.id})
        cls.south = companies.create({"name": "South branch", "parent_id": cls.head.id})
        cls.other = companies.create({"name": "Other account"})
        allowed = cls.head | cls.north | cls.depot | cls.other
        cls.handler = cls._user("start_handler", "claims_base.group_claims_user", allowed)
        cls.clerk = cls._user("start_clerk", "base.group_user", allowed)
        cls.north_handler = cls._user(
            "start_north", "claims_base.group_claims_user", cls.north | cls.depot, cls.north)

    @classmethod
    def _user(cls, login, group, companies, company=None):
        user = new_test_user(cls.env, login=login, password=login * 2, groups=group)
        user.write({
            "company_ids": [Command.set(companies.ids)],
            "company_id": (company or cls.head).id,
        })
        return user

    def _open_backoffice(self, user, cookie=None):
        self.authenticate(user.login, user.login * 2)
        if cookie:
            self.opener.cookies.set("cids", cookie)
        response = self.url_open("/odoo")
        self.assertEqual(response.status_code, 200)
        return response.cookies.get("cids")

    def test_handler_starts_on_the_company_and_its_allowed_branches(self):
        cids = self._open_backoffice(self.handler)
        self.assertEqual(cids, "-".join(map(str, [self.head.id, *sorted(
            (self.north | self.depot).ids)])),
            "default company first, then the branches at any depth the user may use; "
            "not the branch the user may not use, not an unrelated company")

    def test_a_branch_handler_starts_on_the_branch_and_its_depot(self):
        cids = self._open_backoffice(self.north_handler)
        self.assertEqual(cids, f"{self.north.id}-{self.depot.id}")

    def test_a_choice_made_in_the_switcher_is_kept(self):
        self.assertIsNone(self._open_backoffice(self.handler, cookie=str(self.other.id)))

    def test_users_outside_claims_start_as_odoo_starts_them(self):
        self.assertIsNone(self._open_backoffice(self.clerk))
