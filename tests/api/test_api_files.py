# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Files sent by a partner system: an image of too many pixels is refused from its header with
a JSON error and nothing of the call is filed; names are kept without their folders."""

import base64
import struct
import time
import zlib

from .conftest import PNG


def png_declaring(width, height):
    """A valid black PNG of one bit per pixel: 12,000 x 12,000 weighs about 17 KB."""

    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body)))

    row = b"\x00" * (1 + (width + 7) // 8)
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(row * height, 9)) + chunk(b"IEND", b""))


def _file(name, raw):
    return {"name": name, "data": base64.b64encode(raw).decode()}


def test_image_of_too_many_pixels_is_refused_at_once_and_nothing_is_filed(client_a, odoo_env):
    bomb = png_declaring(12_000, 12_000)
    with odoo_env() as env:
        before = env["claims.incident"].search_count([])
    start = time.monotonic()
    status, error = client_a.post("/claims/api/v1/incidents", {
        "incident_type": "vehicle_collision",
        "photos": [_file("front.png", PNG), _file("scan.png", bomb)],
    })
    assert status == 422, error
    assert time.monotonic() - start < 10, "refused from the header, not after decoding"
    assert error["error"]["code"] == "invalid"
    assert "scan.png is too large" in error["error"]["message"]
    assert "at most 40 megapixels" in error["error"]["message"]
    with odoo_env() as env:
        assert env["claims.incident"].search_count([]) == before


def test_file_names_are_stored_without_their_folders(client_a, odoo_env):
    status, incident = client_a.post("/claims/api/v1/incidents", {
        "incident_type": "vehicle_collision",
        "photos": [_file("../../../etc/front.png", PNG), _file("C:\\fleet\\side.png", PNG)],
    })
    assert status == 201, incident
    assert sorted(d["name"] for d in incident["documents"]) == ["front.png", "side.png"]
    with odoo_env() as env:
        documents = env["claims.incident"].browse(incident["id"]).document_ids
        assert sorted(documents.mapped("attachment_id.name")) == ["front.png", "side.png"]
