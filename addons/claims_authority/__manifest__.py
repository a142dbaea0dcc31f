# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Claims: authority limits",
    "summary": "Reserve and payment authority limits per handler, with approval by someone "
    "whose limit covers the amount",
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
        "views/claims_authority_limit_views.xml",
        "views/claims_reserve_request_views.xml",
        "views/claims_payment_views.xml",
        "views/claims_claim_views.xml",
        "wizards/claims_reserve_wizard_views.xml",
        "views/claims_authority_menus.xml",
    ],
    "demo": [
        "demo/claims_authority_demo.xml",
    ],
    "installable": True,
}
