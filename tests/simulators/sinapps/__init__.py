# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The Sinapps contract (CONTRACT.md, sinapps-ours.yaml, contract.py) and its simulator."""

from .data import make_mission  # noqa: F401
from .server import SinappsSimulator  # noqa: F401
