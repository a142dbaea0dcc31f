# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models

MANAGER_GROUP = "claims_base.group_claims_manager"


class ClaimsPolicyportCompare(models.TransientModel):
    """A claim's financials next to PolicyPort's, and the manager's overwrite."""

    _name = "claims.policyport.compare"
    _description = "Compare a claim with PolicyPort"

    claim_id = fields.Many2one("claims.claim", required=True, ondelete="cascade", readonly=True)
    difference_count = fields.Integer(readonly=True)
    result_html = fields.Html(string="Differences", readonly=True, sanitize=True)
    cause_text = fields.Text(string="Likely cause", readonly=True)
    error_text = fields.Text(readonly=True)
    unknown_payment_ids = fields.Many2many(
        "claims.payment", string="Unknown to PolicyPort", readonly=True,
        help="Payments here that PolicyPort does not know: decide on each (void, or ask "
        "PolicyPort); the overwrite never deletes them.",
    )
    overwrite_log = fields.Text(readonly=True)
    can_overwrite = fields.Boolean(compute="_compute_can_overwrite")

    @api.depends_context("uid")
    def _compute_can_overwrite(self):
        is_manager = self.env.user.has_group(MANAGER_GROUP)
        for wizard in self:
            wizard.can_overwrite = is_manager

    def _refresh(self):
        self.ensure_one()
        result = self.env["claims.policyport.drift"]._compare(self.claim_id)
        rows = Markup().join(
            Markup("<tr><td>%s</td><td class='text-end'>%s</td><td class='text-end'>%s</td>"
                   "</tr>") % (d["label"], self._cell(d["ours"]), self._cell(d["theirs"]))
            for d in result["differences"])
        unknown_ids = [p["id"] for p in self.env["claims.policyport.drift"]._ours(
            self.claim_id)["payments"] if any(
                d["kind"] == "payment_unknown_there" and d["label"] == p["name"]
                for d in result["differences"])]
        self.write({
            "difference_count": len(result["differences"]),
            "result_html": Markup(
                "<table class='table table-sm o_claims_policyport_compare'><thead><tr>"
                "<th>%s</th><th class='text-end'>%s</th><th class='text-end'>%s</th></tr>"
                "</thead><tbody>%s</tbody></table>") % (
                    self.env._("What"), self.env._("Here"), self.env._("PolicyPort"), rows)
            if rows else False,
            "cause_text": "\n".join(result["causes"]) or False,
            "error_text": result["error"] or False,
            "unknown_payment_ids": [fields.Command.set(unknown_ids)],
        })

    def _cell(self, value):
        if value is None:
            return "-"
        return f"{value:,.2f}" if isinstance(value, float) else value

    def _action_open(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Compare with PolicyPort"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_overwrite(self):
        """Overwrite the claim's financials from PolicyPort (managers; checked in the drift)."""
        self.ensure_one()
        done, unknown = self.env["claims.policyport.drift"]._overwrite(self.claim_id)
        self._refresh()
        self.write({
            "overwrite_log": "\n".join(done) or self.env._("Nothing differed."),
            "unknown_payment_ids": [fields.Command.set(unknown.ids)],
        })
        return self._action_open()

    def action_refresh(self):
        self._refresh()
        return self._action_open()
