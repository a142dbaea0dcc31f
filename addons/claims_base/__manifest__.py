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
    ],
    "application": True,
    "installable": True,
}
