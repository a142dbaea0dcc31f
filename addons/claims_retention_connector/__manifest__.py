# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Claims: retention of connector exchanges",
    "summary": "The retention job also wipes the exchange payloads of anonymised claims",
    "version": "19.0.1.0.0",
    "category": "Services/Claims",
    "website": "https://github.com/claims-suite/claims-suite",
    "author": "The claims suite authors",
    "license": "LGPL-3",
    "depends": ["claims_retention", "claims_connector"],
    "auto_install": True,
    "installable": True,
}
