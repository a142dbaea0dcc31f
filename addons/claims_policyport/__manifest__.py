# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Claims: Tiva PolicyPort",
    "summary": "Claims import and financials sync with Tiva/Focus PolicyPort (US) over REST/XML",
    "version": "19.0.1.3.0",
    "category": "Services/Claims",
    "website": "https://github.com/claims-suite/claims-suite",
    "author": "The claims suite authors",
    "license": "LGPL-3",
    "depends": ["claims_connector"],
    "external_dependencies": {"python": ["requests", "lxml", "pypdf"]},
    "data": [
        "security/claims_policyport_security.xml",
        "security/ir.model.access.csv",
        "security/ir_rule.xml",
        "data/claims_policyport_data.xml",
        "data/claims_coverage_type_data.xml",
        "data/claims_policyport_financials_data.xml",
        "views/claims_policyport_backend_views.xml",
        "views/claims_claim_views.xml",
        "views/claims_policy_views.xml",
        "views/res_partner_views.xml",
        "views/claims_payment_views.xml",
        "views/claims_policyport_compare_views.xml",
        "views/claims_policyport_menus.xml",
        "report/claims_claim_report.xml",
    ],
    "demo": [
        "demo/claims_policyport_demo.xml",
    ],
    "installable": True,
}
