from . import test_install
from . import test_claims_workflow_instance_scope10
