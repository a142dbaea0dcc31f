# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
from datetime import date

import openpyxl
from freezegun import freeze_time

from odoo import Command

from odoo.addons.claims_base.tests.common import ClaimsCommon

# The clock of the tests: every fact is dated under freeze_time, every bordereau is generated
# under it too (a day after the months it lists).
GENERATION_DAY = "2026-06-15 09:00:00"


class ClaimsBordereauCommon(ClaimsCommon):
    """An insurer with an e-mail address, its bordereau for the account (and its branch), a
    second insurer; claims and money are dated by the helpers under freeze_time."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bdx_insurer = cls.env["res.partner"].create({
            "name": "Kappa Insurance", "is_company": True, "email": "claims@kappa.example",
        })
        cls.other_insurer = cls.env["res.partner"].create(
            {"name": "Omega Assurance", "is_company": True, "email": "bdx@omega.example"})
        cls.bdx_policy = cls.env["claims.policy"].create({
            "name": "KAP-100", "company_id": cls.company.id, "insurer_id": cls.bdx_insurer.id,
            "line_of_business": "motor", "date_start": "2026-01-01",
        })
        cls.bdx_policy_2 = cls.bdx_policy.copy({"name": "KAP-200"})
        cls.stage_new, cls.stage_progress = cls.env["claims.claim.stage"].search(
            [("is_closing", "=", False)], order="sequence, id", limit=2)
        cls.config = cls.env["claims.bordereau.config"].create({
            "name": "Fleet scheme", "partner_id": cls.bdx_insurer.id,
            "company_id": cls.company.id, "tz": "UTC",
        })

    # ------------------------------------------------------------------ dated facts

    def _at(self, day, function, *args, **kwargs):
        """Run ``function`` with the clock on ``day`` and flush the tracking then."""
        with freeze_time(day):
            result = function(*args, **kwargs)
            self.env.cr.flush()
        return result

    def _claim(self, day, number, company=None, insurer=None, policy=None, **values):
        """A claim reported on ``day`` with one coverage."""
        return self._at(day, self.env["claims.claim"].create, {
            "company_id": (company or self.company).id,
            "policy_id": (self.bdx_policy if policy is None else policy).id,
            "insurer_id": (insurer or self.bdx_insurer).id,
            "claim_type_id": self.claim_type.id,
            "insurer_claim_number": number,
            "date_loss": date.fromisoformat(day[:10]),
            "date_reported": date.fromisoformat(day[:10]),
            "stage_id": self.stage_new.id,
            "coverage_ids": [Command.create({"coverage_type_id": self.coverage_type.id})],
            **values,
        })

    def _reserve(self, claim, day, amount):
        return self._at(day, claim.coverage_ids[:1]._add_reserve, amount, f"reserve on {day}")

    def _approved(self, claim, day, amount, payment_type="indemnity"):
        def approve():
            payment = self.env["claims.payment"].create({
                "claim_id": claim.id, "coverage_id": claim.coverage_ids[:1].id,
                "partner_id": self.payee.id, "amount": amount, "payment_type": payment_type,
                "remarks": f"{payment_type} {amount} on {day}",
            })
            payment.action_request()
            payment.action_approve()
            return payment
        return self._at(day, approve)

    def _paid(self, claim, day, amount, payment_type="indemnity"):
        payment = self._approved(claim, day, amount, payment_type)
        self._at(day, payment.action_mark_paid)
        return payment

    def _write(self, record, day, **values):
        return self._at(day, record.write, values)

    # ------------------------------------------------------------------ bordereaux

    def _generate(self, month, config=None, user=None, day=GENERATION_DAY):
        """The bordereau of ``month`` (``"2026-02"``) generated through the wizard as ``user``
        (the superuser by default)."""
        env = self.env(user=user) if user else self.env
        config = (config or self.config).with_env(env)

        def generate():
            wizard = env["claims.bordereau.wizard"].create(
                {"config_id": config.id, "month": month})
            action = wizard.action_generate()
            return env["claims.bordereau"].search(
                [("config_id", "=", config.id)], order="id desc", limit=1), action
        return self._at(day, generate)[0]

    @staticmethod
    def _read(content):
        """(headers, rows as dicts by header, totals row) of an xlsx file."""
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        sheet = workbook["Bordereau"]
        values = list(sheet.iter_rows(values_only=True))
        headers = list(values[0])
        rows = [dict(zip(headers, row, strict=True)) for row in values[1:]]
        totals = rows.pop() if rows and rows[-1][headers[0]] == "Total" else None
        return headers, rows, totals

    def _rows(self, bordereau):
        """{claim number: row} of a bordereau's file."""
        _headers, rows, _totals = self._read(bordereau.attachment_id.raw)
        return {row["Claim number"]: row for row in rows}
