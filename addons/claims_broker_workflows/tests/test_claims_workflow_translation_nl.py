# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import ClaimsWorkflowsCommon


@tagged("post_install", "-at_install")
class TestClaimsWorkflowTranslationNl(ClaimsWorkflowsCommon):
    """A Dutch broker and a Dutch customer read the Scope 10 workflow in Dutch."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("nl_NL")
        cls.env["ir.module.module"]._load_module_terms(
            ["claims_broker_workflows"], ["nl_NL"], overwrite=True
        )
        cls.user_handler.lang = "nl_NL"
        cls.customer.lang = "nl_NL"

    def test_dutch_customer_gets_the_dutch_email(self):
        self._scan("2027-02-01")
        mail = self._mails()
        self.assertIn("Uw keuringsrapport elektrische installatie (Scope 10) verloopt",
                      mail.subject)
        # dates in words, as a Dutch customer writes them, not ISO
        self.assertIn("31 december 2027", mail.subject)
        self.assertIn("31 december 2027", str(mail.body_html))
        self.assertIn("Voor uw opstalverzekering is een geldig keuringsrapport vereist",
                      str(mail.body_html))

    def test_dutch_broker_reads_tasks_answers_and_history_in_dutch(self):
        self._scan("2027-02-01")
        instance = self._instances()
        self.assertEqual(instance.activity_id.summary, "Scope 10-keuring opvolgen")
        self._mark_done(instance, "2027-05-01")
        options = instance.activity_id.with_user(self.user_handler).with_context(
            lang="nl_NL").workflow_option_data
        self.assertEqual([o["name"] for o in options], [
            "A) Klant is op de hoogte / regelt het",
            "B) Klant wil niet / vindt het niet nodig",
            "C) Klant niet bereikt",
        ])
        self._answer(instance, "2027-05-01", "C")
        messages = instance.history_ids.mapped("message")
        self.assertIn("Antwoord: C) Klant niet bereikt", messages)
        self.assertTrue(any(m.startswith("Gestart voor de datum 31 december 2027")
                            for m in messages))
        self.assertTrue(self._notes(self.report, "De klant was telefonisch niet bereikbaar"))
        self.assertEqual(self.building_policy.with_context(lang="nl_NL")._fields[
            "line_of_business"].convert_to_export("building", self.building_policy.with_context(
                lang="nl_NL")), "Opstal")
