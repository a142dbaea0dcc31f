# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, models

_logger = logging.getLogger(__name__)

REVIEW_REASONS = {"token": "wrong_sender", "references": "wrong_sender"}


class MailThread(models.AbstractModel):
    """Routes replies to claim packages.

    Odoo's router matches References / In-Reply-To and exact aliases. Before it, a mail that
    answers a claim package (a ``<prefix>+<token>@`` address in To, Cc or Delivered-To, or
    References to the package's message) is routed here: to its claim when the sender is
    the package's recipient, else to the review list (``claims.mail.review``).
    """

    _inherit = "mail.thread"

    @api.model
    def message_route(self, message, message_dict, model=None, thread_id=None,
                      custom_values=None):
        if message_dict.get("is_bounce"):
            return super().message_route(
                message, message_dict, model=model, thread_id=thread_id,
                custom_values=custom_values,
            )
        package, path = self.env["claims.package"]._find_for_incoming(message_dict)
        if not package:
            return super().message_route(
                message, message_dict, model=model, thread_id=thread_id,
                custom_values=custom_values,
            )
        no_alias = self.env["mail.alias"]
        if package._is_sent_by_recipient(message_dict.get("email_from")):
            _logger.info(
                "Routing mail %s from %s to claim %s: reply to package %s (by %s)",
                message_dict.get("message_id"), message_dict.get("email_from"),
                package.claim_id.id, package.id, path,
            )
            message_dict["claims_package_id"] = package.id
            return [("claims.claim", package.claim_id.id, None, self.env.uid, no_alias)]
        _logger.info(
            "Routing mail %s from %s to review: it answers package %s (by %s) but does not "
            "come from its recipient", message_dict.get("message_id"),
            message_dict.get("email_from"), package.id, path,
        )
        message_dict.pop("parent_id", None)
        review_values = {
            "package_id": package.id,
            "claim_id": package.claim_id.id,
            "reason": REVIEW_REASONS[path],
        }
        return [("claims.mail.review", False, review_values, self.env.uid, no_alias)]

    @api.model
    def _message_route_process(self, message, message_dict, routes):
        package_id = message_dict.pop("claims_package_id", None)
        if package_id:
            self = self.with_context(claims_package_reply_id=package_id)
        return super()._message_route_process(message, message_dict, routes)
