# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Claims: broker workflows",
    "summary": "Timed multi-step broker workflows (duty-of-care follow-ups) such as the Scope 10 inspection-report workflow",
    "version": "19.0.1.0.0",
    "category": "Services/Claims",
    "website": "https://github.com/claims-suite/claims-suite",
    "author": "The claims suite authors",
    "license": "LGPL-3",
    "depends": ["claims_base"],
    "data": [],
    "installable": True,
}
