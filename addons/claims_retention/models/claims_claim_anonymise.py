# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import secrets

from odoo import fields, models

from ..tools import wipe


class ClaimsClaim(models.Model):
    """What the anonymisation of a claim removes, and what it keeps.

    Removed: the free text of the claim, its payments and package mails (descriptions,
    remarks, the insurer's declared circumstances: every stored Text and Html field a user or
    a connector fills in), participants' own references, the address a package went to and its
    secret links, incoming mail waiting for review, every file (documents, message
    attachments, package zips), the chatter's bodies, subjects, addresses and the tracked
    values of text fields and of partners, open to-dos, and the people who appear on this
    claim only (``res.partner._claims_retention_private``). Connectors add what they keep
    of the claim (``_retention_anonymise_extra``).

    Kept for the statistics: numbers (ours, the insurer's), company, policy, type, stage, file
    status, dates, coverages and their amounts, the reserve ledger (an accounting record
    that is never edited), payment amounts, states and dates, and shared partners (insurers,
    garages, brokers, users).
    """

    _inherit = "claims.claim"

    def _retention_anonymise(self):
        """Anonymise these claims; running it again on an anonymised claim changes
        nothing more (the date of the first anonymisation stays). Superuser work: callers
        check who asks (``action_anonymise``) or are the scheduled action."""
        claims = self.sudo().with_context(
            active_test=False, tracking_disable=True, mail_notrack=True)
        env = claims.env
        placeholder = env._("Anonymised")
        # marked first: the partners still used by claims not anonymised are found by it
        claims.filtered(lambda c: not c.anonymised_on).write(
            {"anonymised_on": fields.Date.context_today(claims)})
        texts = wipe.free_text_fields(claims)
        if texts:
            claims.write(dict.fromkeys(texts, False))
        participants = claims.participant_ids
        participants.write({"reference": False})
        payments = claims.payment_ids
        texts = wipe.free_text_fields(payments)
        payments.write({"remarks": False, **dict.fromkeys(texts, False)})
        packages = claims.package_ids
        for package in packages:
            # the links and the reply address in the mails sent stop working
            package.write({
                "email": placeholder,
                "reply_token": secrets.token_hex(16),
                "access_token": secrets.token_hex(16),
                "date_expiry": False,
                "is_kept_informed": False,
                "date_account_expiry": False,
            })
        reviews = env["claims.mail.review"].search([("claim_id", "in", claims.ids)])
        reviews.write({"subject": False, "body": False, "email_from": False})
        partners = (
            claims.claimant_id | claims.insurer_id | claims.broker_id
            | participants.partner_id | payments.partner_id | payments.additional_payee_ids
            | packages.partner_id
        )
        documents = claims.document_ids
        targets = {
            "claims.claim": claims.ids,
            "claims.payment": payments.ids,
            "claims.package": packages.ids,
            "claims.mail.review": reviews.ids,
            "claims.document": documents.ids,
        }
        attachment_ids = documents.attachment_id.ids
        documents.unlink()
        wipe.delete_attachments(env, targets, attachment_ids)
        wipe.blank_messages(env, targets, placeholder)
        wipe.delete_activities(env, targets)
        claims._retention_anonymise_extra()
        partners._claims_retention_anonymise_private()
        return True

    def _retention_anonymise_extra(self):
        """Hook: anonymise what other addons keep of these claims (a connector's message
        payloads...). Called as superuser during the anonymisation, before the partners."""
        return True
