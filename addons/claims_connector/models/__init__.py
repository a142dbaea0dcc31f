from . import claims_backend_mixin  # inherited by the backends of the connectors
from . import claims_exchange_record_mixin  # inherited by the models below
from . import claims_binding
from . import claims_claim
from . import claims_exchange
from . import queue_job
