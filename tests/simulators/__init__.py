# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Loopback simulators of the insurers' systems, on a shared toolkit (toolkit.py)."""
