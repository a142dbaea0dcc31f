# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ClaimsCommon


@tagged("post_install", "-at_install")
class TestFieldHistorySources(ClaimsCommon):
    """An addon gives a field computed from a tracked one (a label of a code) the tracked
    field's history, through ``_field_history_sources``."""

    def setUp(self):
        super().setUp()
        self.incident = self.env["claims.incident"].create({
            "company_id": self.company.id, "incident_type": "theft",
            "date_incident": fields.Datetime.now() - timedelta(days=1),
        })
        self.env.flush_all()
        self.env.cr.precommit.run()  # as if committed: mail tracks changes from now on
        Incident = type(self.env["claims.incident"])
        # as a connector declares a label: the (untracked) time zone shows the address' history
        sources = {"reporter_tz": "address"}
        patcher = patch.object(Incident, "_field_history_sources", lambda self: sources)
        patcher.start()
        self.addCleanup(patcher.stop)

    def _change(self, user, values):
        self.incident.with_user(user).write(values)
        self.env.flush_all()
        self.env.cr.precommit.run()

    def test_the_shown_field_lists_the_changes_of_its_source(self):
        self._change(self.user_handler, {"address": "Depot A"})
        self._change(self.user_manager, {"address": "Depot B"})
        history = self.incident.with_user(self.user_manager).get_field_history("reporter_tz")
        self.assertEqual(history["string"], "Reporter's time zone")
        self.assertEqual(
            [(c["author"], c["old_value"], c["new_value"]) for c in history["changes"]],
            [("Marc Manager", "Depot A", "Depot B"), ("Hanna Handler", "", "Depot A")])
        self.assertFalse(history["can_restore"], "it changes with its source only")
        with self.assertRaises(UserError):
            self.incident.with_user(self.user_manager).restore_field_value(
                "reporter_tz", history["changes"][0]["id"])

    def test_the_shown_field_is_flagged_for_the_hover(self):
        described = self.env["claims.incident"].fields_get(["reporter_tz", "latitude"])
        self.assertTrue(described["reporter_tz"].get("tracked"))
        self.assertFalse(described["latitude"].get("tracked"), "an untracked field is not")
