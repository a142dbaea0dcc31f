# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io

from pypdf import PdfReader

from odoo.tests import tagged

from .common import ClaimsWorkflowsCommon


@tagged("post_install", "-at_install")
class TestClaimsWorkflowNoEmail(ClaimsWorkflowsCommon):
    """A customer without an e-mail address gets the step as a letter to post, or as a phone
    call, as the broker chose for the workflow; the workflow goes on."""

    def setUp(self):
        super().setUp()
        self.customer.email = False

    def _activities(self, summary):
        return self.report.activity_ids.filtered(lambda a: summary in (a.summary or ""))

    def test_a_letter_to_post_instead_of_the_email(self):
        self.assertEqual(self.definition.no_email, "letter", "the default")
        self._scan("2027-01-31")
        instance = self._instances()
        self.assertFalse(self._mails(), "no mail to nowhere")
        letter = self.env["ir.attachment"].search([
            ("res_model", "=", self.report._name), ("res_id", "=", self.report.id),
            ("mimetype", "=", "application/pdf")])
        self.assertEqual(len(letter), 1)
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(letter.raw)).pages)
        self.assertIn("expires on December 31, 2027", " ".join(text.split()))
        task = self._activities("Print and post the letter")
        self.assertEqual(task.user_id, self.user_handler)
        self.assertIn(letter.name, str(task.note))
        self.assertTrue(instance.history_ids.filtered(
            lambda line: "has no e-mail address: letter" in line.message))
        # the workflow goes on: the phone task of step 2 waits
        self.assertEqual(instance.state, "task")
        self.assertActivity(instance, "S2", "2027-05-31", self.user_handler)

    def test_a_phone_call_when_the_broker_chose_it(self):
        self.definition.no_email = "phone"
        self._scan("2027-01-31")
        self.assertFalse(self._mails())
        call = self._activities("Call ")
        self.assertEqual(call.activity_type_id, self.env.ref("mail.mail_activity_data_call"))
        self.assertIn("expires on December 31, 2027", call.summary)
        self.assertEqual(self._instances().state, "task")

    def test_a_customer_with_an_address_gets_the_email(self):
        self.customer.email = "customer@example.com"
        self._scan("2027-01-31")
        self.assertEqual(len(self._mails()), 1)
        self.assertFalse(self._activities("Print and post the letter"))
