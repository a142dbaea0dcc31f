from . import claims_claim_report_package
