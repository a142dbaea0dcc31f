from . import claims_share_wizard
