# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Where every PolicyPort field goes, in three files: ``claims.py`` (the claim and its parties,
policy, coverages and documents), ``financials.py`` (reserves, payments, checks and the
comparison of figures) and ``vendors.py`` (the vendor list and contact types). They are read
as one: ``from .. import mapping``, ``mapping.X``."""

from .claims import *  # noqa: F401,F403
from .financials import *  # noqa: F401,F403
from .vendors import *  # noqa: F401,F403
