# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Claims: bordereaux",
    "summary": "Monthly claims bordereau per insurer or broker scheme, as an xlsx download and "
    "a scheduled mail, rebuilt identically from the ledgers",
    "version": "19.0.1.0.0",
    "category": "Services/Claims",
    "website": "https://github.com/claims-suite/claims-suite",
    "author": "The claims suite authors",
    "license": "LGPL-3",
    "depends": ["claims_base", "mail"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/ir.model.access.csv",
        "security/ir_rule.xml",
        "data/ir_cron_data.xml",
        "data/mail_template_data.xml",
        "views/claims_bordereau_config_views.xml",
        "views/claims_bordereau_views.xml",
        "wizards/claims_bordereau_wizard_views.xml",
        "views/claims_bordereau_menus.xml",
    ],
    "demo": ["demo/claims_bordereau_demo.xml"],
    "installable": True,
}
