# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import test_bordereau_access
from . import test_bordereau_columns
from . import test_bordereau_figures
from . import test_bordereau_history
from . import test_bordereau_mail
from . import test_bordereau_rpc
