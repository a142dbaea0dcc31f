# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import binascii

from odoo import models
from odoo.exceptions import UserError

from ..tools.files import MAX_IMAGE_PIXELS, is_image_too_large, safe_filename


class IrAttachment(models.Model):
    """Refuse an image too large to decode, from its header.

    Every content stored (phone form, partner API, documents, portal, mail) is measured from
    its header: an image of more than 40 megapixels is refused with a ``UserError``, before
    Odoo would decode it (a tiny PNG may declare 12,000 x 12,000 pixels, which take gigabytes
    once decoded and resized). This runs in ``_check_contents``, which no context key skips
    (``image_no_postprocess`` skips only the post-processing).
    """

    _inherit = "ir.attachment"

    def _check_contents(self, values):
        self._check_image_pixels(values)
        return super()._check_contents(values)

    def _check_image_pixels(self, values):
        """Refuse an image whose header declares more than ``MAX_IMAGE_PIXELS`` pixels."""
        raw = values.get("raw")
        try:
            if not raw and values.get("datas"):
                raw = base64.b64decode(values["datas"])
        except (ValueError, TypeError, binascii.Error):
            return
        if isinstance(raw, str):
            raw = raw.encode()
        if is_image_too_large(raw):
            name = values.get("name") or ", ".join(filter(None, self.mapped("name")))
            raise UserError(self.env._(
                "The image %(name)s is too large: images of at most %(megapixels)s megapixels "
                "are accepted. Send a smaller picture.",
                name=safe_filename(name), megapixels=MAX_IMAGE_PIXELS // 1_000_000,
            ))
