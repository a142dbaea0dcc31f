from . import claims_sinapps_deposit_decide
from . import claims_sinapps_sollicitation_send
from . import claims_sinapps_trade_entry
