# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .common import ClaimsBordereauCommon


class TestBordereauHistory(ClaimsBordereauCommon):
    """A past month generated again gives the same file, whatever happened since."""

    def test_later_changes_do_not_alter_a_past_month(self):
        claim = self._claim("2026-01-10 10:00:00", "K-1")
        self._reserve(claim, "2026-01-11 10:00:00", 1000)
        self._paid(claim, "2026-01-20 10:00:00", 300)
        self._write(claim, "2026-01-25 10:00:00", stage_id=self.stage_progress.id)
        first = self._generate("2026-01")
        # later: money, a new stage, another reference and policy, closing, a new claim
        # backdated into January
        self._reserve(claim, "2026-02-02 10:00:00", 700)
        self._paid(claim, "2026-02-03 10:00:00", 1400)
        self._paid(claim, "2026-02-04 10:00:00", 60, payment_type="salvage")
        self._write(claim, "2026-02-05 10:00:00", stage_id=self.stage_new.id,
                    insurer_claim_number="K-1-NEW", policy_id=self.bdx_policy_2.id,
                    date_loss="2026-01-01")
        self._at("2026-02-06 10:00:00", claim.action_close)
        again = self._generate("2026-01", day="2026-06-20 10:00:00")
        self.assertNotEqual(first, again)
        self.assertEqual(self._read(again.attachment_id.raw), self._read(first.attachment_id.raw))
        self.assertEqual(again.attachment_id.raw, first.attachment_id.raw)
        row = self._rows(again)[claim.name]
        self.assertEqual(
            [row[h] for h in ("Insurer reference", "Policy", "Status", "Reserve", "Paid")],
            ["K-1", "KAP-100", self.stage_progress.name, 1000, 300])

    def test_status_is_the_stage_at_the_end_of_the_month(self):
        claim = self._claim("2026-01-10 10:00:00", "K-1")
        self._write(claim, "2026-02-10 10:00:00", stage_id=self.stage_progress.id)
        self.assertEqual(
            self._rows(self._generate("2026-01"))[claim.name]["Status"], self.stage_new.name)
        self.assertEqual(
            self._rows(self._generate("2026-02"))[claim.name]["Status"],
            self.stage_progress.name)

    def test_claim_moved_to_another_insurer_stays_in_the_first_ones_past_months(self):
        claim = self._claim("2026-01-10 10:00:00", "K-1")
        self._write(claim, "2026-02-10 10:00:00", insurer_id=self.other_insurer.id)
        self.assertIn(claim.name, self._rows(self._generate("2026-01")))
        self.assertNotIn(claim.name, self._rows(self._generate("2026-02")))

    def test_month_ends_at_midnight_in_the_configurations_time_zone(self):
        self.config.tz = "Europe/Brussels"
        claim = self._claim("2026-01-10 10:00:00", "K-1")
        # 31 January 23:30 UTC is 1 February 00:30 in Brussels
        self._reserve(claim, "2026-01-31 23:30:00", 100)
        self.assertEqual(self._rows(self._generate("2026-01"))[claim.name]["Reserve"], 0)
        self.assertEqual(
            self._rows(self._generate("2026-02"))[claim.name]["Reserve movement"], 100)
