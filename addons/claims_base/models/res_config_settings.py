# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from ..tools.maps import DEFAULT_ATTRIBUTION, DEFAULT_CENTER, DEFAULT_TILE_URL
from .claims_package import DEFAULT_LINK_DAYS, DEFAULT_REPLY_PREFIX, DEFAULT_SIZE_CAP_KB


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    claims_package_size_cap_kb = fields.Integer(
        string="Attach zips up to (KB)",
        config_parameter="claims_base.package_size_cap_kb",
        default=DEFAULT_SIZE_CAP_KB,
        help="Above this size a claim package's mail carries a download link instead of the zip.",
    )
    claims_package_link_days = fields.Integer(
        string="Download links valid (days)",
        config_parameter="claims_base.package_link_days",
        default=DEFAULT_LINK_DAYS,
    )
    claims_package_account_days = fields.Integer(
        string="Account links valid (days)",
        config_parameter="claims_base.package_account_days",
        default=DEFAULT_LINK_DAYS,
        help="How long the link of a package mail that opens a free account works.",
    )
    claims_package_reply_prefix = fields.Char(
        string="Reply address prefix",
        config_parameter="claims_base.package_reply_prefix",
        default=DEFAULT_REPLY_PREFIX,
        help="Replies to a package go to <prefix>+<secret>@<alias domain>.",
    )
    claims_package_reply_authserv_id = fields.Char(
        string="Require DMARC from",
        config_parameter="claims_base.package_reply_authserv_id",
        help="The authserv-id of your receiving mail server (the first word of the "
        "Authentication-Results headers it adds, e.g. mx.claims.example.com). When set, a "
        "reply is filed on the claim only when that server found that DMARC passed for the "
        "sender's domain; other replies wait in Mail to review. The server must remove the "
        "Authentication-Results headers that arrive with a mail under its name.",
    )
    claims_mail_document_category_id = fields.Many2one(
        "claims.document.category",
        string="Category of mailed documents",
        config_parameter="claims_base.mail_document_category_id",
        help="Attachments of replies to claim packages are filed in this category unless their "
        "extension is mapped to another one. Empty: Correspondence.",
    )
    claims_open_on_report = fields.Selection(
        related="company_id.claims_open_on_report", readonly=False
    )
    claims_privacy_notice_url = fields.Char(
        related="company_id.claims_privacy_notice_url", readonly=False
    )
    claims_map_tile_url = fields.Char(
        string="Map tiles",
        config_parameter="claims_base.map_tile_url",
        default=DEFAULT_TILE_URL,
        help="URL template of the tile server the incident maps are drawn from, with {z}, {x} "
        "and {y}; mind its usage policy (OpenStreetMap's is for light use).",
    )
    claims_map_attribution = fields.Char(
        string="Map attribution",
        config_parameter="claims_base.map_attribution",
        default=DEFAULT_ATTRIBUTION,
    )
    claims_map_center = fields.Char(
        string="Map start",
        config_parameter="claims_base.map_center",
        default=DEFAULT_CENTER,
        help="Latitude, longitude and zoom of a map without a point, e.g. 50.85,4.35,6.",
    )
