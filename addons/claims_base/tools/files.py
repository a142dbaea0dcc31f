# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Files from outside: safe base names.

A name that comes with a file (an upload, a mail attachment, a partner system) is hostile: it
may carry a folder (``../../x``, ``/etc/passwd``, ``C:\\x\\y.txt``, ``..\\..\\z.txt``) that a
zip tool or a desktop would follow. ``safe_filename`` keeps the last part only.
"""

import re
import unicodedata

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

