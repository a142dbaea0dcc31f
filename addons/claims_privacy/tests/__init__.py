from . import test_res_partner_privacy_export
from . import test_res_partner_privacy_export_http
