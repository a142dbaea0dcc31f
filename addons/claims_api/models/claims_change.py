# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from psycopg2.extensions import ISOLATION_LEVEL_READ_COMMITTED

from odoo import api, fields, models
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

CHANGE_KINDS = [
    ("claim_created", "Claim created"),
    ("claim_updated", "Claim updated"),
    ("stage_changed", "Stage changed"),
    ("document_added", "Document added"),
    ("payment_state_changed", "Payment state changed"),
]
# Key of the transaction-level advisory lock that serialises the numbering step.
NUMBERING_LOCK = 0x636C_6368  # "clch"
NUMBER_SEQUENCE = "claims_change_number_seq"
FEED_LIMIT = 500
RETENTION_DAYS = 400


class ClaimsChange(models.Model):
    """One entry of the change feed: a claim changed, in a way partner systems follow.

    Clients read the feed from the last number they processed (``number > last``). The number
    is what makes that safe, so it is not taken when the change is written but in a separate
    step after the writing transaction committed:

    * A writer inserts its entries with ``number`` empty, inside its own transaction.
    * After its commit (``cr.postcommit``), and every minute from a cron for entries whose
      writer died between the two steps, ``_assign_numbers`` runs in a fresh READ COMMITTED
      transaction that first takes one transaction-level advisory lock, then numbers every
      committed entry still empty from the PostgreSQL sequence, in id order.

    Why not ``nextval`` at insert time (or ``write_date``): a transaction that takes number 7
    and commits late becomes visible after one that took 8 and committed early; a reader that
    already went past 8 would never see 7. With numbering serialised by the lock, a numbering
    transaction only starts once the previous one committed, and its statement snapshot
    (READ COMMITTED) sees every number given before. Numbers therefore become visible in
    increasing order: when a reader sees number n, every entry below n is already visible, and
    entries still in flight (uncommitted, or committed but not numbered yet) carry no number
    and will get one above everything visible now. Readers only ever select numbered entries.

    The numbering step also queues the webhook deliveries of the entries it numbers
    (``claims.webhook``), so each delivery's body carries its entry's number.

    Entries are kept RETENTION_DAYS days: a client away longer reads the claims again.

    The feed may have gaps (a numbering transaction that rolls back burns its numbers); clients
    rely on order, never on contiguity. Entries follow the claims' record rules: a reader sees
    the entries of the companies it may see, in the same order.
    """

    _name = "claims.change"
    _description = "Claim change (feed entry)"
    _order = "number, id"
    _log_access = False

    number = fields.Integer(readonly=True, index="btree_not_null", copy=False)
    date = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now)
    kind = fields.Selection(CHANGE_KINDS, required=True, readonly=True)
    claim_id = fields.Many2one(
        "claims.claim", required=True, readonly=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    res_model = fields.Char(string="Changed model", readonly=True)
    res_id = fields.Integer(string="Changed record", readonly=True)
    data = fields.Json(readonly=True)

    _number_unique = models.UniqueIndex("(number) WHERE number IS NOT NULL")

    def init(self):
        self.env.cr.execute(
            SQL("CREATE SEQUENCE IF NOT EXISTS %s", SQL.identifier(NUMBER_SEQUENCE))
        )

    # ------------------------------------------------------------------ CRUD

    @api.model_create_multi
    @api.private
    def create(self, vals_list):
        """Entries are written by the models that change (``_record_changes``), not by clients."""
        for vals in vals_list:
            vals.pop("number", None)
        changes = super().create(vals_list)
        postcommit = self.env.cr.postcommit
        if not postcommit.data.get(NUMBER_SEQUENCE):
            # once per transaction: one numbering run covers all its entries (and a callback
            # per create would keep every creator's environment alive until the commit)
            postcommit.data[NUMBER_SEQUENCE] = True
            postcommit.add(self._assign_numbers_after_commit)
        return changes

    # ------------------------------------------------------------------ feed

    @api.model
    def _read_feed(self, after=0, limit=100):
        """Numbered entries after ``after`` that this user may see, in number order.

        :returns: dict with ``changes`` (list of dicts) and ``last``, the cursor to send next
            time (``after`` itself when nothing new is visible).
        """
        limit = max(1, min(int(limit or 100), FEED_LIMIT))
        changes = self.search(
            [("number", ">", int(after or 0)), ("number", "!=", False)],
            order="number",
            limit=limit,
        )
        return {
            "changes": [change._prepare_feed_values() for change in changes],
            "last": changes[-1:].number or int(after or 0),
        }

    def _prepare_feed_values(self):
        self.ensure_one()
        return {
            "number": self.number,
            "kind": self.kind,
            "date": fields.Datetime.to_string(self.date),
            "claim_id": self.claim_id.id,
            "claim": self.claim_id.sudo().name,
            "model": self.res_model,
            "record_id": self.res_id,
            "data": self.data or {},
        }

    # ------------------------------------------------------------------ numbering

    @api.model
    def _assign_numbers(self):
        """Number the committed entries that have none, under the numbering lock.

        Run it in a READ COMMITTED transaction of its own (``_assign_numbers_after_commit``):
        see the class docstring. Returns how many entries were numbered.
        """
        cr = self.env.cr
        cr.execute(SQL("SELECT pg_advisory_xact_lock(%s)", NUMBERING_LOCK))
        cr.execute(SQL(
            """
            UPDATE claims_change AS change
               SET number = todo.number
              FROM (SELECT id, nextval(%(sequence)s) AS number
                      FROM (SELECT id FROM claims_change
                             WHERE number IS NULL ORDER BY id FOR UPDATE) AS pending
                     ORDER BY id) AS todo
             WHERE change.id = todo.id
         RETURNING change.id
            """,
            sequence=NUMBER_SEQUENCE,
        ))
        numbered = self.browse(sorted(row[0] for row in cr.fetchall()))
        self.invalidate_model(["number"])
        if numbered:
            self._enqueue_webhooks(numbered)
        return len(numbered)

    def _enqueue_webhooks(self, numbered):
        """Queue the webhook deliveries of entries that just got their number.

        In the numbering transaction, whether the writer's post-commit step or the cron numbers:
        no crash can number an entry without queuing its deliveries. An error of the webhook
        code is logged and lets the numbering commit: the feed never waits for webhooks.
        """
        # every subscription: a small configuration table, a few webhooks per partner system
        webhooks = self.env["claims.webhook"].sudo().search([])  # pylint: disable=no-search-all
        if not webhooks:
            return
        try:
            with self.env.cr.savepoint():
                webhooks._enqueue_deliveries(numbered)
        except Exception:
            _logger.exception("Webhook deliveries of feed entries %s not queued", numbered.ids)

    @api.model
    def _assign_numbers_after_commit(self):
        """Post-commit hook: number this transaction's entries in a new transaction."""
        with self.env.registry.cursor() as cr:
            cr.connection.set_isolation_level(ISOLATION_LEVEL_READ_COMMITTED)
            self.with_env(self.env(cr=cr, su=True))._assign_numbers()

    @api.autovacuum
    def _gc_old_entries(self):
        """Drop entries older than RETENTION_DAYS."""
        limit = fields.Datetime.subtract(fields.Datetime.now(), days=RETENTION_DAYS)
        self.search([("date", "<", limit)]).unlink()

    @api.model
    def _cron_assign_numbers(self):
        """Number entries whose writer stopped between its commit and the numbering step."""
        # deliberate: the cron's transaction, which holds no work, ends before the numbering
        # runs in a transaction of its own (see the class docstring)
        self.env.cr.commit()  # pylint: disable=invalid-commit
        self._assign_numbers_after_commit()
