# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every addon is packaged as OCA expects and ships well-formed data files."""

import ast
import re
from pathlib import Path

import pytest
from lxml import etree

ADDONS = Path(__file__).resolve().parents[2] / "addons"
ADDON_DIRS = sorted(p.parent for p in ADDONS.glob("*/__manifest__.py"))
REQUIRED_KEYS = {"name", "summary", "version", "license", "author", "website", "depends"}
AUTHOR = "The claims suite authors"
VERSION = re.compile(r"19\.0\.\d+\.\d+\.\d+")
# Our addons and the ones of ours each depends on (DESIGN.md, README "How the addons fit").
OUR_DEPENDS = {
    "claims_base": set(),
    "claims_connector": {"claims_base"},
    "claims_api": {"claims_connector"},
    "claims_policyport": {"claims_connector"},
    "claims_opus": {"claims_connector"},
    "claims_sinapps": {"claims_connector"},
    "claims_broker_workflows": {"claims_base"},
    "claims_authority": {"claims_base"},
    "claims_bordereau": {"claims_base"},
}
# Odoo and OCA addons ours depend on, with what they bring of the ones that matter here.
OTHER_DEPENDS = {"queue_job": set(), "rpc": set()}
XMLID_MODULE = re.compile(r"\b(claims_[a-z_]+)\.[a-z_]+")
TEST_MODE = re.compile(r"current_test|test_enable|in_test_mode|test_mode|\btesting\b")


def manifest(addon):
    return ast.literal_eval((addon / "__manifest__.py").read_text())


def _closure(name):
    """The addons ``name`` depends on, directly or not (ours and the ones named above)."""
    seen, todo = set(), [name]
    while todo:
        current = todo.pop()
        path = ADDONS / current / "__manifest__.py"
        depends = manifest(path.parent)["depends"] if path.is_file() else OTHER_DEPENDS.get(
            current, ())
        for dependency in depends:
            if dependency not in seen:
                seen.add(dependency)
                todo.append(dependency)
    return seen


def _imported_addons(file):
    for node in ast.walk(ast.parse(file.read_text())):
        names = ([node.module or ""] if isinstance(node, ast.ImportFrom)
                 else [alias.name for alias in node.names] if isinstance(node, ast.Import)
                 else [])
        for name in names:
            parts = name.split(".")
            if parts[:2] == ["odoo", "addons"] and len(parts) > 2:
                yield parts[2]


def _version_tuple(version):
    return tuple(int(part) for part in version.split("."))


def test_the_seven_addons_exist():
    names = {addon.name for addon in ADDON_DIRS}
    assert set(OUR_DEPENDS) <= names


@pytest.mark.parametrize("addon", ADDON_DIRS, ids=lambda p: p.name)
def test_manifest_follows_oca_keys(addon):
    data = manifest(addon)
    assert REQUIRED_KEYS <= set(data), REQUIRED_KEYS - set(data)
    assert data["license"] == "LGPL-3"
    assert data["author"] == AUTHOR
    assert data["website"].startswith("https://")
    assert data.get("installable", True) is True
    assert not data["summary"].endswith("."), "OCA summaries are a phrase, not a sentence"
    assert "description" not in data, "the description is the readme/ fragments"
    assert VERSION.fullmatch(data["version"]), f"{data['version']} is not 19.0.x.y.z"


@pytest.mark.parametrize("addon", ADDON_DIRS, ids=lambda p: p.name)
def test_readme_has_its_fragments(addon):
    for fragment in ("DESCRIPTION.md", "USAGE.md", "CONFIGURE.md"):
        path = addon / "readme" / fragment
        assert path.is_file() and path.read_text().strip(), f"readme/{fragment} is missing"


@pytest.mark.parametrize("addon", ADDON_DIRS, ids=lambda p: p.name)
def test_migrations_are_of_versions_the_manifest_reached(addon):
    version = _version_tuple(manifest(addon)["version"])
    for folder in (addon / "migrations").glob("*"):
        assert VERSION.fullmatch(folder.name), f"migrations/{folder.name} is not 19.0.x.y.z"
        assert _version_tuple(folder.name) <= version, (
            f"migrations/{folder.name} is newer than the manifest's version")
        assert list(folder.glob("*.py")), f"migrations/{folder.name} holds no script"


