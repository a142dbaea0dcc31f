# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
import time

from PIL import Image

from odoo.exceptions import UserError
from odoo.tests import TransactionCase

from .test_upload_paths import no_decoding_above, png_declaring


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

    def test_image_of_too_many_pixels_is_refused_from_its_header(self):
        bomb = png_declaring(12_000, 12_000)
        Attachment = self.env["ir.attachment"]
        with no_decoding_above(40_000_000):
            for label, values, context in (
                ("raw", {"raw": bomb}, {}),
                ("datas", {"datas": base64.b64encode(bomb)}, {}),
                # a caller's context key skips Odoo's post-processing, not this check
                ("no post-processing", {"raw": bomb}, {"image_no_postprocess": True}),
            ):
                start = time.monotonic()
                with self.assertRaises(UserError, msg=label) as caught:
                    Attachment.with_context(**context).create({"name": "../scan.png", **values})
                self.assertLess(time.monotonic() - start, 2, label)
                self.assertIn("scan.png is too large", str(caught.exception))
                self.assertIn("at most 40 megapixels", str(caught.exception))
            attachment = self._attach(_jpeg(64, 48))
            with self.assertRaises(UserError):
                attachment.write({"datas": base64.b64encode(bomb)})
            with self.assertRaises(UserError):
                attachment.write({"raw": png_declaring(6400, 6400)})  # 40.96 MP
        self.assertEqual(attachment.raw, _jpeg(64, 48))
