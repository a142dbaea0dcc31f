from . import test_claim_money
from . import test_security_groups
from . import test_document_filing
from . import test_field_history
