# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""``python -m tests.simulators.policyport [--port 8072] [--claims 5]``: the demo's PolicyPort."""

from .server import main

main()
