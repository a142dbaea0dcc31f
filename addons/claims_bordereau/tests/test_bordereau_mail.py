# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import UserError
from odoo.tools import mute_logger

from .common import ClaimsBordereauCommon


class TestBordereauMonthlyMail(ClaimsBordereauCommon):
    """The scheduled action mails last month's bordereau once per configuration and month."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.config.send_day = 5
        cls.other_config = cls.env["claims.bordereau.config"].create({
            "name": "Omega fleet", "partner_id": cls.other_insurer.id,
            "company_id": cls.company.id, "tz": "UTC",
        })

    def _cron(self, day):
        with freeze_time(day):
            self.env["claims.bordereau.config"]._cron_send_monthly()
            self.env.cr.flush()

    def _mails(self, config):
        return self.env["mail.mail"].search([
            ("model", "=", "claims.bordereau"),
            ("res_id", "in", config.bordereau_ids.ids),
        ])

    def test_cron_mails_last_month_with_the_file_once(self):
        claim = self._claim("2026-02-10 10:00:00", "K-1")
        self._cron("2026-03-04 06:00:00")  # before the send day: nothing yet
        self.assertFalse(self.config.bordereau_ids)
        self._cron("2026-03-05 06:00:00")
        self._cron("2026-03-06 06:00:00")  # the next run does not send it again
        bordereau = self.config.bordereau_ids
        self.assertRecordValues(bordereau, [{
            "kind": "mail", "month": date(2026, 2, 1), "email_to": "claims@kappa.example",
            "row_count": 1,
        }])
        mail = self._mails(self.config)
        self.assertEqual(len(mail), 1)
        self.assertIn("claims@kappa.example", [
            *(mail.email_to or "").split(","), *mail.recipient_ids.mapped("email")])
        self.assertEqual(mail.attachment_ids, bordereau.attachment_id)
        self.assertIn("2026-02", mail.subject)
        self.assertIn(claim.name, self._rows(bordereau))
        self.assertTrue(self.config.message_ids.filtered(
            lambda m: "mailed to claims@kappa.example" in (m.body or "")))

    def test_database_keeps_one_monthly_mail_per_month(self):
        self._cron("2026-03-05 06:00:00")
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), \
                self.cr.savepoint(), freeze_time("2026-03-07"):
            self.config._generate(date(2026, 2, 1), kind="mail")

    def test_failing_configuration_does_not_stop_the_others(self):
        self.config.email = False
        self._cron("2026-03-05 06:00:00")
        self.assertFalse(self.config.bordereau_ids, "nothing kept of a failed mail")
        self.assertEqual(len(self._mails(self.other_config)), 1)
        self.assertIn("no address to send to", self.config.last_error)
        self._cron("2026-03-06 06:00:00")  # the same error is not posted twice
        errors = self.config.message_ids.filtered(
            lambda m: "could not be mailed" in (m.body or ""))
        self.assertEqual(len(errors), 1)
        self.config.email = "bdx@kappa.example"
        self._cron("2026-03-07 06:00:00")  # fixed: the next run sends it
        self.assertEqual(self.config.bordereau_ids.email_to, "bdx@kappa.example")
        self.assertFalse(self.config.last_error)

    def test_archived_configuration_is_not_mailed(self):
        self.config.active = False
        self._cron("2026-03-05 06:00:00")
        self.assertFalse(self.config.bordereau_ids)

    def test_mail_last_month_now_refuses_a_second_mail(self):
        with freeze_time("2026-03-02"):
            self.config.action_send_last_month()
            with self.assertRaisesRegex(UserError, "already mailed"):
                self.config.action_send_last_month()
        self.assertEqual(len(self._mails(self.config)), 1)

    def test_recipient_defaults_to_the_insurers_address(self):
        self.assertEqual(self.config.email, "claims@kappa.example")
