# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Claims: recoveries",
    "summary": "Subrogation, salvage and deductible recoveries pursued per claim and coverage: "
    "recovery reserve, stages, limitation dates",
    "version": "19.0.1.0.0",
    "category": "Services/Claims",
    "website": "https://github.com/claims-suite/claims-suite",
    "author": "The claims suite authors",
    "license": "LGPL-3",
    "depends": ["claims_base", "mail"],
    "data": [
        "security/ir.model.access.csv",
        "security/ir_rule.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "views/claims_recovery_views.xml",
        "views/claims_claim_views.xml",
        "views/claims_payment_views.xml",
        "views/res_config_settings_views.xml",
        "wizards/claims_recovery_close_wizard_views.xml",
        "views/claims_recovery_menus.xml",
    ],
    "demo": [
        "demo/claims_recovery_demo.xml",
    ],
    "installable": True,
}
