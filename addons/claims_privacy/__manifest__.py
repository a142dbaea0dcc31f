# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Claims: privacy",
    "summary": "Everything the claims suite holds about one person, exported as a zip for an "
    "administrator",
    "version": "19.0.1.0.0",
    "category": "Services/Claims",
    "website": "https://github.com/claims-suite/claims-suite",
    "author": "The claims suite authors",
    "license": "LGPL-3",
    "depends": ["claims_base"],
    "data": [
        "data/ir_actions_server_data.xml",
    ],
    "installable": True,
}
