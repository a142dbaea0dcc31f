# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Claims: Darva Sinapps",
    "summary": "Missions, sollicitations, quotes, appointments, invoices with Darva Sinapps (FR)",
    "version": "19.0.1.0.0",
    "category": "Services/Claims",
    "website": "https://github.com/claims-suite/claims-suite",
    "author": "The claims suite authors",
    "license": "LGPL-3",
    "depends": ["claims_connector"],
    "data": [],
    "installable": True,
}
