# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged

from ..tools.maps import DEFAULT_TILE_URL


@tagged("post_install", "-at_install")
class TestIncidentMapSettings(TransactionCase):
    """The map widget draws from the tile server of the settings, OpenStreetMap's by default,
    and a mistyped start falls back to the default instead of breaking every form."""

    def setUp(self):
        super().setUp()
        self.params = self.env["ir.config_parameter"].sudo()
        self.Incident = self.env["claims.incident"]

    def test_defaults(self):
        self.params.set_param("claims_base.map_tile_url", False)
        self.params.set_param("claims_base.map_center", False)
        settings = self.Incident.get_map_settings()
        self.assertEqual(settings["tile_url"], DEFAULT_TILE_URL)
        self.assertIn("{z}/{x}/{y}", settings["tile_url"])
        self.assertIn("OpenStreetMap", settings["attribution"])
        self.assertEqual((settings["latitude"], settings["longitude"], settings["zoom"]),
                         (50.85, 4.35, 6))

    def test_configured_server_and_start(self):
        settings_form = self.env["res.config.settings"].create({
            "claims_map_tile_url": "https://tiles.example.com/{z}/{x}/{y}.png",
            "claims_map_attribution": "© Example tiles",
            "claims_map_center": "40.71,-74.0,10",
        })
        settings_form.execute()
        settings = self.Incident.get_map_settings()
        self.assertEqual(settings["tile_url"], "https://tiles.example.com/{z}/{x}/{y}.png")
        self.assertEqual(settings["attribution"], "© Example tiles")
        self.assertEqual((settings["latitude"], settings["longitude"], settings["zoom"]),
                         (40.71, -74.0, 10))

    def test_a_mistyped_start_falls_back(self):
        self.params.set_param("claims_base.map_center", "Brussels")
        settings = self.Incident.get_map_settings()
        self.assertEqual((settings["latitude"], settings["longitude"], settings["zoom"]),
                         (50.85, 4.35, 6))
