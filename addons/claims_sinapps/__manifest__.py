# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Claims: Darva Sinapps",
    "summary": "Missions, sollicitations, quotes, appointments, invoices with Darva Sinapps (FR)",
    "version": "19.0.1.1.0",
    "category": "Services/Claims",
    "website": "https://github.com/claims-suite/claims-suite",
    "author": "The claims suite authors",
    "license": "LGPL-3",
    "depends": ["claims_connector"],
    "external_dependencies": {"python": ["requests"]},
    "data": [
        "security/ir.model.access.csv",
        "security/ir_rule.xml",
        "data/claims_sinapps_data.xml",
        "views/claims_sinapps_backend_views.xml",
        "views/claims_claim_views.xml",
        "views/claims_sinapps_sollicitation_views.xml",
        "views/claims_sinapps_deposit_views.xml",
        "views/claims_sinapps_wizard_views.xml",
        "views/claims_claim_portal_templates.xml",
        "views/claims_sinapps_menus.xml",
    ],
    "demo": [
        "demo/claims_sinapps_demo.xml",
    ],
    "installable": True,
}
