# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Claims partner API",
    "summary": "Partner systems: API keys, /claims/api/v1, change feed and signed webhooks",
    "version": "19.0.1.0.0",
    "category": "Services/Claims",
    "website": "https://github.com/claims-suite/claims-suite",
    "author": "The claims suite authors",
    "license": "LGPL-3",
    "depends": [
        "claims_connector",
        "rpc",
    ],
    "external_dependencies": {
        "python": ["requests"],
    },
    "data": [
        "security/claims_api_security.xml",
        "security/ir.model.access.csv",
        "security/ir_rule.xml",
        "security/claims_exchange_security.xml",
        "security/claims_webhook_security.xml",
        "data/claims_change_data.xml",
        "data/claims_webhook_data.xml",
        "views/claims_webhook_views.xml",
        "views/claims_api_menus.xml",
    ],
    "installable": True,
}
