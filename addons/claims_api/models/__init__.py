from . import claims_change_mixin  # inherited by the models below
from . import claims_api
from . import claims_change
from . import claims_claim
from . import claims_document
from . import claims_exchange
from . import claims_payment
from . import claims_webhook
from . import ir_attachment
from . import ir_http
from . import res_users_apikeys
