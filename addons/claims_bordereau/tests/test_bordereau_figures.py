# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .common import ClaimsBordereauCommon


class TestBordereauFigures(ClaimsBordereauCommon):
    """Amounts as at the month's end and movements within it, from dated facts; which claims
    a month lists."""

    def _money_claim(self):
        """Reported in January: reserve 1000 (Jan) + 500 (Feb), paid 300 (Jan) + 200 (Feb),
        a recovery of 80 (Feb), 150 approved in February and paid in March."""
        claim = self._claim("2026-01-10 10:00:00", "K-1")
        self._reserve(claim, "2026-01-11 10:00:00", 1000)
        self._paid(claim, "2026-01-20 10:00:00", 300)
        self._reserve(claim, "2026-02-03 10:00:00", 500)
        self._paid(claim, "2026-02-12 10:00:00", 200, payment_type="expense")
        self._paid(claim, "2026-02-14 10:00:00", 80, payment_type="subrogation")
        pending = self._approved(claim, "2026-02-25 10:00:00", 150)
        self._at("2026-03-02 10:00:00", pending.action_mark_paid)
        return claim

    def test_amounts_are_those_at_the_end_of_the_month(self):
        claim = self._money_claim()
        row = self._rows(self._generate("2026-02"))[claim.name]
        self.assertEqual(
            [row[h] for h in ("Reserve", "Paid", "Recovered", "Outstanding")],
            [1500, 500, 80, 850])  # outstanding = 1500 - 500 paid - 150 pending

    def test_movements_are_those_of_the_month(self):
        claim = self._money_claim()
        row = self._rows(self._generate("2026-02"))[claim.name]
        self.assertEqual(
            [row[h] for h in ("Reserve movement", "Paid in month", "Recovered in month")],
            [500, 200, 80])
        march = self._rows(self._generate("2026-03"))[claim.name]
        self.assertEqual(
            [march[h] for h in ("Reserve", "Paid", "Outstanding", "Reserve movement",
                                "Paid in month")], [1500, 650, 850, 0, 150])

    def test_a_payment_voided_later_stays_paid_in_its_month(self):
        claim = self._claim("2026-01-10 10:00:00", "K-1")
        self._reserve(claim, "2026-01-11 10:00:00", 1000)
        payment = self._paid(claim, "2026-01-20 10:00:00", 400)
        self._at("2026-02-05 10:00:00", payment.action_void)
        self.assertEqual(self._rows(self._generate("2026-01"))[claim.name]["Paid"], 400)
        february = self._rows(self._generate("2026-02"))[claim.name]
        self.assertEqual((february["Paid"], february["Paid in month"]), (0, -400))

    def test_totals_row_sums_the_money_columns(self):
        self._money_claim()
        second = self._claim("2026-02-01 10:00:00", "K-2")
        self._reserve(second, "2026-02-01 11:00:00", 250)
        _headers, rows, totals = self._read(self._generate("2026-02").attachment_id.raw)
        self.assertEqual(len(rows), 2)
        self.assertEqual((totals["Reserve"], totals["Outstanding"]), (1750, 1100))

    def test_month_lists_the_insurers_claims_reported_by_its_end(self):
        ours = self._claim("2026-02-10 10:00:00", "K-1")
        branch = self._claim("2026-02-11 10:00:00", "K-2", company=self.branch)
        later = self._claim("2026-03-01 10:00:00", "K-3")
        other = self._claim("2026-02-10 10:00:00", "O-1", insurer=self.other_insurer)
        elsewhere = self._claim("2026-02-10 10:00:00", "K-4", company=self.other_company,
                                policy=self.env["claims.policy"])
        listed = self._rows(self._generate("2026-02"))
        self.assertIn(ours.name, listed)
        self.assertIn(branch.name, listed)  # the company's branches are included
        for claim in (later, other, elsewhere):
            self.assertNotIn(claim.name, listed)

    def test_scheme_lists_the_claims_of_its_policies_only(self):
        first = self._claim("2026-02-10 10:00:00", "K-1")
        second = self._claim("2026-02-10 10:00:00", "K-2", policy=self.bdx_policy_2)
        self.config.policy_ids = self.bdx_policy_2
        listed = self._rows(self._generate("2026-02"))
        self.assertEqual(list(listed), [second.name])
        self.assertNotIn(first.name, listed)

    def test_claim_closed_before_the_month_leaves_unless_it_moves(self):
        claim = self._claim("2026-01-05 10:00:00", "K-1")
        self._at("2026-01-20 10:00:00", claim.action_close)
        quiet = self._claim("2026-01-06 10:00:00", "K-2")
        self._at("2026-01-21 10:00:00", quiet.action_close)
        self.assertIn(claim.name, self._rows(self._generate("2026-01")))  # closed in January
        self._paid(claim, "2026-02-10 10:00:00", 90, payment_type="salvage")
        february = self._rows(self._generate("2026-02"))
        self.assertIn(claim.name, february)  # a recovery in February brings it back
        self.assertEqual(february[claim.name]["Recovered in month"], 90)
        self.assertNotIn(quiet.name, february)

    def test_claim_marked_off_leaves_the_list(self):
        claim = self._claim("2026-01-05 10:00:00", "K-1")
        self._at("2026-02-03 10:00:00", claim.action_mark_off, "duplicate")
        self.assertIn(claim.name, self._rows(self._generate("2026-01")))
        self.assertNotIn(claim.name, self._rows(self._generate("2026-02")))
