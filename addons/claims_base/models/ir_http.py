# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.http import request

COMPANIES_COOKIE = "cids"
COOKIE_MAX_AGE = 365 * 24 * 60 * 60  # as the web client keeps it


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    def webclient_rendering_context(self):
        """A claims user opens the back office on their company and its branches.

        Odoo's web client starts on the user's default company alone until the company switcher
        is used, so a handler of a head office would land on an empty desk while the work sits
        in the branches. When the browser has not chosen companies yet (first page after the
        login), the default company and the branches the user may use are made active, as the
        switcher does when a parent company is ticked. A choice already made is kept.
        """
        context = super().webclient_rendering_context()
        if request and not request.cookies.get(COMPANIES_COOKIE):
            company_ids = self.env.user._claims_start_company_ids()
            if len(company_ids) > 1:
                request.future_response.set_cookie(
                    COMPANIES_COOKIE,
                    "-".join(str(company_id) for company_id in company_ids),
                    max_age=COOKIE_MAX_AGE,
                    path="/",
                )
        return context
