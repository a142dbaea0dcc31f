# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Claims connector framework",
    "summary": "Backends, exchange log, bindings and jobs that the claims connectors share",
    "version": "19.0.1.0.0",
    "category": "Services/Claims",
    "website": "https://github.com/claims-suite/claims-suite",
    "author": "The claims suite authors",
    "license": "LGPL-3",
    "depends": [
        "claims_base",
        "queue_job",
    ],
    "data": [
        "security/claims_connector_security.xml",
        "security/ir.model.access.csv",
        "security/ir_rule.xml",
        "security/claims_exchange_security.xml",
        "data/claims_exchange_data.xml",
        "views/claims_exchange_views.xml",
        "views/claims_claim_views.xml",
        "views/claims_connector_menus.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "claims_connector/static/src/sync_badge/sync_badge_field.js",
            "claims_connector/static/src/sync_badge/sync_badge_field.xml",
        ],
    },
    "installable": True,
}
