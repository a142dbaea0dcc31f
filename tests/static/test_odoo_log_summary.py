# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The test command counts Odoo's tests and fails on any ERROR line."""

from tests.tooling.odoo_log import OdooLogSummary

PREFIX = "2026-11-22 02:06:35,778 8567 {level} claims_test {logger}: {message} \n"


def line(level, logger, message):
    return PREFIX.format(level=level, logger=logger, message=message)


def summarise(*lines):
    summary = OdooLogSummary()
    for text in lines:
        summary.feed(text)
    summary.finish()
    return summary


def test_started_tests_are_counted_as_passed():
    summary = summarise(
        line("INFO", "odoo.addons.claims_base.tests.test_x", "Starting TestX.test_a ..."),
        line("INFO", "odoo.addons.claims_base.tests.test_x", "Starting TestX.test_b ..."),
    )
    assert (summary.passed, summary.failed) == (2, 0)


def test_failed_test_is_counted_once():
    summary = summarise(
        line("INFO", "odoo.addons.claims_base.tests.test_x", "Starting TestX.test_a ..."),
        line("ERROR", "odoo.addons.claims_base.tests.test_x", "FAIL: TestX.test_a"),
        line("ERROR", "odoo.modules.loading",
             "At least one test failed when loading the modules."),
        line("ERROR", "odoo.tests.result", "1 failed, 0 error(s) of 1 tests when loading"),
    )
    assert (summary.passed, summary.failed) == (0, 1)


def test_error_line_outside_tests_fails_the_run():
    summary = summarise(
        line("INFO", "odoo.addons.claims_base.tests.test_x", "Starting TestX.test_a ..."),
        line("ERROR", "odoo.addons.claims_base.models.claim", "something broke at install"),
    )
    assert summary.failed == 1
    assert "something broke" in summary.problems[0]


def test_warnings_do_not_fail():
    summary = summarise(line("WARNING", "odoo.models", "a warning"))
    assert summary.failed == 0
