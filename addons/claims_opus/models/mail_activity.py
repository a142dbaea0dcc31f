# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

SUBMIT_TO_INSURER = "claims_opus.mail_activity_type_opus_submit_to_insurer"


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        """Marking "Submit to insurer" done sends the assessment to Opus; an assessment with
        empty fields refuses it (the activity stays, the message lists them)."""
        submit_type = self.env.ref(SUBMIT_TO_INSURER, raise_if_not_found=False)
        submits = self.filtered(lambda a: submit_type and a.activity_type_id == submit_type
                                and a.res_model == "claims.opus.job")
        for activity in submits:
            self.env["claims.opus.job"].browse(activity.res_id)._send()
        return super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