# ---------------------------------------------------------------------- the dependency graph


def test_dependency_graph_is_the_designed_one():
    """claims_base needs no job runner; the connectors sit on the framework, side by side."""
    ours = {addon.name: {d for d in manifest(addon)["depends"] if d in OUR_DEPENDS}
            for addon in ADDON_DIRS if addon.name in OUR_DEPENDS}
    assert ours == OUR_DEPENDS
    assert "queue_job" not in _closure("claims_base")
    assert "queue_job" in _closure("claims_connector")
    assert "rpc" in manifest(ADDONS / "claims_api")["depends"]


@pytest.mark.parametrize("addon", ADDON_DIRS, ids=lambda p: p.name)
def test_imports_follow_the_dependency_graph(addon):
    """An addon (its tests too) imports only itself and the addons it depends on, so no
    connector imports another, and claims_base imports no framework or API."""
    allowed = _closure(addon.name) | {addon.name}
    for file in addon.rglob("*.py"):
        for imported in set(_imported_addons(file)) & (set(OUR_DEPENDS) | set(OTHER_DEPENDS)):
            assert imported in allowed, (
                f"{file.relative_to(ADDONS)} imports odoo.addons.{imported}, "
                f"which {addon.name} does not depend on")


@pytest.mark.parametrize("addon", ADDON_DIRS, ids=lambda p: p.name)
def test_data_files_reference_only_depended_addons(addon):
    allowed = _closure(addon.name) | {addon.name}
    for file in [*addon.rglob("*.xml"), *addon.rglob("*.csv")]:
        for module in set(XMLID_MODULE.findall(file.read_text())) & set(OUR_DEPENDS):
            assert module in allowed, (
                f"{file.relative_to(ADDONS)} refers to {module}, which {addon.name} "
                "does not depend on")


# ---------------------------------------------------------------------- small rooms


@pytest.mark.parametrize("addon", ADDON_DIRS, ids=lambda p: p.name)
def test_no_python_file_over_400_lines(addon):
    for file in addon.rglob("*.py"):
        lines = len(file.read_text().splitlines())
        assert lines <= 400, f"{file.relative_to(ADDONS)} has {lines} lines"


@pytest.mark.parametrize("addon", ADDON_DIRS, ids=lambda p: p.name)
def test_production_code_does_not_ask_whether_tests_run(addon):
    for file in addon.rglob("*.py"):
        if "tests" in file.relative_to(addon).parts:
            continue
        found = TEST_MODE.findall(file.read_text())
        assert not found, f"{file.relative_to(ADDONS)} checks for tests: {found}"


@pytest.mark.parametrize("addon", ADDON_DIRS, ids=lambda p: p.name)
def test_manifest_files_exist_and_xml_parses(addon):
    data = manifest(addon)
    for path in data.get("data", []) + data.get("demo", []):
        file = addon / path
        assert file.is_file(), f"{addon.name}: {path} is listed but missing"
        if file.suffix == ".xml":
            etree.parse(str(file))  # raises on malformed XML
    for bundle, paths in data.get("assets", {}).items():
        for path in paths:
            path = path[-1] if isinstance(path, (list, tuple)) else path
            if path.startswith(addon.name + "/"):  # a glob relative to the addons folder
                assert list(ADDONS.glob(path)), f"{addon.name}: {bundle} lists {path}: no file"
    for file in addon.rglob("*.xml"):
        etree.parse(str(file))


@pytest.mark.parametrize("addon", ADDON_DIRS, ids=lambda p: p.name)
def test_python_files_carry_the_license_header(addon):
    for file in addon.rglob("*.py"):
        text = file.read_text()
        if file.name == "__init__.py" or not text.strip():
            continue
        assert "License LGPL-3.0 or later" in text[:400], f"{file} lacks the license header"
