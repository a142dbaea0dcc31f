from . import claims_claim_close_wizard
from . import claims_claim_mark_off_wizard
from . import claims_claim_reopen_wizard
from . import claims_reserve_wizard
from . import claims_share_wizard
