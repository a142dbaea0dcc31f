# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The files of one data-subject export, and the zip they make. No ORM here."""

import io
import json
import zipfile

from odoo.addons.claims_base.tools.files import safe_filename


class PrivacyExport:
    """Tables (JSON lists of records) and files of one export, each with what it is."""

    def __init__(self):
        self.tables = {}  # base name -> (description, rows)
        self.files = {}  # path in the zip -> bytes

    def add_table(self, name, description, rows):
        """Add ``rows`` (a list of dicts) as ``<name>.json``; rows of a name met before are
        appended to it."""
        name = safe_filename(name, default="records").removesuffix(".json")
        if name in self.tables:
            self.tables[name][1].extend(rows)
        else:
            self.tables[name] = (description, list(rows))

    def add_file(self, key, name, data):
        """Add a file under ``files/``; ``key`` (an id) keeps equal names apart.

        :returns: its path in the zip
        """
        path = f"files/{key}-{safe_filename(name)}"
        self.files.setdefault(path, data or b"")
        return path

    def readme(self, intro):
        lines = [intro.rstrip(), "", "Files:"]
        for name, (description, rows) in self.tables.items():
            lines.append(f"- {name}.json ({len(rows)}): {description}")
        if self.files:
            lines.append(f"- files/ ({len(self.files)}): the files listed in documents.json, "
                         "named <id>-<name>.")
        return "\n".join(lines) + "\n"

    def to_zip(self, intro):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("README.txt", self.readme(intro))
            for name, (_description, rows) in self.tables.items():
                archive.writestr(
                    f"{name}.json",
                    json.dumps(rows, indent=2, ensure_ascii=False, default=str),
                )
            for path, data in self.files.items():
                archive.writestr(path, data)
        return buffer.getvalue()
