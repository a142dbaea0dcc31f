# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..tools import wipe

_logger = logging.getLogger(__name__)


class ClaimsIncident(models.Model):
    """An incident is anonymised once all its claims are; an incident that produced no claim
    is anonymised when it was closed and happened before its company's retention period.

    Removed: what happened (free text), the typed address and coordinates, the police report
    number, the other parties' names, plates and phones (their insurer stays), participants'
    references, files (documents, phone-form uploads, message attachments), the chatter's
    texts, and the people who appear on this incident only. Kept: reference, type, date,
    state, company, the account's own vehicles, counts.
    """

    _inherit = "claims.incident"

    anonymised_on = fields.Date(readonly=True, copy=False, index="btree_not_null")

    # ------------------------------------------------------------------ CRUD

    def write(self, vals):
        if "anonymised_on" in vals and not self.env.su:
            raise AccessError(self.env._("An incident is anonymised by the retention job only."))
        return super().write(vals)

    # ------------------------------------------------------------------ retention

    @api.model
    def _retention_due_orphan_ids(self, company, cutoff):
        """Ids of the closed incidents of ``company`` without claims, before ``cutoff``."""
        return self.sudo().with_context(active_test=False).search([
            ("company_id", "=", company.id),
            ("state", "=", "closed"),
            ("claim_ids", "=", False),
            ("date_incident", "<", fields.Datetime.to_datetime(cutoff)),
            ("anonymised_on", "=", False),
        ], order="id").ids

    def _retention_anonymise_batch(self, log, record=True):
        """Anonymise these incidents, one failing incident logged and skipped.

        :param record: add the outcome to ``log`` (else the caller does)
        :returns: ``{"done": incidents, "errors": [texts]}``
        """
        done, errors = self.browse(), []
        for incident in self:
            try:
                with self.env.cr.savepoint():
                    incident._retention_anonymise()
                done |= incident
            except Exception as error:  # pylint: disable=broad-except
                self.env.invalidate_all()
                _logger.warning("Retention: incident %s not anonymised", incident.id,
                                exc_info=True)
                errors.append(f"{incident.name}: {error}")
        if record:
            log._add(incidents=done, errors=errors)
        return {"done": done, "errors": errors}

    def _retention_anonymise(self):
        """Anonymise these incidents (superuser work, after the callers' checks)."""
        incidents = self.sudo().with_context(
            active_test=False, tracking_disable=True, mail_notrack=True)
        env = incidents.env
        placeholder = env._("Anonymised")
        incidents.filtered(lambda i: not i.anonymised_on).write(
            {"anonymised_on": fields.Date.context_today(incidents)})
        values = dict.fromkeys(wipe.free_text_fields(incidents), False)
        values.update(address=False, latitude=0.0, longitude=0.0, police_report_number=False,
                      form_answers=False, form_health_answers=False)
        incidents.write(values)
        parties = incidents.party_ids
        parties.write({
            "name": placeholder, "license_plate": False, "phone": False, "insurer_name": False,
        })
        participants = incidents.participant_ids
        participants.write({"reference": False})
        partners = incidents.reporter_id | participants.partner_id | parties.insurer_id
        documents = incidents.document_ids
        uploads = env["claims.incident.upload"].search([("incident_id", "in", incidents.ids)])
        targets = {
            "claims.incident": incidents.ids,
            "claims.document": documents.ids,
            "claims.incident.upload": uploads.ids,
        }
        attachment_ids = documents.attachment_id.ids + uploads.attachment_id.ids
        documents.unlink()
        uploads.unlink()
        wipe.delete_attachments(env, targets, attachment_ids)
        wipe.blank_messages(env, targets, placeholder)
        wipe.delete_activities(env, targets)
        incidents._retention_anonymise_extra()
        partners._claims_retention_anonymise_private()
        return True

    def _retention_anonymise_extra(self):
        """Hook: anonymise what other addons keep of these incidents (see the claim's)."""
        return True
