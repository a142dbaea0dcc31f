# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Tests pass on any day: no hard-coded calendar date beside "today" logic.

A test function (or fixture) that reads the clock (``today()``, ``now()``,
``context_today()``) and also types a calendar date (``"2026-11-22"``, ``date(2026, 11, 22)``)
mixes a moving date with a fixed one: it passes on the day it was written and fails some day
after. Such a function uses dates relative to today, or freezes the clock (``freeze_time``),
or says on the line why the date is controlled on both sides: ``# fixed date: <why>``.

Dates that only travel between a test and a server whose logic reads the clock are not seen
here (a fixed incident date that the phone form refuses a year later): the suite is run with
the clock a year ahead for those.
"""

import ast
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?(\.\d+)?)?Z?$")
CLOCK_CALLS = {"today", "now", "utcnow", "context_today"}
MARKER = "# fixed date:"


def _name(call):
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)


def _calendar_dates(function, lines):
    """(line number, text) of the calendar dates typed in a function, unmarked ones only."""
    for node in ast.walk(function):
        found = None
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and DATE.match(
                node.value):
            found = node.value
        elif (isinstance(node, ast.Call) and _name(node) in ("date", "datetime")
              and len(node.args) >= 3
              and all(isinstance(a, ast.Constant) and isinstance(a.value, int)
                      for a in node.args[:3])):
            found = ast.unparse(node)
        if found and MARKER not in lines[node.lineno - 1]:
            yield node.lineno, found


def _reads_clock(function):
    return any(isinstance(node, ast.Call) and _name(node) in CLOCK_CALLS
               for node in ast.walk(function))


def _freezes_clock(function):
    return "freeze_time" in ast.unparse(function)


def offenders(source):
    """The functions of a module that type a calendar date and read the clock."""
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        if not _reads_clock(node) or _freezes_clock(node):
            continue
        dates = list(_calendar_dates(node, lines))
        if dates:
            found.append((node.name, dates))
    return found


def _test_files():
    return sorted(
        path for pattern in ("addons/*/tests/**/*.py", "tests/**/*.py")
        for path in REPO.glob(pattern) if "__pycache__" not in path.parts
    )


@pytest.mark.parametrize("path", _test_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_no_calendar_date_beside_the_clock(path):
    problems = offenders(path.read_text())
    assert not problems, "\n".join(
        f"{path.relative_to(REPO)}: {name}() reads the clock and types {dates}: use dates "
        f"relative to today, freeze_time, or '{MARKER} <why>' on the line"
        for name, dates in problems)


def test_the_check_sees_the_mistake_it_is_for():
    source = (
        "def test_check(sim):\n"
        "    sim.issue_check('PM-1', '700123', '2026-11-22')\n"
        "    assert sim.run(since=date.today())\n"
        "def test_ok(sim):\n"
        "    sim.issue_check('PM-1', '700123', date.today().isoformat())\n"
        "def test_marked(sim):\n"
        "    sim.load(since='2026-11-20')  # fixed date: the sample's DateAssigned\n"
        "    sim.run(date.today())\n"
        "def test_frozen(sim):\n"
        "    with freeze_time('2027-02-01'):\n"
        "        sim.run(fields.Date.today())\n"
    )
    assert [name for name, _dates in offenders(source)] == ["test_check"]
