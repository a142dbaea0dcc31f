# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Links to a map of a point."""


def osm_url(latitude, longitude):
    """The OpenStreetMap page centred on a point, or False without coordinates."""
    if not (latitude or longitude):
        return False
    return (
        f"https://www.openstreetmap.org/?mlat={latitude:.6f}&mlon={longitude:.6f}"
        f"#map=17/{latitude:.6f}/{longitude:.6f}"
    )
