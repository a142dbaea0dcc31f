# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import binascii
import io

from PIL import Image

from odoo import models


class IrAttachment(models.Model):
    """Skip Odoo's image post-processing when it cannot change the file.

    Odoo opens every uploaded PNG/JPEG/... through ``ImageProcess`` to shrink images larger
    than ``base.image_autoresize_max_px`` (1920x1920). ``ImageProcess`` first applies the EXIF
    orientation, which decodes and rotates the whole picture: about 45 ms of CPU for a
    1600 x 1200 phone photo taken upright, thrown away when no resize follows. Partner systems
    send claim photos by the hundred, mostly already scaled down; so when the image header
    alone shows that the picture fits the limit whatever its orientation, only the mimetype is
    set, as Odoo would, and the file is stored as received (``tests/bench/run api_incident``).
    """

    _inherit = "ir.attachment"

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
