# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Claims: retention",
    "summary": "Anonymise closed claims, their incidents, documents and mail a number of years "
    "after closing, except under a legal hold",
    "version": "19.0.1.0.0",
    "category": "Services/Claims",
    "website": "https://github.com/claims-suite/claims-suite",
    "author": "The claims suite authors",
    "license": "LGPL-3",
    "depends": ["claims_base"],
    "data": [
        "security/ir.model.access.csv",
        "security/ir_rule.xml",
        "data/ir_cron_data.xml",
        "views/claims_claim_views.xml",
        "views/claims_incident_views.xml",
        "views/claims_retention_log_views.xml",
        "views/res_config_settings_views.xml",
        "views/claims_retention_menus.xml",
    ],
    "demo": ["demo/claims_retention_demo.xml"],
    "installable": True,
}
