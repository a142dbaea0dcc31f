# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

CREATING = "claims_field_history_creating"  # models whose records are being created


class ClaimsFieldHistoryMixin(models.AbstractModel):
    """Who changed a tracked field, when, and from what: for the forms' hover history.

    ``mail.tracking.value`` is readable by administrators only, so the history is read with
    sudo, after checking that the user reads this record and this field. Portal users never
    get it: the chatter's tracking is internal.

    How an addon gives its fields a history (a connector's fields on a claim or a payment):

    - declare the field tracked (``tracking=True``): mail logs each change written to it, by
      whom (the user the write runs as: the integration user for a connector's jobs, also
      under ``sudo()``) and when, and the form shows them on hover;
    - lines of an x2many: ``_field_history_lines`` (their lines log the changes);
    - a field computed from a tracked one (a label from a code):
      ``_field_history_sources``, which shows the tracked field's changes.
    """

    _name = "claims.field.history.mixin"
    _description = "Field change history"

    # x2many fields whose lines are listed in the history too; their lines log the changes
    # (``_field_history_log_lines``), as mail's tracking only sees the parent's own writes
    _field_history_lines = ()

    @api.model_create_multi
    def create(self, vals_list):
        # the lines created with the records are not changes (see _field_history_log_lines);
        # noted on the cursor, which no caller reaches
        creating = self.env.cr.cache.setdefault(CREATING, set())
        nested = self._name in creating
        creating.add(self._name)
        try:
            return super().create(vals_list)
        finally:
            if not nested:
                creating.discard(self._name)

    @api.model
    def _field_history_sources(self):
        """``{field: tracked field}``: fields whose history is the changes of a tracked field
        they are computed from (a label shown for a code). Addons add theirs to super's."""
        return {}

    def _field_history_tracked(self, field):
        return (
            bool(getattr(field, "tracking", None))
            or field.name in self._field_history_lines
            or field.name in self._field_history_sources()
        )

    @api.model
    def fields_get(self, allfields=None, attributes=None):
        """Flag tracked fields (``tracked``) so the form shows their history on hover."""
        descriptions = super().fields_get(allfields=allfields, attributes=attributes)
        for name, description in descriptions.items():
            if self._field_history_tracked(self._fields[name]):
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
        if field is None or not self._field_history_tracked(field):
            raise UserError(self.env._("%(field)s is not a tracked field.", field=field_name))
        self._check_field_access(field, "read")
        source = self._field_history_sources().get(field_name, field_name)
        self._check_field_access(self._fields[source], "read")
        description = self.fields_get([source], attributes=["type"])[source]
        description["string"] = field.get_description(self.env)["string"]
        trackings_sudo = self._get_field_trackings_sudo(source)
        count = len(trackings_sudo)
        if limit:
            trackings_sudo = trackings_sudo[:limit]
        # a label computed from a tracked code shows the codes' labels
        labels = (
            dict(field._description_selection(self.env))
            if source != field_name and field.type == "selection" else {}
        )
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
                "author": message_sudo.author_id.name
                or message_sudo.email_from
                or self.env._("System"),
                "old_value": labels.get(old_value, old_value),
                "new_value": labels.get(new_value, new_value),
            })
        return {
            "field": field_name,
            "string": description["string"],
            "type": description["type"],
            "count": count,
            "changes": changes,
            # managers may restore a value of a field that takes one (not lists of records,
            # not fields set by the record's own buttons)
            "can_restore": self._field_history_restorable(field)
            and self.env.user.has_group("claims_base.group_claims_manager"),
        }

    def restore_field_value(self, field_name, tracking_id):
        """Set a tracked field back to the value it had before one of its changes.

        The write is the manager's own, through every rule of the record (access, companies,
        the buttons-only fields), so the restore is itself a tracked change.

        :param str field_name: a tracked field of this model
        :param int tracking_id: one of the changes ``get_field_history`` lists for it
        :raises AccessError: for a user who is not a claims manager or may not write the record
        :raises UserError: for a change of another record or field, a value that cannot be
            restored (a list of records, a record deleted or out of reach since)
        """
        self.ensure_one()
        if not self.env.user.has_group("claims_base.group_claims_manager"):
            raise AccessError(self.env._("Only claims managers restore a value from the history."))
        self.get_field_history(field_name, limit=1)  # the reading rules, the field's checks
        self.check_access("write")
        field = self._fields[field_name]
        if not self._field_history_restorable(field):
            raise UserError(self.env._(
                "%(field)s cannot be restored from its history: change it on the form.",
                field=field.get_description(self.env)["string"]))
        tracking_sudo = self._get_field_trackings_sudo(field_name).filtered(
            lambda tracking: tracking.id == tracking_id)
        if not tracking_sudo:
            raise UserError(self.env._("This change is not in the history of this field."))
        self.write({field_name: self._field_history_old_value(field, tracking_sudo)})
        return True

    @api.model
    def _field_history_restorable(self, field):
        return (
            field.type not in ("one2many", "many2many")
            and not field.readonly
            and field.name not in self._field_history_sources()
        )

    def _field_history_old_value(self, field, tracking_sudo):
        """The value before ``tracking_sudo``'s change, as ``write`` takes it."""
        ftype = field.type
        if ftype in ("char", "text", "integer", "datetime"):
            return tracking_sudo[f"old_value_{ftype}"] or False
        if ftype in ("float", "monetary"):
            return tracking_sudo.old_value_float
        if ftype == "boolean":
            return bool(tracking_sudo.old_value_integer)
        if ftype == "date":
            return tracking_sudo.old_value_datetime and tracking_sudo.old_value_datetime.date()
        if ftype == "many2one":
            if not tracking_sudo.old_value_integer:
                return False
            target = self.env[field.comodel_name].browse(tracking_sudo.old_value_integer)
            if not target.exists() or not target.has_access("read"):
                raise UserError(self.env._(
                    "%(value)s is no longer available: it cannot be restored.",
                    value=tracking_sudo.old_value_char))
            return target.id
        if ftype == "selection":
            return self._field_history_selection_key(field, tracking_sudo.old_value_char)
        raise UserError(self.env._("This kind of field cannot be restored from its history."))

    def _field_history_selection_key(self, field, label):
        """The key of a selection value from its label, as tracking stored it (in the language
        of whoever made the change)."""
        if not label:
            return False
        for code, _name in self.env["res.lang"].get_installed():
            selection = field._description_selection(self.with_context(lang=code).env)
            keys = [key for key, text in selection if text == label]
            if len(keys) == 1:
                return keys[0]
        if label in dict(field._description_selection(self.env)):
            return label
        raise UserError(self.env._("%(value)s is no longer a choice of this field.", value=label))

    def _field_history_lines_snapshot(self, field_name, without=None):
        """{record id: [(line id, line name)]} of ``field_name``, to give
        ``_field_history_log_lines`` after a change (``without``: lines not to count); empty
        while records of this model are being created, whose lines are not a change."""
        if self._name in self.env.cr.cache.get(CREATING, ()):
            return {}  # no names read for every claim an import creates
        snapshot = {}
        for record in self:
            lines = record[field_name] - without if without else record[field_name]
            snapshot[record.id] = [(line.id, line.display_name) for line in lines]
        return snapshot

    def _field_history_log_lines(self, field_name, before):
        """Log the change of the lines of ``field_name`` on each record, as a tracked change.

        :param dict before: ``_field_history_lines_snapshot`` taken before the change
        """
        if self._name in self.env.cr.cache.get(CREATING, ()):
            return  # lines given with a new record are not a change
        # mail's tracking marks the records created in this transaction (None)
        created = self.env.cr.precommit.data.get(f"mail.tracking.{self._name}", {})
        description = self.fields_get([field_name], attributes=["string", "type"])[field_name]
        Tracking = self.env["mail.tracking.value"].sudo()
        records = self.exists()
        after = records._field_history_lines_snapshot(field_name)
        for record in records:
            if record.id in created and created[record.id] is None:
                continue
            old, new = before.get(record.id, []), after[record.id]
            if {line_id for line_id, _name in old} == {line_id for line_id, _name in new}:
                continue
            values = Tracking._create_tracking_values(old, new, field_name, description, record)
            record._message_log(tracking_value_ids=[Command.create(values)])

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
