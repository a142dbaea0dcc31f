# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Files from outside: safe base names, and the pixel size of an image from its header.

A name that comes with a file (an upload, a mail attachment, a partner system) is hostile: it
may carry a folder (``../../x``, ``/etc/passwd``, ``C:\\x\\y.txt``, ``..\\..\\z.txt``) that a
zip tool or a desktop would follow. ``safe_filename`` keeps the last part only. An image is
measured from its header before Odoo decodes it: a few kilobytes may declare a picture that
needs gigabytes once decoded.
"""

import io
import re
import unicodedata
import warnings

from PIL import Image

MAX_IMAGE_PIXELS = 40_000_000
MAX_NAME_LENGTH = 200
DEFAULT_NAME = "file"
DRIVE = re.compile(r"^[A-Za-z]:")
# characters Windows refuses in a file name, colons included (alternate data streams)
FORBIDDEN = re.compile(r'[<>:"|?*]')


def safe_filename(name, default=DEFAULT_NAME):
    """The base name of ``name``: no folder of either slash, no drive, no control character,
    no leading dot (``..``, hidden files) and no trailing dot or blank; ``default`` when
    nothing is left. Long names are cut to ``MAX_NAME_LENGTH``, keeping the extension."""
    name = str(name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = DRIVE.sub("", name)
    name = "".join(
        char for char in name if unicodedata.category(char) not in ("Cc", "Cf", "Zl", "Zp")
    )
    name = FORBIDDEN.sub("_", name).strip().lstrip(".").rstrip(". ").strip()
    if not name:
        return default
    if len(name) > MAX_NAME_LENGTH:
        stem, dot, extension = name.rpartition(".")
        if not dot or not stem or len(extension) > 20:
            return name[:MAX_NAME_LENGTH].rstrip(". ")
        return f"{stem[:MAX_NAME_LENGTH - len(extension) - 1].rstrip('. ')}.{extension}"
    return name


def is_image_too_large(raw, limit=MAX_IMAGE_PIXELS):
    """Whether ``raw`` is an image whose header declares more than ``limit`` pixels.

    Pillow's ``Image.open`` reads the header only: nothing is decoded, so a few kilobytes that
    declare 12,000 x 12,000 pixels cost no memory. Content Pillow cannot read is no image here
    (False): Odoo cannot decode it either.
    """
    if not raw:
        return False
    try:
        with warnings.catch_warnings():
            # above ~89 MP Pillow warns of a decompression bomb: refused below anyway
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(raw)) as image:
                width, height = image.size
    except Image.DecompressionBombError:
        return True  # above ~179 MP Pillow will not even open it
    except (OSError, ValueError, TypeError, SyntaxError):
        return False
    return width * height > limit
