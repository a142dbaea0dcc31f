# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Claims",
    "summary": "Incidents, claims, policies, reserves, payments, participants, portal "
    "and the connector framework of the claims suite",
    "version": "19.0.1.0.0",
    "category": "Services/Claims",
    "website": "https://github.com/claims-suite/claims-suite",
    "author": "The claims suite authors",
    "license": "LGPL-3",
    "depends": ["mail", "portal", "fleet", "resource", "queue_job"],
    "external_dependencies": {"python": ["requests", "lxml", "pypdf"]},
    "data": [
        "security/claims_base_security.xml",
        "security/ir.model.access.csv",
        "security/ir_rule.xml",
        "data/ir_sequence_data.xml",
        "data/claims_base_data.xml",
        "views/claims_claim_views.xml",
        "views/claims_incident_views.xml",
        "views/claims_policy_views.xml",
        "views/claims_payment_views.xml",
        "views/claims_document_views.xml",
        "views/claims_claim_stage_views.xml",
        "views/claims_claim_type_views.xml",
        "views/claims_coverage_type_views.xml",
        "views/claims_document_category_views.xml",
        "views/claims_participant_role_views.xml",
        "views/claims_incident_rule_views.xml",
        "views/claims_field_history_views.xml",
        "views/claims_base_menus.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "claims_base/static/src/views/**/*",
        ],
    },
    "application": True,
    "installable": True,
}
