from . import test_install
from . import test_claims_workflow_definition_scan
from . import test_claims_workflow_instance_activity
from . import test_claims_workflow_instance_scope10
from . import test_claims_workflow_package
from . import test_claims_workflow_translation_nl
