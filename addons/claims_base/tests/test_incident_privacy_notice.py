# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The phone form says what it collects, why and who sees it, with the privacy notice."""

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import ClaimsPortalCommon


@tagged("post_install", "-at_install")
class TestIncidentPrivacyNotice(ClaimsPortalCommon):
    def _page(self, url):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return response.text

    def test_public_form_states_what_is_collected_and_why(self):
        page = self._page(f"/claims/report/{self.link.token}")
        self.assertIn('id="privacy_notice"', page)
        for words in ("contact details", "photos and documents", "injury details",
                      "to handle the incident", "Fleet Operator"):
            self.assertIn(words, " ".join(page.split()))
        self.assertNotIn('id="privacy_notice_link"', page)  # no notice set: no dead link

    def test_public_and_portal_forms_link_the_company_notice(self):
        self.company.claims_privacy_notice_url = "https://fleet.example.com/privacy"
        page = self._page(f"/claims/report/{self.link.token}")
        self.assertIn('href="https://fleet.example.com/privacy"', page)
        self.authenticate("dana", "dana-secret-1")
        self.assertIn('href="https://fleet.example.com/privacy"', self._page("/my/incident/new"))

    def test_notice_in_french_and_dutch(self):
        self.company.claims_privacy_notice_url = "https://fleet.example.com/privacy"
        for code, collected, link in (
            ("fr_FR", "Cette déclaration recueille vos coordonnées",
             "Lire notre politique de confidentialité"),
            ("nl_NL", "Deze melding verzamelt uw contactgegevens", "Lees onze privacyverklaring"),
        ):
            self.env["res.lang"]._activate_lang(code)
            self.env["ir.module.module"]._load_module_terms(["claims_base"], [code])
            page = " ".join(self._page(f"/claims/report/{self.link.token}?lang={code}").split())
            self.assertIn(collected, page.replace("&#39;", "'"))
            self.assertIn(link, page)

    def test_privacy_notice_is_a_web_address(self):
        for url in ("javascript:alert(1)", "fleet.example.com/privacy", "ftp://example.com/p"):
            with self.assertRaises(ValidationError, msg=url):
                self.company.claims_privacy_notice_url = url
        settings = self.env["res.config.settings"].with_company(self.company).create({
            "claims_privacy_notice_url": "https://fleet.example.com/p"})
        settings.execute()
        self.assertEqual(self.company.claims_privacy_notice_url, "https://fleet.example.com/p")
