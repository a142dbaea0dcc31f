# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import claims_bordereau
from . import claims_bordereau_builder
from . import claims_bordereau_column
from . import claims_bordereau_config
