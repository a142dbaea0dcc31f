# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The IAG Opus portal (PAGEMAP.md) and its simulator, for the browser robot of claims_opus."""

from .data import make_allocation  # noqa: F401
from .server import OpusSimulator  # noqa: F401
