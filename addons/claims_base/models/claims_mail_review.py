# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

REVIEW_STATES = [
    ("new", "To review"),
    ("attached", "Attached to claim"),
    ("discarded", "Discarded"),
]
REVIEW_REASONS = [
    ("wrong_sender", "Not from the package's recipient"),
    ("ambiguous_sender", "Sender unclear"),
    ("unauthenticated", "Sender's domain not authenticated (DMARC)"),
    ("auto_reply", "Automatic reply"),
]


class ClaimsMailReview(models.Model):
    """An incoming mail that answers a claim package but was not posted on its claim.

    The mail gateway files it here (see ``mail.thread.message_route`` in this addon) when the
    sender is not the address the package went to, when its From header is not one clear
    mailbox, when DMARC is required and did not pass, or when it is an automatic reply
    (out of office, auto-responder). The mail itself, with its attachments, is the first
    message in this record's chatter; a handler attaches it to the claim (it is then logged
    there as an internal message and its attachments become documents) or discards it.
    """

    _name = "claims.mail.review"
    _description = "Incoming mail to review"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _rec_name = "subject"
    _primary_email = "email_from"
    _check_company_auto = True

    subject = fields.Char()
    email_from = fields.Char(string="From", readonly=True)
    body = fields.Html(readonly=True, sanitize=True)
    date = fields.Datetime(readonly=True, default=fields.Datetime.now)
    message_id = fields.Char(string="Message-Id", readonly=True)
    reason = fields.Selection(REVIEW_REASONS, readonly=True)
    state = fields.Selection(REVIEW_STATES, default="new", required=True, readonly=True,
                             tracking=True, index=True)
    package_id = fields.Many2one("claims.package", string="Answered package", readonly=True)
    package_email = fields.Char(related="package_id.email", string="Package sent to")
    claim_id = fields.Many2one(
        "claims.claim", check_company=True, tracking=True,
        help="The claim the mail seems to answer; change it before attaching if needed.",
    )
    company_id = fields.Many2one(
        "res.company", compute="_compute_company_id", store=True, index=True
    )
    attachment_ids = fields.Many2many("ir.attachment", compute="_compute_attachment_ids")
    user_id = fields.Many2one("res.users", string="Handled by", readonly=True)
    date_done = fields.Datetime(string="Handled on", readonly=True)

    # ------------------------------------------------------------------ computes

    @api.depends("claim_id.company_id", "package_id.company_id")
    def _compute_company_id(self):
        for review in self:
            review.company_id = review.claim_id.company_id or review.package_id.company_id

    def _compute_attachment_ids(self):
        attachments = self.env["ir.attachment"].search(
            [("res_model", "=", self._name), ("res_id", "in", self.ids)]
        )
        for review in self:
            review.attachment_ids = attachments.filtered(lambda a: a.res_id == review.id)

    # ------------------------------------------------------------------ mail thread

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        values = {
            "subject": msg_dict.get("subject") or "",
            "email_from": msg_dict.get("email_from"),
            "body": msg_dict.get("body"),
            "message_id": msg_dict.get("message_id"),
            "date": msg_dict.get("date") or fields.Datetime.now(),
            **(custom_values or {}),
        }
        return super().message_new(msg_dict, custom_values=values)

    # ------------------------------------------------------------------ actions

    def action_attach(self):
        """Log the mail on the claim as a reply to its package, its files as documents."""
        for review in self:
            review._check_new()
            if not review.claim_id:
                raise UserError(self.env._("Choose the claim to attach this mail to."))
            claim = review.claim_id
            claim.check_access("write")
            incoming = review.sudo().message_ids.filtered(
                lambda m: m.message_type == "email"
            )[-1:]
            attachments = incoming.attachment_ids.sudo()
            copies = self.env["ir.attachment"].sudo().browse()
            for attachment in attachments:
                copies |= attachment.copy({"res_model": claim._name, "res_id": claim.id})
            author = incoming.author_id
            claim._post_incoming_mail(
                body=Markup(review.body or ""),
                subject=review.subject,
                author_id=author.id if author else None,
                email_from=review.email_from,
                attachment_ids=copies.ids,
            )
            review._mark_done("attached")
            review.message_post(body=self.env._(
                "Attached to claim %(claim)s by %(user)s.",
                claim=claim.name, user=self.env.user.name))
        return True

    def action_discard(self):
        for review in self:
            review._check_new()
            review._mark_done("discarded")
            review.message_post(body=self.env._("Discarded by %s.", self.env.user.name))
        return True

    # ------------------------------------------------------------------ helpers

    def _check_new(self):
        if self.state != "new":
            raise UserError(self.env._("This mail has already been handled."))

    def _mark_done(self, state):
        self.write({"state": state, "user_id": self.env.user.id,
                    "date_done": fields.Datetime.now()})
