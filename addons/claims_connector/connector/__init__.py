# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Plain-Python part of the connector framework: importable without Odoo or a database."""
