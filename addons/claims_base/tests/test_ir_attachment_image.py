# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io

from PIL import Image

from odoo.tests import TransactionCase


def _jpeg(width, height, orientation=None):
    picture = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    buffer = io.BytesIO()
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    picture.save(buffer, "JPEG", quality=70, exif=exif.tobytes())
    return buffer.getvalue()


class TestIrAttachmentImage(TransactionCase):
    def _attach(self, raw, name="photo.jpg"):
        return self.env["ir.attachment"].create({"name": name, "raw": raw})

    def test_photo_within_the_limit_is_stored_as_received(self):
        raw = _jpeg(1600, 1200, orientation=6)
        attachment = self._attach(raw)
        self.assertEqual(attachment.raw, raw)
        self.assertEqual(attachment.mimetype, "image/jpeg")

    def test_photo_above_the_limit_is_still_shrunk_by_odoo(self):
        attachment = self._attach(_jpeg(2400, 600))
        with Image.open(io.BytesIO(attachment.raw)) as stored:
            self.assertEqual(stored.size, (1920, 480))

    def test_file_that_is_no_image_keeps_odoo_handling(self):
        attachment = self._attach(b"%PDF-1.4 not really", name="report.pdf")
        self.assertEqual(attachment.mimetype, "application/pdf")
        self.assertEqual(attachment.raw, b"%PDF-1.4 not really")
