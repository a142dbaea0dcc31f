# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

_logger = logging.getLogger(__name__)

MANAGER = "claims_base.group_claims_manager"
# Set by claims managers only (checked in create and write).
HOLD_FIELDS = ("legal_hold", "legal_hold_reason")
# Set by the anonymisation only.
ANONYMISED_FIELDS = ("anonymised_on",)
BATCH_SIZE = 200


class ClaimsClaim(models.Model):
    """Retention of a claim: anonymised some years after closing, unless on legal hold.

    =================  ==========================================================
    who                may
    =================  ==========================================================
    claims user        see the legal hold and the anonymisation date
    claims manager     place or lift a legal hold, anonymise a closed claim at once
    retention job      anonymise the closed claims that are due (superuser)
    =================  ==========================================================
    """

    _inherit = "claims.claim"

    legal_hold = fields.Boolean(
        string="Legal hold",
        tracking=True,
        copy=False,
        help="A claim under a legal hold is never anonymised, however long ago it was closed. "
        "Claims managers place and lift it.",
    )
    legal_hold_reason = fields.Char(string="Reason of the hold", tracking=True, copy=False)
    anonymised_on = fields.Date(
        string="Anonymised on",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The names, contact details, free text and files of this claim were removed on "
        "this day; amounts, dates, stages and numbers were kept.",
    )
    can_set_legal_hold = fields.Boolean(compute="_compute_can_set_legal_hold")

    # ------------------------------------------------------------------ computes

    @api.depends_context("uid")
    def _compute_can_set_legal_hold(self):
        self.can_set_legal_hold = self.env.user.has_group(MANAGER)

    # ------------------------------------------------------------------ CRUD

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                if any(vals.get(name) for name in ANONYMISED_FIELDS):
                    raise AccessError(self.env._("A new claim is not anonymised."))
                if any(vals.get(name) for name in HOLD_FIELDS):
                    self._check_can_hold()
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            if any(name in vals for name in ANONYMISED_FIELDS):
                raise AccessError(self.env._(
                    "A claim is anonymised by the retention job or a manager's Anonymise "
                    "button only."))
            if any(
                name in vals and any(claim[name] != (vals[name] or False) for claim in self)
                for name in HOLD_FIELDS
            ):
                self._check_can_hold()
        return super().write(vals)

    # ------------------------------------------------------------------ actions

    def action_reopen(self, reason=None):
        if any(claim.anonymised_on for claim in self):
            raise UserError(self.env._(
                "An anonymised claim cannot be reopened: open a new claim instead."))
        return super().action_reopen(reason=reason)

    def action_anonymise(self):
        """Anonymise closed claims now, before their retention period ends (a manager's
        answer to a request for erasure). Logged in the retention log."""
        if not self.env.user.has_group(MANAGER):
            raise AccessError(self.env._("Only claims managers anonymise a claim."))
        self.check_access("write")
        for claim in self:
            if claim.file_status != "closed":
                raise UserError(self.env._(
                    "Claim %s is not closed: only closed claims are anonymised.", claim.name))
            if claim.legal_hold:
                raise UserError(self.env._(
                    "Claim %s is under a legal hold: lift the hold first.", claim.name))
        Log = self.env["claims.retention.log"].sudo()
        for company in self.company_id:
            claims = self.filtered(lambda c, co=company: c.company_id == co)
            log = Log._start(company, "manual")
            claims.sudo()._anonymise_batch(log)
            log._finish()
        # the page reloads: the chatter keeps the messages it shows until then
        return {"type": "ir.actions.client", "tag": "reload"}

    # ------------------------------------------------------------------ retention job

    @api.model
    def _cron_anonymise_due(self):
        """Scheduled action: anonymise the due claims, committing after each batch."""
        self._anonymise_due(BATCH_SIZE, commit=True)

    @api.model
    def _anonymise_due(self, batch_size=BATCH_SIZE, commit=False):
        """Anonymise, company by company, the closed claims whose retention period is over
        and that are not on legal hold, then the closed incidents left without claims.

        :param int batch_size: claims per batch; the cache is emptied after each one
        :param bool commit: commit after each batch (the scheduled action), so that the work
            done survives a crash and memory stays bounded; tests leave it off
        :returns: the ``claims.retention.log`` records written, one per company with work
        """
        Claim = self.sudo().with_context(active_test=False)
        Log = self.env["claims.retention.log"].sudo()
        logs = Log
        today = fields.Date.context_today(self)
        companies = self.env["res.company"].sudo().search([("claims_retention_years", ">", 0)])
        for company_id, years in [(c.id, c.claims_retention_years) for c in companies]:
            company = self.env["res.company"].sudo().browse(company_id)
            cutoff = today - relativedelta(years=years)
            domain = [
                ("company_id", "=", company_id),
                ("file_status", "=", "closed"),
                ("date_closed", "<", cutoff),
                ("anonymised_on", "=", False),
            ]
            claim_ids = Claim.search(domain + [("legal_hold", "=", False)], order="id").ids
            held = Claim.search_fetch(domain + [("legal_hold", "=", True)], ["name"], order="id")
            incident_ids = self.env["claims.incident"]._retention_due_orphan_ids(company, cutoff)
            if not (claim_ids or held or incident_ids):
                continue
            log = Log._start(company, "scheduled", held=held)
            for start in range(0, len(claim_ids), batch_size):
                Claim.browse(claim_ids[start:start + batch_size])._anonymise_batch(log)
                self._retention_end_batch(commit)
            for start in range(0, len(incident_ids), batch_size):
                incidents = self.env["claims.incident"].sudo().browse(
                    incident_ids[start:start + batch_size])
                incidents._retention_anonymise_batch(log)
                self._retention_end_batch(commit)
            logs |= log._finish()
            self._retention_end_batch(commit)
        return logs

    def _anonymise_batch(self, log):
        """Anonymise these claims (sudo) and the incidents they leave fully anonymised;
        record the outcome in ``log``. One claim that fails is logged and skipped."""
        done, errors = self.browse(), []
        try:
            with self.env.cr.savepoint():
                self._retention_anonymise()
            done = self
        except Exception:  # pylint: disable=broad-except
            # one of them fails: do them one by one to find it, and keep the others
            self.env.invalidate_all()
            for claim in self:
                try:
                    with self.env.cr.savepoint():
                        claim._retention_anonymise()
                    done |= claim
                except Exception as error:  # pylint: disable=broad-except
                    self.env.invalidate_all()
                    _logger.warning("Retention: claim %s not anonymised", claim.id,
                                    exc_info=True)
                    errors.append(f"{claim.name}: {error}")
        incidents = done.incident_id.filtered(
            lambda i: not i.anonymised_on and all(i.claim_ids.mapped("anonymised_on")))
        incident_log = incidents._retention_anonymise_batch(log, record=False)
        log._add(claims=done, incidents=incident_log["done"],
                 errors=errors + incident_log["errors"])

    def _retention_end_batch(self, commit):
        """Write the batch's work, commit it when asked, and drop the cache."""
        self.env.flush_all()
        if commit:
            self.env.cr.commit()  # pylint: disable=invalid-commit
        self.env.invalidate_all()

    # ------------------------------------------------------------------ helpers

    def _check_can_hold(self):
        if not self.env.user.has_group(MANAGER):
            raise AccessError(self.env._("Only claims managers place or lift a legal hold."))
