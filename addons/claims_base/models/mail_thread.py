# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from markupsafe import Markup, escape

from odoo import api, models

from ..tools.files import MAX_IMAGE_PIXELS, is_image_too_large, safe_filename

_logger = logging.getLogger(__name__)


class PackageReply:
    """Route marker: this mail is a reply to a claim package, checked, to be filed.

    It travels as the custom values of the route, from ``message_route`` to
    ``_message_route_process``: a Python object that no caller can send over RPC or put in a
    context, unlike a key of either.
    """

    __slots__ = ("package_id",)

    def __init__(self, package_id):
        self.package_id = package_id


class MailThread(models.AbstractModel):
    """Routes replies to claim packages.

    Odoo's router matches References / In-Reply-To and exact aliases. Before it, a mail that
    answers a claim package (a ``<prefix>+<token>@`` address in To, Cc or Delivered-To, or
    References to the package's message) is routed here: to its claim when it passes the
    checks of ``claims.package._get_reply_review_reason`` (one sender, the package's
    recipient, not an automatic reply), else to the review list (``claims.mail.review``).
    Bounces keep Odoo's own handling: they mark the delivery failed and file nothing.
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
        reason = package._get_reply_review_reason(message)
        if not reason:
            _logger.info(
                "Routing mail %s from %s to claim %s: reply to package %s (by %s)",
                message_dict.get("message_id"), message_dict.get("email_from"),
                package.claim_id.id, package.id, path,
            )
            return [(
                "claims.claim", package.claim_id.id, PackageReply(package.id), self.env.uid,
                no_alias,
            )]
        _logger.info(
            "Routing mail %s from %s to review (%s): it answers package %s (by %s)",
            message_dict.get("message_id"), message_dict.get("email_from"), reason,
            package.id, path,
        )
        message_dict.pop("parent_id", None)
        review_values = {
            "package_id": package.id,
            "claim_id": package.claim_id.id,
            "reason": reason,
        }
        return [("claims.mail.review", False, review_values, self.env.uid, no_alias)]

    @api.model
    def _message_route_process(self, message, message_dict, routes):
        replies = [route for route in routes or () if isinstance(route[2], PackageReply)]
        if not replies:
            return super()._message_route_process(message, message_dict, routes)
        thread_id = False
        for _model, _thread_id, reply, _user_id, _alias in replies:
            thread_id = self.env["claims.package"].browse(reply.package_id)._post_reply(
                message_dict
            )
        others = [route for route in routes if route not in replies]
        if others:
            thread_id = super()._message_route_process(message, message_dict, others)
        return thread_id

    def _process_attachments_for_post(self, attachments, attachment_ids, message_values):
        """Keep a mail whose attached image is too large: drop that image, say so.

        Every stored image is refused above MAX_IMAGE_PIXELS (``ir.attachment``). Files that
        come with a message as raw content (an incoming mail, chiefly) would make the whole
        mail fail with it, and the mail server would keep offering it; so such an image is
        left out and the message says which, and the text and other files are kept.
        """
        kept, dropped = [], []
        for attachment in attachments or []:
            content = attachment[1]
            if isinstance(content, str):
                content = content.encode()
            (dropped if is_image_too_large(content) else kept).append(attachment)
        if dropped:
            names = ", ".join(safe_filename(attachment[0]) for attachment in dropped)
            note = self.env._(
                "Not kept, images of more than %(megapixels)s megapixels: %(names)s",
                megapixels=MAX_IMAGE_PIXELS // 1_000_000, names=names)
            # a str body is text, as Odoo reads it here
            message_values["body"] = Markup("%s<p><em>%s</em></p>") % (
                escape(message_values.get("body") or ""), note)
            _logger.info("Message on %s: images left out (too large): %s",
                         message_values.get("model") or self._name, names)
        return super()._process_attachments_for_post(kept, attachment_ids, message_values)
