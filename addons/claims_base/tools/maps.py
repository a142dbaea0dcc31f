# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Links to a map of a point, and the settings of our map widget."""


def osm_url(latitude, longitude):
    """The OpenStreetMap page centred on a point, or False without coordinates."""
    if not (latitude or longitude):
        return False
    return (
        f"https://www.openstreetmap.org/?mlat={latitude:.6f}&mlon={longitude:.6f}"
        f"#map=17/{latitude:.6f}/{longitude:.6f}"
    )


DEFAULT_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
DEFAULT_ATTRIBUTION = "© OpenStreetMap contributors"
DEFAULT_CENTER = "50.85,4.35,6"  # latitude, longitude, zoom of a map without a point


def map_settings(env):
    """What the map widget draws with: the tile server's URL template ({z}, {x}, {y}), its
    attribution, and where a map without a point starts (System Parameters, Claims settings)."""
    params = env["ir.config_parameter"].sudo()
    center = (params.get_param("claims_base.map_center") or DEFAULT_CENTER).split(",")
    try:
        latitude, longitude, zoom = float(center[0]), float(center[1]), int(center[2])
    except (ValueError, IndexError):
        latitude, longitude, zoom = (float(v) for v in DEFAULT_CENTER.split(","))
    return {
        "tile_url": params.get_param("claims_base.map_tile_url") or DEFAULT_TILE_URL,
        "attribution": params.get_param("claims_base.map_attribution") or DEFAULT_ATTRIBUTION,
        "latitude": latitude,
        "longitude": longitude,
        "zoom": int(zoom),
    }
