# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
import os
import tempfile
import zipfile

from .common_package import ClaimsPackageCommon

HOSTILE_NAMES = {
    "../../evil.txt": "evil.txt",
    "/etc/passwd": "passwd",
    "C:\\x\\y.txt": "y.txt",
    "..\\..\\z.txt": "z.txt",
}


class TestClaimsPackageZipNames(ClaimsPackageCommon):
    """A package's zip unzips into the folder chosen, whatever its documents are called."""

    def _zip_of(self, names):
        documents = self.env["claims.document"]
        for index, name in enumerate(names):
            documents |= self._add_document(
                name, f"content {index} of {name}".encode(), self.category_correspondence
            )
        package = self._send_package(self.lawyer, documents)
        return package.zip_attachment_id.raw, documents

    def test_zip_members_are_base_names_that_stay_in_the_folder(self):
        # "evil.txt" twice once the folder is dropped: the second must not overwrite the first
        content, documents = self._zip_of([*HOSTILE_NAMES, "evil.txt"])
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.namelist()
            self.assertEqual(
                sorted(members), sorted([*HOSTILE_NAMES.values(), "evil (2).txt"])
            )
            for member in members:
                self.assertNotIn("/", member)
                self.assertNotIn("\\", member)
                self.assertNotIn(":", member)
                self.assertFalse(member.startswith("."), member)
            with tempfile.TemporaryDirectory() as parent:
                target = os.path.join(parent, "package")
                os.mkdir(target)
                archive.extractall(target)
                # a naive unzip tool joins the member name to the folder as it comes
                for member in members:
                    path = os.path.realpath(os.path.join(target, member))
                    self.assertEqual(os.path.dirname(path), os.path.realpath(target), member)
                self.assertEqual(os.listdir(parent), ["package"], "nothing beside the folder")
                written = {}
                for folder, subfolders, files in os.walk(target):
                    self.assertEqual(folder, target, f"no folder made by the zip: {subfolders}")
                    for name in files:
                        with open(os.path.join(folder, name), "rb") as file:
                            written[name] = file.read()
        self.assertEqual(set(written), set(members))
        self.assertEqual(
            sorted(written.values()), sorted(documents.mapped("attachment_id.raw")),
            "every document is in the folder once: none overwrote another",
        )
        self.assertEqual(written["y.txt"], b"content 2 of C:\\x\\y.txt")

    def test_names_differing_by_case_only_are_numbered(self):
        content, _documents = self._zip_of(["Report.pdf", "report.PDF", "..", "/"])
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.namelist()
        self.assertEqual(len(members), 4)
        self.assertEqual(
            {member.casefold() for member in members},
            {"report.pdf", "report (2).pdf", "file", "file (2)"},
        )
