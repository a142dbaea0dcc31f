from . import claims_policyport_compare
