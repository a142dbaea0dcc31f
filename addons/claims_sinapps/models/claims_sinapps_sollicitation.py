# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from .. import mapping

KINDS = [(key, label.capitalize()) for key, (_code, label) in mapping.SOLLICITATION_KINDS.items()]
PARTIES = [("insured", "Insured"), ("insurer", "Insurer"), ("expert", "Expert"),
           ("platform", "Platform")]
STATES = [("draft", "To send"), ("sent", "Sent"), ("open", "To answer"),
          ("answering", "Answer sent"), ("answered", "Answered"), ("error", "Failed")]


class ClaimsSinappsSollicitation(models.Model):
    """A question or a notice between the actors of a Sinapps mission and the platform.

    In: from the events (``_receive``), with an activity for the claim's handler. Out: made
    by the form on the claim, the matrix of Sinapps checked before anything is sent, then
    sent by an exchange's job; the answer comes back with the events. Rights: claims users
    read and create them on their claims; the exchange jobs write what Sinapps answered.
    """

    _name = "claims.sinapps.sollicitation"
    _description = "Sinapps sollicitation"
    _inherit = ["mail.thread"]
    _order = "create_date desc, id desc"
    _check_company_auto = True

    claim_id = fields.Many2one("claims.claim", required=True, ondelete="cascade", index=True,
                               check_company=True)
    company_id = fields.Many2one(related="claim_id.company_id", store=True, index=True)
    direction = fields.Selection([("in", "Received"), ("out", "Sent")], required=True,
                                 readonly=True)
    kind = fields.Selection(KINDS, string="Type", readonly=True)
    sender = fields.Selection(PARTIES, string="From", readonly=True)
    recipient = fields.Selection(PARTIES, string="To", readonly=True)
    codes_unknown = fields.Char(readonly=True, help="Sinapps codes our tables do not know.")
    text = fields.Text(readonly=True)
    date_due = fields.Date(string="Due date", readonly=True)
    state = fields.Selection(STATES, default="draft", required=True, readonly=True,
                             tracking=True)
    answer = fields.Text(readonly=True)
    date_answer = fields.Datetime(readonly=True)
    attachment_ids = fields.Many2many("ir.attachment", string="Attachments", readonly=True)
    sinapps_id = fields.Char(string="Sinapps id", readonly=True, copy=False)
    sinapps_href = fields.Char(readonly=True, copy=False)
    backend_id = fields.Many2one(related="claim_id.sinapps_backend_id")
    activity_id = fields.Many2one("mail.activity", string="To-do", readonly=True,
                                  ondelete="set null")

    _sinapps_id_unique = models.UniqueIndex(
        "(claim_id, sinapps_id) WHERE sinapps_id IS NOT NULL",
        "This Sinapps sollicitation is already recorded.",
    )

    @api.depends("kind", "sender", "recipient")
    def _compute_display_name(self):
        kinds, parties = dict(KINDS), dict(PARTIES)
        for record in self:
            record.display_name = self.env._(
                "%(kind)s from %(sender)s to %(recipient)s",
                kind=kinds.get(record.kind) or record.codes_unknown or "?",
                sender=parties.get(record.sender, "?"),
                recipient=parties.get(record.recipient, "?"))

    # ------------------------------------------------------------------ actions

    def action_answer(self):
        """Open the answer form of a sollicitation addressed to the platform."""
        self.ensure_one()
        self.check_access("read")
        self.claim_id.check_access("write")
        if self.direction != "in" or self.state not in ("open", "error"):
            raise UserError(self.env._("Only an open sollicitation to the platform is answered."))
        return {
            "type": "ir.actions.act_window", "name": self.env._("Answer the sollicitation"),
            "res_model": "claims.sinapps.sollicitation.send",
            "view_mode": "form", "target": "new",
            "context": {"default_claim_id": self.claim_id.id, "default_answer_to_id": self.id},
        }

    # ------------------------------------------------------------------ business

    @api.model
    def _matrix_labels(self):
        return (dict(self._fields["kind"]._description_selection(self.env)),
                dict(self._fields["sender"]._description_selection(self.env)))

    @api.model
    def _matrix_allowed(self, sender):
        """What Sinapps' matrix allows from ``sender``, in the user's language."""
        kinds, parties = self._matrix_labels()
        return "; ".join(
            f"{parties[to]}: " + ", ".join(kinds[k] for k in allowed_kinds)
            for (frm, to), allowed_kinds in mapping.SOLLICITATION_MATRIX.items() if frm == sender)

    @api.model
    def _matrix_problem(self, sender, recipient, kind):
        """Why Sinapps' matrix forbids a sollicitation, in the user's language, or False."""
        if kind in mapping.SOLLICITATION_MATRIX.get((sender, recipient), ()):
            return False
        kinds, parties = self._matrix_labels()
        return self.env._(
            "Sinapps does not allow a %(kind)s from %(sender)s to %(recipient)s. From "
            "%(sender)s it allows: %(allowed)s.", kind=kinds.get(kind, kind),
            sender=parties.get(sender, sender), recipient=parties.get(recipient, recipient),
            allowed=self._matrix_allowed(sender) or "-")

    @api.model
    def _receive(self, backend, client, claim, resource):
        """Record a sollicitation Sinapps sent (new) or its answer; returns a summary."""
        values = mapping.sollicitation_values(resource.data)
        record = self.sudo().search([("claim_id", "=", claim.id),
                                     ("sinapps_id", "=", values["sinapps_id"])], limit=1)
        if record:
            if values["answer"] and record.state != "answered":
                record.write({"state": "answered", "answer": values["answer"],
                              "date_answer": values["date_answer"]})
                claim.sudo().message_post(body=self.env._(
                    "Sinapps: %(what)s answered: %(answer)s", what=record.display_name,
                    answer=values["answer"]), subtype_xmlid="mail.mt_note")
                return self.env._("sollicitation answered")
            return self.env._("sollicitation known")
        known = {key for key, _label in KINDS}
        parties = {key for key, _label in PARTIES}
        unknown = [code for code in (values["kind"], values["sender"], values["recipient"])
                   if code and code not in known | parties]
        files = [client.download(item) for item in client.items(resource, "piecesJointes")] \
            if resource.link("piecesJointes") else []
        attachments = self.env["ir.attachment"].sudo().create([{
            "name": f["name"], "raw": f["content"], "mimetype": f["mimetype"],
            "res_model": self._name, "res_id": 0} for f in files])
        record = self.sudo().create({
            "claim_id": claim.id, "direction": "in" if values["recipient"] == "platform"
            else "out", "kind": values["kind"] if values["kind"] in known else False,
            "sender": values["sender"] if values["sender"] in parties else False,
            "recipient": values["recipient"] if values["recipient"] in parties else False,
            "codes_unknown": ", ".join(unknown) or False, "text": values["text"],
            "date_due": values["due_date"], "sinapps_id": values["sinapps_id"],
            "sinapps_href": resource.href,
            "state": "answered" if values["answer"] else "open",
            "answer": values["answer"], "date_answer": values["date_answer"],
            "attachment_ids": [fields.Command.set(attachments.ids)]})
        attachments.write({"res_id": record.id})
        if record.direction == "in" and record.state == "open":
            record._schedule_for_handler(backend)
        return self.env._("sollicitation received")

    def _schedule_for_handler(self, backend):
        self.ensure_one()
        claim = self.claim_id
        self.activity_id = claim.sudo().activity_schedule(
            "mail.mail_activity_data_todo",
            date_deadline=self.date_due or fields.Date.context_today(self),
            summary=self.env._("Sinapps: %s", self.display_name),
            note=Markup("<p>%s</p>") % (self.text or ""),
            user_id=(claim.user_id or backend.user_id or self.env.user).id)
