# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Smart-button actions: a list of the records that point at one record."""


def records_of(record, xmlid, field):
    """The window action ``xmlid`` showing the records whose ``field`` is ``record``.

    New records made from that list are linked to ``record`` too.
    """
    record.ensure_one()
    action = record.env["ir.actions.act_window"]._for_xml_id(xmlid)
    action["domain"] = [(field, "=", record.id)]
    action["context"] = {f"default_{field}": record.id}
    return action
