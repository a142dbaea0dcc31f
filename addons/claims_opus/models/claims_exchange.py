# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import threading

from odoo import fields, models

INTEGRATION_GROUP = "claims_connector.group_claims_integration"
# The page a failed robot step left, until its exchange is written as failed or postponed:
# the step's own writes are rolled back first. {(database, exchange id): (png, html, url)}
_EVIDENCE = {}
_EVIDENCE_LOCK = threading.Lock()


class ClaimsExchange(models.Model):
    """A failed step of the Opus robot keeps the page it was on: screenshot and HTML.

    Password fields were emptied and masked before the shot (``client.py``). Both files are
    fields of the integration admins, like the payload: they hold personal data.
    """

    _inherit = "claims.exchange"

    opus_screenshot = fields.Binary(
        string="Screenshot", attachment=True, readonly=True, groups=INTEGRATION_GROUP)
    opus_screenshot_name = fields.Char(readonly=True, groups=INTEGRATION_GROUP)
    opus_page_html = fields.Binary(
        string="Page HTML", attachment=True, readonly=True, groups=INTEGRATION_GROUP)
    opus_page_html_name = fields.Char(readonly=True, groups=INTEGRATION_GROUP)
    opus_page_url = fields.Char(string="Page", readonly=True, groups=INTEGRATION_GROUP)

    def _keep_evidence(self, err):
        """Hold the page of a failed step until the failure is written."""
        self.ensure_one()
        if err.screenshot or err.html:
            with _EVIDENCE_LOCK:
                _EVIDENCE[self.env.cr.dbname, self.id] = (err.screenshot, err.html, err.url)

    def _write_evidence(self):
        for exchange in self:
            with _EVIDENCE_LOCK:
                evidence = _EVIDENCE.pop((self.env.cr.dbname, exchange.id), None)
            if not evidence:
                continue
            screenshot, html, url = evidence
            name = exchange.external_id or str(exchange.id)
            exchange.sudo().write({
                "opus_screenshot": screenshot and base64.b64encode(screenshot),
                "opus_screenshot_name": f"{name}-{exchange.kind}.png",
                "opus_page_html": html and base64.b64encode(html.encode()),
                "opus_page_html_name": f"{name}-{exchange.kind}.html",
                "opus_page_url": url,
            })

    def _set_error(self, message, kind="error"):
        self._write_evidence()
        return super()._set_error(message, kind)

    def _on_job_postponed(self, retry, message):
        self._write_evidence()
        return super()._on_job_postponed(retry, message)
