from . import test_claims_backend_mixin
from . import test_claims_binding_company
from . import test_claims_binding_unique
from . import test_claims_exchange_job
from . import test_claims_sync_status
from . import test_connector_exceptions
