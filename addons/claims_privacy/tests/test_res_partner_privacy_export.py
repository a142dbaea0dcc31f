# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from .common import ClaimsPrivacyCommon

TABLES = ("partner", "participations", "incidents", "claims", "payments", "messages",
          "documents")


class TestResPartnerPrivacyExport(ClaimsPrivacyCommon):
    def _export(self, partner=None):
        admin = self.env.ref("base.user_admin")
        name, data = (partner or self.paula).with_user(admin)._claims_privacy_export_zip()
        self.assertTrue(name.endswith(".zip"))
        return self._open_zip(data)

    def test_export_holds_the_person_records(self):
        files = self._export()
        self.assertEqual({f"{name}.json" for name in TABLES} | {"README.txt"},
                         {name for name in files if not name.startswith("files/")})
        readme = files["README.txt"].decode()
        for name in TABLES:
            self.assertIn(f"{name}.json", readme)
        self.assertEqual(self._table(files, "partner")[0]["email"], "paula@example.com")
        [incident] = self._table(files, "incidents")
        self.assertEqual((incident["name"], incident["appears_as"], incident["has_injuries"]),
                         (self.incident.name, ["reporter"], True))
        # an incident's injuries may be someone else's: only the claimant's claim has them
        self.assertNotIn("injury_details", incident)
        [claim] = self._table(files, "claims")
        self.assertEqual(claim["name"], self.claim.name)
        self.assertIn("claimant", claim["appears_as"])
        self.assertIn("payee", claim["appears_as"])
        self.assertEqual(claim["injury_details"], "Paula: two weeks of physiotherapy")
        [participation] = self._table(files, "participations")
        self.assertEqual(participation["claim_id"], self.claim.name)
        [payment] = self._table(files, "payments")
        self.assertEqual((payment["amount"], payment["main_payee"]), (300, True))
        bodies = " ".join(m["body"] or "" for m in self._table(files, "messages"))
        self.assertIn("Paula writes about her ankle", bodies)
        self.assertIn("Handler asks Paula for a receipt", bodies)
        stored = {path: content for path, content in files.items() if path.startswith("files/")}
        self.assertEqual(sorted(stored.values()), [b"paula letter", b"paula photo"])

    def test_export_holds_nothing_of_another_person(self):
        files = self._export()
        everything = b" ".join(files.values()).decode()
        for secret in ("Oscar", "oscar", self.claim_oscar.name, "broken arm", "x-ray",
                       "internal estimate", "handler-estimate", "cyclist"):
            self.assertNotIn(secret, everything)
        # and Oscar's own export is his, not Paula's
        oscar = b" ".join(self._export(self.oscar).values()).decode()
        self.assertIn("Oscar's broken arm", oscar)
        self.assertNotIn("ankle", oscar)

    def test_file_names_in_the_zip_are_safe_base_names(self):
        names = [name for name in self._export() if name.startswith("files/")]
        self.assertEqual(len(names), 2)
        for name in names:
            base = name.removeprefix("files/")
            self.assertNotIn("/", base)
            self.assertNotIn("\\", base)
            self.assertNotIn("..", base)
            self.assertNotIn(":", base)
        self.assertTrue(any(name.endswith("-ankle photo.jpg") for name in names))
        self.assertTrue(any(name.endswith("-letter.txt") for name in names))

    def test_export_is_noted_on_the_contact(self):
        self._export()
        self.assertIn("Personal data exported by", self.paula.message_ids[0].body)

    def test_claims_manager_cannot_export(self):
        for user in (self.user_manager, self.user_handler):
            with self.assertRaises(AccessError):
                self.paula.with_user(user).action_claims_privacy_export()
            with self.assertRaises(AccessError):
                self.paula.with_user(user)._claims_privacy_export_zip()

    def test_admin_gets_the_download_action(self):
        action = self.paula.with_user(self.env.ref("base.user_admin")) \
            .action_claims_privacy_export()
        self.assertEqual(action["url"], f"/claims_privacy/export/{self.paula.id}")
