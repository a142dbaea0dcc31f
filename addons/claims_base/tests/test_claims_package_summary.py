# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common_package import ClaimsPackageCommon

DESK_NOTE = "Handler's view: liability is probably ours."


@tagged("post_install", "-at_install")
class TestClaimsPackageSummary(ClaimsPackageCommon):
    """The summary in a package is for outsiders; the back office's summary is the desk's.

    Without ``force_report_rendering`` tests get the reports' HTML: the very HTML that
    wkhtmltopdf turns into the PDF.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.coverage.amount_limit = 25000
        cls.coverage._add_reserve(8000, "first estimate")
        cls.claim.description = DESK_NOTE

    def test_package_summary_leaves_out_money_and_desk_notes(self):
        package = self._send_package(self.lawyer, self.doc_photo | self.doc_police)
        html = package.summary_attachment_id.raw.decode()
        mail = self._sent_mail_to(self.lawyer.email)
        mailed = [content for name, content, _mimetype in mail["attachments"]
                  if name == package.summary_attachment_id.name]
        self.assertEqual(mailed, [package.summary_attachment_id.raw], "the summary mailed")
        for text in (self.claim.name, "Own damage", "Delta Insurance", "police-report.pdf"):
            self.assertIn(text, html)
        for text in ("8,000.00", "25,000.00", "Reserve", "Outstanding", "Paid", "Limit",
                     "liability is probably ours"):
            self.assertNotIn(text, html)

    def test_back_office_summary_keeps_money_and_desk_notes(self):
        html, _kind = self.env["ir.actions.report"].with_user(
            self.user_handler
        )._render_qweb_html("claims_base.claims_claim_report_summary", self.claim.ids)
        html = html.decode()
        for text in ("8,000.00", "25,000.00", "Reserve", "Outstanding",
                     "liability is probably ours"):
            self.assertIn(text, html)
