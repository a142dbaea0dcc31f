# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .. import mapping


class ClaimsSinappsStep(models.Model):
    """One step of a claim's Sinapps mission: its history, oldest first.

    A step comes from the mission's history when the mission arrives, then from each event
    that changes it; an event whose step the history already holds (the mission was read
    after it) marks that line instead of adding one. The claim's current step is the one of
    the latest event, whatever order the event jobs run in; a step code our table does not
    know is kept as text.
    """

    _name = "claims.sinapps.step"
    _description = "Sinapps mission step"
    _order = "claim_id, date, id"

    claim_id = fields.Many2one("claims.claim", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="claim_id.company_id", store=True, index=True)
    code = fields.Char(string="Sinapps code", required=True, readonly=True)
    step = fields.Selection(mapping.MISSION_STEPS, string="Known step", compute="_compute_step",
                            store=True)
    name = fields.Char(string="Step", compute="_compute_step", store=True)
    date = fields.Datetime(readonly=True, default=lambda self: fields.Datetime.now())
    event_id = fields.Integer(string="Sinapps event", readonly=True,
                              help="The Sinapps event that set it (0: the mission's history).")

    _claim_event_unique = models.UniqueIndex(
        "(claim_id, event_id) WHERE event_id > 0",
        "This Sinapps event already set a step of this claim.",
    )

    @api.depends("code")
    def _compute_step(self):
        labels = dict(self._fields["step"]._description_selection(self.env))
        for line in self:
            line.step = line.code if line.code in labels else False
            line.name = labels.get(line.code) or line.code

    @api.model
    def _record_event(self, claim, step, event_id):
        """The step an event set: marks the line of the mission's history that holds it, if
        one is not marked yet, else adds a line. Returns False when this event is known."""
        lines = claim.sudo().sinapps_step_ids
        if event_id in lines.mapped("event_id"):
            return False
        known = lines.filtered(lambda line: not line.event_id and line.code == step)[:1]
        if known:
            known.event_id = event_id
            return known
        return self._record(claim, [{"step": step}], event_id)

    @api.model
    def _record(self, claim, steps, event_id, from_history=False):
        """Add ``steps`` ([{step, date}]) to the history of ``claim``; the last one becomes the
        claim's step unless a later event set one already."""
        steps = [s for s in steps if s.get("step")]
        if not steps:
            return self.browse()
        lines = self.sudo().create([{
            "claim_id": claim.id, "code": s["step"], "date": s.get("date") or fields.Datetime.now(),
            "event_id": 0 if from_history else event_id} for s in steps])
        claim_sudo = claim.sudo()
        if from_history or event_id >= claim_sudo.sinapps_step_event_id:
            claim_sudo.write({
                "sinapps_step": steps[-1]["step"],
                "sinapps_step_event_id": max(event_id, claim_sudo.sinapps_step_event_id),
            })
        return lines
