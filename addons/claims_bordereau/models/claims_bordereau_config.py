# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

import psycopg2
from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.base.models.res_partner import _tz_get

from .. import columns, xlsx

_logger = logging.getLogger(__name__)
MANAGER = "claims_base.group_claims_manager"


class ClaimsBordereauConfig(models.Model):
    """What an insurer receives each month: its claims (of a scheme, if policies are given),
    in its columns, at its address.

    Rights (security/): claims users read the configurations and the bordereaux of their
    companies and download the files; claims managers create and edit configurations and
    generate and send bordereaux (checked in ``_generate``, whatever the way in).
    """

    _name = "claims.bordereau.config"
    _description = "Bordereau configuration"
    _inherit = ["mail.thread"]
    _order = "partner_id, name, id"
    _check_company_auto = True

    def _default_tz(self):
        return self.env.user.tz or "UTC"

    def _default_mail_template_id(self):
        return self.env.ref("claims_bordereau.mail_template_bordereau", raise_if_not_found=False)

    name = fields.Char(
        required=True, tracking=True,
        help="The insurer's name for this bordereau, e.g. the broker scheme.",
    )
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, tracking=True,
        help="Claims of this company and its branches are listed.",
    )
    partner_id = fields.Many2one(
        "res.partner", string="Insurer", required=True, index=True, tracking=True,
    )
    policy_ids = fields.Many2many(
        "claims.policy", string="Scheme policies", check_company=True,
        domain="[('insurer_id', '=', partner_id)]",
        help="Only the claims on these policies (a broker scheme); all of the insurer's claims "
        "when empty.",
    )
    email = fields.Char(
        string="Send to", compute="_compute_email", store=True, readonly=False, tracking=True,
        help="The address of the monthly mail; the insurer's by default.",
    )
    send_day = fields.Integer(
        default=5, tracking=True,
        help="Day of the month (1 to 28) from which last month's bordereau is mailed.",
    )
    tz = fields.Selection(
        _tz_get, string="Time zone", required=True, default=lambda self: self._default_tz(),
        help="A month starts and ends at midnight in this time zone.",
    )
    mail_template_id = fields.Many2one(
        "mail.template", string="Mail template",
        domain="[('model', '=', 'claims.bordereau')]",
        default=lambda self: self._default_mail_template_id(),
    )
    column_ids = fields.One2many(
        "claims.bordereau.column", "config_id", string="Columns", copy=True,
    )
    bordereau_ids = fields.One2many("claims.bordereau", "config_id", string="Bordereaux")
    bordereau_count = fields.Integer(compute="_compute_bordereau_count")
    last_error = fields.Text(readonly=True, copy=False)

    # ------------------------------------------------------------------ constraints

    @api.constrains("send_day")
    def _check_send_day(self):
        """The send day is a day every month has."""
        for config in self:
            if not 1 <= config.send_day <= 28:
                raise ValidationError(self.env._("The send day is a day from 1 to 28."))

    # ------------------------------------------------------------------ computes

    @api.depends("partner_id")
    def _compute_email(self):
        for config in self:
            config.email = config.partner_id.email or config.email

    def _compute_bordereau_count(self):
        counts = dict(self.env["claims.bordereau"]._read_group(
            [("config_id", "in", self.ids)], ["config_id"], ["__count"]))
        for config in self:
            config.bordereau_count = counts.get(config, 0)

    # ------------------------------------------------------------------ CRUD

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("column_ids"):
                vals["column_ids"] = [
                    Command.create({"key": key, "sequence": index})
                    for index, key in enumerate(columns.DEFAULT_KEYS, start=1)
                ]
        return super().create(vals_list)

    # ------------------------------------------------------------------ actions

    def action_open_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Generate bordereau"),
            "res_model": "claims.bordereau.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_config_id": self.id},
        }

    def action_view_bordereaux(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "claims_bordereau.claims_bordereau_action")
        action["domain"] = [("config_id", "=", self.id)]
        action["context"] = {"default_config_id": self.id}
        return action

    def action_send_last_month(self):
        """Mail last month's bordereau now (once per month, as the scheduled action does)."""
        self._check_can_generate()
        month = self._last_month()
        for config in self:
            if config._get_mailed(month):
                raise UserError(self.env._(
                    "The bordereau of %(month)s was already mailed for %(config)s.",
                    month=month.strftime("%Y-%m"), config=config.display_name))
            config._generate(month, kind="mail")._send()
        return True

    # ------------------------------------------------------------------ business

    def _generate(self, month_start, kind="download"):
        """Build the bordereau of the month starting on ``month_start`` and keep it.

        :param date month_start: the first day of the month
        :param str kind: ``download`` or ``mail`` (at most one per configuration and month)
        :returns: the ``claims.bordereau`` record, in the caller's environment
        :raises AccessError: for a user who is not a claims manager of every company whose
            claims the bordereau lists
        """
        self.ensure_one()
        self._check_can_generate()
        if month_start.day != 1:
            raise UserError(self.env._("A bordereau starts on the first day of a month."))
        if month_start > fields.Date.context_today(self):
            raise UserError(self.env._("A bordereau is for a past or the current month."))
        config_sudo = self.sudo()
        lang = self.partner_id.lang or self.env.lang or "en_US"
        keys = [column.key for column in config_sudo.column_ids]
        if not keys:
            raise UserError(self.env._("Bordereau %s has no columns.", self.display_name))
        rows = self.env["claims.bordereau.builder"].sudo()._build_rows(config_sudo, month_start)
        headers = [
            (column.label or columns.label(column.key, lang), columns.BY_KEY[column.key].kind)
            for column in config_sudo.column_ids
        ]
        title = f"{self.partner_id.name} - {self.name} - {month_start:%Y-%m}"
        content = xlsx.render(
            headers, [[columns.cell(key, row) for key in keys] for row in rows], title=title,
            total_label=self.with_context(lang=lang).env._("Total"),
        )
        return self.env["claims.bordereau"].sudo()._create_file(
            self, month_start, kind, content, len(rows)).sudo(False)

    def _check_can_generate(self):
        """Only claims managers generate, for configurations they read, and only when they
        may see every company whose claims are listed (the company and its branches)."""
        if not self.env.su:
            if not self.env.user.has_group(MANAGER):
                raise AccessError(self.env._("Only claims managers generate bordereaux."))
            self.check_access("read")
            for config in self:
                companies = self.env["res.company"].sudo().search(
                    [("id", "child_of", config.company_id.id)])
                if companies - self.env.user.company_ids:
                    raise AccessError(self.env._(
                        "Bordereau %(config)s lists the claims of %(companies)s: you need "
                        "access to all of them.", config=config.display_name,
                        companies=", ".join(companies.mapped("name"))))

    def _get_mailed(self, month_start):
        self.ensure_one()
        return self.env["claims.bordereau"].sudo().search([
            ("config_id", "=", self.id), ("month", "=", month_start), ("kind", "=", "mail"),
        ], limit=1)

    @api.model
    def _last_month(self):
        return fields.Date.context_today(self).replace(day=1) - relativedelta(months=1)

    @api.model
    def _cron_send_monthly(self):
        """Mail last month's bordereau of every active configuration whose send day has come,
        once per configuration and month; a failing one is noted on its chatter and the
        others go on."""
        today = fields.Date.context_today(self)
        month = self._last_month()
        for config in self.search([("send_day", "<=", today.day)]):
            if config._get_mailed(month):
                continue
            try:
                with self.env.cr.savepoint():
                    config._generate(month, kind="mail")._send()
            except psycopg2.IntegrityError:
                continue  # mailed meanwhile by another run: the database keeps it once
            except Exception as error:  # noqa: BLE001 - one configuration never stops the rest
                _logger.warning("Bordereau %s of %s not sent: %s", config.id, month, error)
                config._note_error(month, error)
            else:
                if config.last_error:
                    config.last_error = False
        return True

    def _note_error(self, month_start, error):
        """Post a failure on the configuration's chatter, once for the same error text."""
        self.ensure_one()
        text = self.env._(
            "The bordereau of %(month)s could not be mailed: %(error)s",
            month=month_start.strftime("%Y-%m"),
            error=getattr(error, "args", [None])[0] or repr(error))
        if text != self.last_error:
            self.last_error = text
            self.message_post(body=text, message_type="notification")
