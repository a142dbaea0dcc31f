# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import claims_inspection_report
from . import claims_insured_object
from . import claims_policy
from . import claims_workflow_definition
from . import claims_workflow_definition_scan
from . import claims_workflow_history
from . import claims_workflow_instance
from . import claims_workflow_instance_engine
from . import claims_workflow_option
from . import claims_workflow_step
from . import mail_activity
