# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class ClaimsFieldHistoryMixin(models.AbstractModel):
    """Who changed a tracked field, when, and from what: for the forms' hover history.

    ``mail.tracking.value`` is readable by administrators only, so the history is read with
    sudo, after checking that the user reads this record and this field. Portal users never
    get it: the chatter's tracking is internal.
    """

    _name = "claims.field.history.mixin"
    _description = "Field change history"

    @api.model
    def fields_get(self, allfields=None, attributes=None):
        """Flag tracked fields (``tracked``) so the form shows their history on hover."""
        descriptions = super().fields_get(allfields=allfields, attributes=attributes)
        for name, description in descriptions.items():
            if getattr(self._fields[name], "tracking", None):
                description["tracked"] = True
        return descriptions

    def get_field_history(self, field_name, limit=None):
        """Changes of one tracked field of this record, newest first.

        :param str field_name: a tracked field of this model
        :param int limit: how many changes at most (all when empty)
        :returns: ``{"field", "string", "type", "count", "changes"}`` where each change is
            ``{"id", "date", "author_id", "author", "old_value", "new_value"}``; values are
            display texts (many2one names, selection labels) or ISO dates.
        :raises AccessError: for a portal or public user, a record the user may not read, or
            a field whose groups the user lacks
        :raises UserError: for a field that is not tracked
        """
        self.ensure_one()
        if not self.env.user._is_internal():
            raise AccessError(self.env._("Only internal users see the history of a field."))
        self.check_access("read")
        field = self._fields.get(field_name)
        if field is None or not getattr(field, "tracking", None):
            raise UserError(self.env._("%(field)s is not a tracked field.", field=field_name))
        self._check_field_access(field, "read")
        description = self.fields_get([field_name], attributes=["string", "type"])
        description = description[field_name]
        trackings_sudo = self._get_field_trackings_sudo(field_name)
        count = len(trackings_sudo)
        if limit:
            trackings_sudo = trackings_sudo[:limit]
        changes = []
        for tracking_sudo in trackings_sudo:
            message_sudo = tracking_sudo.mail_message_id
            old_value, new_value = (
                self._format_tracked_value(
                    tracking_sudo._format_display_value(description["type"], new=new)[0],
                    description["type"],
                )
                for new in (False, True)
            )
            changes.append({
                "id": tracking_sudo.id,
                "date": fields.Datetime.to_string(message_sudo.date),
                "author_id": message_sudo.author_id.id,
                "author": message_sudo.author_id.display_name
                or message_sudo.email_from
                or self.env._("System"),
                "old_value": old_value,
                "new_value": new_value,
            })
        return {
            "field": field_name,
            "string": description["string"],
            "type": description["type"],
            "count": count,
            "changes": changes,
        }

    def _get_field_trackings_sudo(self, field_name):
        """The tracking values of one field of this record, newest first (sudo)."""
        return self.env["mail.tracking.value"].sudo().search(
            [
                ("mail_message_id.model", "=", self._name),
                ("mail_message_id.res_id", "=", self.id),
                ("field_id.model", "=", self._name),
                ("field_id.name", "=", field_name),
            ],
            order="id desc",
        )

    @api.model
    def _format_tracked_value(self, value, field_type):
        """A stored tracking value as shown: booleans as Yes/No, empty values as ""."""
        if field_type == "boolean":
            return self.env._("Yes") if value else self.env._("No")
        if value in (False, None):
            return ""
        return value
