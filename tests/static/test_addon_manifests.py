# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every addon is packaged as OCA expects and ships well-formed data files."""

import ast
from pathlib import Path

import pytest
from lxml import etree

ADDONS = Path(__file__).resolve().parents[2] / "addons"
ADDON_DIRS = sorted(p.parent for p in ADDONS.glob("*/__manifest__.py"))
REQUIRED_KEYS = {"name", "summary", "version", "license", "author", "website", "depends"}


def manifest(addon):
    return ast.literal_eval((addon / "__manifest__.py").read_text())


def test_the_five_addons_exist():
    names = {addon.name for addon in ADDON_DIRS}
    assert {"claims_base", "claims_policyport", "claims_opus", "claims_sinapps",
            "claims_broker_workflows"} <= names


@pytest.mark.parametrize("addon", ADDON_DIRS, ids=lambda p: p.name)
def test_manifest_follows_oca_keys(addon):
    data = manifest(addon)
    assert REQUIRED_KEYS <= set(data), REQUIRED_KEYS - set(data)
    assert data["license"] == "LGPL-3"
    assert data["version"].startswith("19.0.") and len(data["version"].split(".")) == 5
    for fragment in ("DESCRIPTION.md", "USAGE.md", "CONFIGURE.md"):
        assert (addon / "readme" / fragment).is_file(), fragment


@pytest.mark.parametrize("addon", ADDON_DIRS, ids=lambda p: p.name)
def test_connectors_depend_on_claims_base_only(addon):
    ours = {d for d in manifest(addon)["depends"] if d.startswith("claims_")}
    if addon.name == "claims_base":
        assert not ours
    else:
        assert ours == {"claims_base"}, f"{addon.name} depends on a sibling: {ours}"


@pytest.mark.parametrize("addon", ADDON_DIRS, ids=lambda p: p.name)
def test_manifest_files_exist_and_xml_parses(addon):
    data = manifest(addon)
    assets = [path.removeprefix(f"{addon.name}/")
              for path in data.get("assets", {}).get("web.assets_backend", [])]
    for path in data.get("data", []) + data.get("demo", []) + assets:
        file = addon / path
        assert file.is_file(), f"{addon.name}: {path} is listed but missing"
        if file.suffix == ".xml":
            etree.parse(str(file))  # raises on malformed XML
    for file in addon.rglob("*.xml"):
        etree.parse(str(file))


@pytest.mark.parametrize("addon", ADDON_DIRS, ids=lambda p: p.name)
def test_python_files_carry_the_license_header(addon):
    for file in addon.rglob("*.py"):
        text = file.read_text()
        if file.name == "__init__.py" or not text.strip():
            continue
        assert "License LGPL-3.0 or later" in text[:400], f"{file} lacks the license header"
