# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Claims: IAG Opus",
    "summary": "Repairer allocations, job fields, documents and KPI dates in IAG Opus (AU)",
    "version": "19.0.1.1.0",
    "category": "Services/Claims",
    "website": "https://github.com/claims-suite/claims-suite",
    "author": "The claims suite authors",
    "license": "LGPL-3",
    "depends": ["claims_connector"],
    "external_dependencies": {"python": ["playwright"]},
    "data": [
        "security/ir.model.access.csv",
        "security/ir_rule.xml",
        "data/claims_opus_data.xml",
        "report/claims_opus_job_reports.xml",
        "views/claims_opus_backend_views.xml",
        "views/claims_opus_job_views.xml",
        "views/claims_claim_views.xml",
        "views/claims_exchange_views.xml",
        "views/claims_opus_kpi_target_views.xml",
        "views/claims_opus_menus.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "claims_opus/static/src/claim_form/claim_form.scss",
        ],
    },
    "demo": [
        "demo/claims_opus_demo.xml",
    ],
    "installable": True,
}
