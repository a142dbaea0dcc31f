# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .common import ClaimsConnectorCommon


class TestClaimsSyncStatus(ClaimsConnectorCommon):
    def test_no_outbound_exchange_shows_no_badge(self):
        self._exchange("ok", record=self.claim, direction="in")
        self.assertFalse(self.claim.sync_state)

    def test_badge_follows_the_latest_outbound_exchange(self):
        first = self._exchange("ok", record=self.claim, direction="out")
        first._set_error("PolicyPort said no", "http_400")
        self.claim.invalidate_recordset(["sync_state", "sync_error"])
        self.assertRecordValues(self.claim, [{
            "sync_state": "error", "sync_error": "PolicyPort said no",
            "sync_backend": "Test system",
        }])
        self._exchange("ok", record=self.claim, direction="out")
        self.claim.invalidate_recordset(["sync_state", "sync_error"])
        self.assertRecordValues(self.claim, [{"sync_state": "pending", "sync_error": False}])

    def test_statuses_are_kept_per_backend(self):
        other = self.backend.copy({"name": "Other system"})
        self._exchange("ok", record=self.claim, direction="out")._set_done()
        self.env["claims.exchange"]._create_for(other, [{
            "direction": "out", "kind": "ok", "res_model": "claims.claim",
            "res_id": self.claim.id,
        }])
        statuses = self.claim._get_sync_statuses()[self.claim.id]
        self.assertEqual(
            {key[1]: status["state"] for key, status in statuses.items()},
            {self.backend.id: "done", other.id: "pending"},
        )
