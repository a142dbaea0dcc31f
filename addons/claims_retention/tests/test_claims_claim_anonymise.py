# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, fields
from odoo.tests import tagged

from .common import ClaimsRetentionCommon


@tagged("post_install", "-at_install")
class TestClaimsClaimAnonymise(ClaimsRetentionCommon):
    """What the anonymisation of a claim removes and what it keeps."""

    def _anonymise(self):
        """Anonymise the old claim, and its incident, as the retention job does."""
        self.log = self.env["claims.retention.log"]._start(self.company, "manual")
        self.old_claim._anonymise_batch(self.log)
        self.env.invalidate_all()

    def test_free_text_and_references_are_removed(self):
        self._anonymise()
        self.assertFalse(self.old_claim.description)
        self.assertEqual(self.old_claim.anonymised_on, self.today)
        self.assertFalse(any(self.old_claim.participant_ids.mapped("reference")))

    def test_numbers_amounts_dates_and_stage_are_kept(self):
        self.coverage_old = self.old_claim.coverage_ids
        before = self.old_claim.read([
            "name", "insurer_claim_number", "stage_id", "file_status", "date_closed",
            "date_loss", "amount_reserve", "amount_paid", "policy_id", "insurer_id",
            "claim_type_id", "company_id",
        ])[0]
        self._anonymise()
        after = self.old_claim.read(list(before))[0]
        self.assertEqual(after, before)
        self.assertTrue(self.old_claim.coverage_ids)

    def test_private_person_is_anonymised_shared_partners_are_not(self):
        self._anonymise()
        person = self.person.with_context(active_test=False)
        self.assertEqual(person.name, "Anonymised person")
        self.assertFalse(person.email or person.phone or person.street or person.city)
        self.assertFalse(person.active)
        # on a claim still open: kept; a garage, an insurer (companies): never touched
        self.assertEqual(self.person_elsewhere.name, "Otto Elsewhere")
        self.assertEqual(self.person_elsewhere.email, "otto@example.com")
        self.assertEqual(self.payee.name, "Garage Jansen")
        self.assertEqual(self.insurer.name, "Delta Insurance")

    def test_partner_of_a_user_is_never_anonymised(self):
        self.old_claim.claimant_id = self.user_handler.partner_id
        self._anonymise()
        self.assertEqual(self.user_handler.partner_id.name, "Hanna Handler")

    def test_documents_and_attachments_are_deleted(self):
        attachment = self.document.attachment_id
        letters = self.message.attachment_ids
        self.assertTrue(attachment and letters)
        self._anonymise()
        self.assertFalse(self.document.exists())
        self.assertFalse(attachment.exists())
        self.assertFalse(letters.exists())
        self.assertFalse(self.env["ir.attachment"].search_count([
            ("res_model", "=", "claims.claim"), ("res_id", "=", self.old_claim.id)]))

    def test_chatter_texts_and_personal_tracking_are_blanked(self):
        fields_ = self.env["ir.model.fields"]
        self.old_claim._message_log(tracking_value_ids=[
            Command.create({
                "field_id": fields_._get("claims.claim", "description").id,
                "old_value_text": "Petra's old phone", "new_value_text": "Petra's new phone",
            }),
            Command.create({
                "field_id": fields_._get("claims.claim", "claimant_id").id,
                "old_value_integer": 0, "new_value_integer": self.person.id,
                "new_value_char": "Petra Private",
            }),
            Command.create({
                "field_id": fields_._get("claims.claim", "date_loss").id,
                "old_value_datetime": "2026-03-01", "new_value_datetime": "2026-03-02",
            }),
        ])
        tracking = self.env["mail.tracking.value"].search([
            ("mail_message_id.model", "=", "claims.claim"),
            ("mail_message_id.res_id", "=", self.old_claim.id)], order="id")
        self.assertEqual(len(tracking), 3)
        self._anonymise()
        self.assertNotIn("Petra", self.message.body)
        self.assertIn("Anonymised", self.message.body)
        self.assertFalse(self.message.subject)
        person_id = self.person.id
        when = fields.Datetime.to_datetime("2026-03-02")
        self.assertEqual(
            [(t.old_value_text, t.new_value_text, t.new_value_char, t.new_value_integer,
              t.new_value_datetime) for t in tracking],
            [
                (False, False, False, 0, False),
                # a partner's name goes, its id stays (the partner itself is anonymised)
                (False, False, False, person_id, False),
                # dates, amounts, stages stay in the history
                (False, False, False, 0, when),
            ])
        bodies = " ".join(self.env["mail.message"].search([
            ("model", "=", "claims.claim"), ("res_id", "=", self.old_claim.id)]).mapped("body"))
        self.assertNotIn("Petra", bodies)

    def test_package_address_and_links_are_removed(self):
        package = self.env["claims.package"].create({
            "claim_id": self.old_claim.id, "partner_id": self.person.id,
            "email": "petra@example.com", "is_kept_informed": True,
            "date_account_expiry": fields.Datetime.now(),
        })
        token = package.access_token
        self._anonymise()
        self.assertNotEqual(package.email, "petra@example.com")
        self.assertNotEqual(package.access_token, token)
        # no more updates by mail, no account opened from the old mail
        self.assertFalse(package.is_kept_informed)
        self.assertFalse(package.date_account_expiry)

    def test_incident_is_anonymised_with_its_last_claim(self):
        other = self._create_closed_claim(years=9, incident_id=self.incident.id)
        self.old_claim._anonymise_batch(self.env["claims.retention.log"]._start(
            self.company, "manual"))
        self.env.invalidate_all()
        self.assertFalse(self.incident.anonymised_on, "one of its claims is not anonymised")
        self.assertEqual(self.incident.description, "Petra's car hit our truck at the depot gate.")
        log = self.env["claims.retention.log"]._start(self.company, "manual")
        other._anonymise_batch(log)
        self.env.invalidate_all()
        self.assertEqual(self.incident.anonymised_on, self.today)
        self.assertEqual(log.incident_count, 1)
        self.assertFalse(self.incident.description or self.incident.address)
        self.assertFalse(self.incident.police_report_number)
        self.assertEqual((self.incident.latitude, self.incident.longitude), (0.0, 0.0))
        party = self.incident.party_ids
        self.assertRecordValues(party, [{
            "name": "Anonymised", "license_plate": False, "phone": False,
            "insurer_id": self.insurer.id,
        }])
        # the reporter appears nowhere else now
        self.assertEqual(self.person.with_context(active_test=False).name, "Anonymised person")
        # kept: the facts
        self.assertEqual(self.incident.incident_type, "vehicle_collision")

    def test_injuries_and_form_answers_are_removed(self):
        self.old_claim.injury_details = "Whiplash, two weeks off work."
        self.incident.sudo().write({
            "injury_details": "Petra was taken to hospital.",
            "form_answers": [{"code": "injured_person", "value": "Petra"}],
            "form_health_answers": [{"code": "injuries", "value": "Broken wrist"}],
        })
        self._anonymise()
        self.assertFalse(self.old_claim.injury_details)
        self.assertRecordValues(self.incident, [{
            "injury_details": False, "form_answers": False, "form_health_answers": False,
        }])

    def test_anonymising_twice_changes_nothing_more(self):
        self._anonymise()
        first = self.old_claim.read(["description", "anonymised_on", "name"])
        self.old_claim._anonymise_batch(self.log)
        self.env.invalidate_all()
        self.assertEqual(self.old_claim.read(["description", "anonymised_on", "name"]), first)

    def test_anonymised_claim_cannot_be_reopened(self):
        self._anonymise()
        with self.assertRaisesRegex(Exception, "anonymised claim cannot be reopened"):
            self.old_claim.with_user(self.user_manager).action_reopen("new facts")
        self.assertEqual(self.old_claim.file_status, "closed")
