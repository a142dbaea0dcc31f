# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Claims: broker workflows",
    "summary": "Timed multi-step broker workflows (duty-of-care follow-ups) such as the Scope 10 "
    "inspection-report workflow",
    "version": "19.0.1.0.1",
    "category": "Services/Claims",
    "website": "https://github.com/claims-suite/claims-suite",
    "author": "The claims suite authors",
    "license": "LGPL-3",
    "depends": ["claims_base", "mail"],
    "external_dependencies": {"python": ["lxml"]},
    "data": [
        "security/ir.model.access.csv",
        "security/ir_rule.xml",
        "data/ir_cron_data.xml",
        "data/mail_activity_type_data.xml",
        "data/mail_template_data.xml",
        "data/claims_workflow_scope10_data.xml",
        "views/claims_workflow_definition_views.xml",
        "views/claims_workflow_instance_views.xml",
        "views/claims_inspection_report_views.xml",
        "views/claims_workflow_import_views.xml",
        "views/claims_broker_workflows_menus.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "claims_broker_workflows/static/src/activity_patch.js",
            "claims_broker_workflows/static/src/activity_patch.xml",
        ],
    },
    "installable": True,
}
