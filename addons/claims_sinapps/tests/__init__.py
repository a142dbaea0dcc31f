from . import test_install
from . import test_sinapps_events
from . import test_sinapps_field_history
from . import test_sinapps_mapping
from . import test_sinapps_mission_import
from . import test_sinapps_portal
from . import test_sinapps_sollicitations
from . import test_sinapps_trade_works
