from . import claims_package_send
