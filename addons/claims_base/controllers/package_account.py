# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Links in package mails: the free account of a package's recipient, and the "stop these
updates" link of their update mails.

Both pages are public and decide on the link's token alone (``claims.package``); their
forms are POSTed with Odoo's CSRF token, so a link opened by a mail scanner changes nothing.
"""

import logging

from werkzeug.urls import url_encode

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.auth_signup.models.res_users import SignupError

from ..models.claims_package_account import MIN_PASSWORD_LENGTH, UsedLinkError

_logger = logging.getLogger(__name__)

REFUSAL_STATUS = {"invalid": 404, "other_claim": 404, "used": 410, "expired": 410,
                  "other_user": 403}


class ClaimsPackageAccountController(http.Controller):
    @http.route(
        "/claims/account/<int:claim_id>/<string:token>", type="http", auth="public",
        methods=["GET", "POST"], readonly=False, sitemap=False,
    )
    def claims_package_account(self, claim_id, token, **post):
        """Open a free account from a package mail, or link the one the recipient has."""
        package_sudo, error = request.env["claims.package"].sudo()._get_for_account(
            claim_id, token)
        if error:
            return self._refuse(error, package_sudo)
        user = request.env.user
        is_post = request.httprequest.method == "POST"
        values = {
            "package": package_sudo,
            "claim_name": package_sudo.claim_id.name,
            "login": package_sudo.email,
            "action": request.httprequest.path,
            "disable_footer": True,
        }
        if not user._is_public():
            if not package_sudo._is_recipient(user):
                return self._refuse("other_user", package_sudo)
            if not is_post:
                return request.render("claims_base.package_account_link", values)
            try:
                package_sudo._link_account(user)
            except UsedLinkError:
                return self._refuse("used", package_sudo)
            return request.redirect(f"/my/claims/{claim_id}")
        if package_sudo._get_existing_user():
            values["login_url"] = "/web/login?" + url_encode({
                "login": package_sudo.email, "redirect": request.httprequest.path})
            return request.render("claims_base.package_account_login", values)
        if not is_post:
            return request.render("claims_base.package_account_signup", values)
        password = post.get("password") or ""
        values["error"] = self._check_password(password, post.get("confirm_password") or "")
        if values["error"]:
            return request.render("claims_base.package_account_signup", values, status=400)
        try:
            package_sudo._open_account(password)
        except UsedLinkError:
            return self._refuse("used", package_sudo)
        except (SignupError, UserError) as exc:
            values["error"] = str(exc)
            return request.render("claims_base.package_account_signup", values, status=400)
        _logger.info("Package %s: recipient opened portal account %s",
                     package_sudo.id, package_sudo.email)
        request.session.authenticate(request.env, {
            "login": package_sudo.email, "password": password, "type": "password"})
        return request.redirect(f"/my/claims/{claim_id}")

    @http.route(
        "/claims/package/<int:package_id>/stop/<string:token>", type="http", auth="public",
        methods=["GET", "POST"], readonly=False, sitemap=False,
    )
    def claims_package_stop_updates(self, package_id, token, **post):
        """The recipient stops the updates of a claim (a button: GET changes nothing)."""
        package_sudo = request.env["claims.package"].sudo()._get_for_stop(package_id, token)
        if not package_sudo:
            raise request.not_found()
        stopped = request.httprequest.method == "POST"
        if stopped:
            package_sudo._stop_by_recipient()
        return request.render("claims_base.package_updates_stop", {
            "package": package_sudo,
            "claim_name": package_sudo.claim_id.name,
            "action": request.httprequest.path,
            "stopped": stopped or not package_sudo.is_kept_informed,
            "disable_footer": True,
        })

    # ------------------------------------------------------------------ helpers

    def _check_password(self, password, confirm):
        """An error text for a password refused, else False."""
        if len(password) < MIN_PASSWORD_LENGTH:
            return request.env._(
                "Choose a password of at least %s characters.", MIN_PASSWORD_LENGTH)
        if password != confirm:
            return request.env._("The two passwords differ; please type them again.")
        return False

    def _refuse(self, error, package_sudo):
        """A page that says why the link does not work, and nothing about the claim unless
        the link was genuine."""
        return request.render("claims_base.package_account_refused", {
            "error": error,
            "disable_footer": True,
        }, status=REFUSAL_STATUS[error])
