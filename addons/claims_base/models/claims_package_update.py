# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

UPDATE_KINDS = [
    ("stage", "Stage changed"),
    ("document", "Document published"),
    ("payment", "Payment paid"),
    ("message", "Message"),
]
UPDATE_STATES = [
    ("pending", "To send"),
    ("sent", "Mailed"),
    ("stopped", "Not sent (updates stopped)"),
]


class ClaimsPackageUpdate(models.Model):
    """One change of a claim that a package's recipient is told of by mail.

    Made by the claim's events (stage, published document, payment paid, message to the
    recipient) for each recipient kept informed whose role may see it, and mailed at the
    end of the transaction: one mail per recipient for all its updates of that transaction.
    ``key`` names the event: an event is recorded once per package (the database decides),
    so it is mailed once.

    Rights: claims users read the updates of their companies' packages; only the claim's
    events create them, as superuser.
    """

    _name = "claims.package.update"
    _description = "Update mailed to a package recipient"
    _order = "id desc"

    package_id = fields.Many2one(
        "claims.package", required=True, ondelete="cascade", index=True, readonly=True
    )
    claim_id = fields.Many2one(related="package_id.claim_id", store=True, index=True)
    company_id = fields.Many2one(related="package_id.company_id", store=True, index=True)
    kind = fields.Selection(UPDATE_KINDS, required=True, readonly=True)
    key = fields.Char(required=True, readonly=True)
    state = fields.Selection(UPDATE_STATES, default="pending", required=True, readonly=True,
                             index=True)
    stage_id = fields.Many2one("claims.claim.stage", readonly=True)
    document_id = fields.Many2one("claims.document", readonly=True, ondelete="cascade")
    payment_id = fields.Many2one("claims.payment", readonly=True, ondelete="cascade")
    message_id = fields.Many2one("mail.message", readonly=True, ondelete="cascade")
    mail_id = fields.Many2one("mail.mail", readonly=True, ondelete="set null")

    _package_key_unique = models.Constraint(
        "UNIQUE (package_id, key)", "A package's recipient is told of an event once."
    )
