# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Read Odoo's log while it installs and tests: count tests, failures and ERROR lines."""

import re

LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z]+) (?P<db>\S+) "
    r"(?P<logger>[\w.]+): (?P<message>.*)$")
STARTED_TEST = re.compile(r"^Starting (?P<test>\S+) \.\.\.$")
FAILED_TEST = re.compile(r"^(?P<kind>FAIL|ERROR): (?P<test>\S+)")
# Summary lines Odoo adds after failed tests: they repeat a failure already counted.
ECHOES = (
    "At least one test failed when loading the modules.",
    "Test suite halted: max failed tests already reached",
)
TOTALS = re.compile(r"^\d+ failed, \d+ error\(s\) of \d+ tests")
SHOWN_INFO = ("odoo.tests.stats", "odoo.service.server", "odoo.modules.loading")


class OdooLogSummary:
    """Feed it the log line by line; ``passed``/``failed`` once ``finish()`` was called."""

    def __init__(self):
        self.tests = 0
        self.failed_tests = set()
        self.problems = []
        self.passed = self.failed = 0
        self._in_error = False  # showing the traceback that follows an ERROR line

    def feed(self, line):
        """Record one line; returns True when the line is worth showing on the console."""
        match = LINE.match(line.rstrip())
        if not match:
            return self._in_error
        self._in_error = False
        level, logger, message = match["level"], match["logger"], match["message"]
        if ".tests" in logger and STARTED_TEST.match(message):
            self.tests += 1
        if level in ("ERROR", "CRITICAL"):
            failed = FAILED_TEST.match(message)
            if failed:
                self.failed_tests.add(failed["test"])
                self._in_error = True
            elif not (message.startswith(ECHOES) or TOTALS.match(message)):
                self.problems.append(f"{logger}: {message[:300]}")
            self._in_error = True
            return True
        if level == "WARNING":
            return True
        return logger in SHOWN_INFO and ("tests" in message or "Modules loaded" in message)

    def finish(self):
        self.failed = len(self.failed_tests) + (1 if self.problems else 0)
        self.passed = max(self.tests - len(self.failed_tests), 0)
