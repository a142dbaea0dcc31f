# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Images that declare more pixels than they weigh, and a guard that nothing decodes them."""

import contextlib
import struct
import zlib
from unittest.mock import patch

from PIL import ImageFile

REFUSED = "images of at most 40 megapixels are accepted"


def png_declaring(width, height):
    """A valid black PNG of ``width`` x ``height`` pixels of one bit: at 12,000 x 12,000 it
    weighs about 17 KB and takes 144 MB once decoded (more once resized)."""

    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body)))

    row = b"\x00" * (1 + (width + 7) // 8)
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(row * height, 9)) + chunk(b"IEND", b""))


@contextlib.contextmanager
def no_decoding_above(pixels):
    """Fail whatever decodes an image of more than ``pixels`` pixels meanwhile."""
    load = ImageFile.ImageFile.load

    def guarded_load(image):
        if image.size[0] * image.size[1] > pixels:
            raise AssertionError(f"an image of {image.size} pixels was decoded")
        return load(image)

    with patch.object(ImageFile.ImageFile, "load", guarded_load):
        yield
