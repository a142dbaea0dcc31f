from . import test_install
from . import test_sinapps_events
from . import test_sinapps_mapping
from . import test_sinapps_mission_import
