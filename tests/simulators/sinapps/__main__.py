# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""``python -m tests.simulators.sinapps --port 8071``: a Sinapps with demo missions."""

from .server import main

main()
