# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The PolicyPort contract (CONTRACT.md, policyport.xsd, samples/) and its simulator."""

from .data import make_claim, render_claim  # noqa: F401
from .server import PolicyPortSimulator  # noqa: F401
