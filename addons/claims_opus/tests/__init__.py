from . import test_install
from . import test_opus_allocation_import
from . import test_opus_field_history
from . import test_opus_jobs
from . import test_opus_mapping
from . import test_opus_poll_robustness
