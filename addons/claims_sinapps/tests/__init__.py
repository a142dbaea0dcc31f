from . import test_install
from . import test_sinapps_mapping
