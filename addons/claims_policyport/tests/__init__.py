from . import test_install
from . import test_policyport_client_xml
from . import test_policyport_client_http
from . import test_policyport_mapping
from . import test_policyport_claim_import
from . import test_policyport_concurrent_import
from . import test_policyport_lookup_cache
