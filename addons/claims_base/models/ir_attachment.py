# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import binascii
import io

from PIL import Image

from odoo import models
from odoo.exceptions import UserError

from ..tools.files import MAX_IMAGE_PIXELS, is_image_too_large, safe_filename


class IrAttachment(models.Model):
    """Skip Odoo's image post-processing when it cannot change the file.

    Odoo opens every uploaded PNG/JPEG/... through ``ImageProcess`` to shrink images larger
    than ``base.image_autoresize_max_px`` (1920x1920). ``ImageProcess`` first applies the EXIF
    orientation, which decodes and rotates the whole picture: about 45 ms of CPU for a
    1600 x 1200 phone photo taken upright, thrown away when no resize follows. Claim photos
    come in by the hundred (phone form, partner API), mostly already scaled down; so when the
    image header alone shows that the picture fits the limit whatever its orientation, only
    the mimetype is set, as Odoo would, and the file is stored as received.

    Before any of it, every content stored (phone form, partner API, documents, portal, mail)
    is measured from its header: an image of more than 40 megapixels is refused with a
    ``UserError``, before Odoo would decode it (a tiny PNG may declare 12,000 x 12,000 pixels,
    which take gigabytes once decoded and resized). This runs in ``_check_contents``, which
    no context key skips (``image_no_postprocess`` skips only the post-processing).
    """

    _inherit = "ir.attachment"

    def _check_contents(self, values):
        self._check_image_pixels(values)
        return super()._check_contents(values)

    def _postprocess_contents(self, values):
        mimetype = self._compute_mimetype(values)
        if mimetype.startswith("image/") and self._fits_autoresize_limit(values):
            values["mimetype"] = mimetype
            return values
        return super()._postprocess_contents(values)

    def _fits_autoresize_limit(self, values):
        """True when the values hold an image whose header says it needs no resize."""
        limit = self.env["ir.config_parameter"].sudo().get_param(
            "base.image_autoresize_max_px", "1920x1920")
        try:
            box = min(int(side) for side in limit.split("x"))
            raw = values.get("raw") or base64.b64decode(values.get("datas") or b"")
            if not raw or box <= 0:
                return False
            with Image.open(io.BytesIO(raw)) as image:  # reads the header only
                return max(image.size) <= box
        except (ValueError, TypeError, binascii.Error, OSError, Image.DecompressionBombError):
            return False

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
