# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2.errors import UniqueViolation

from odoo import api, fields, models
from odoo.tools import SQL


class ClaimsBinding(models.Model):
    """Links one of our records to its id in one backend.

    Idempotency lives here, in the database: an external id is unique per backend and model,
    and so is an optional second key (e.g. a client's claim number + the client) that catches
    the same object arriving under another id. Both may be empty, hence partial indexes.

    A binding outlives its record's archiving and blocks its deletion (see
    ``claims.exchange.record.mixin``), so a re-poll never recreates a record deleted here.
    """

    _name = "claims.binding"
    _description = "Connector binding"
    _order = "id desc"
    _rec_name = "external_id"

    backend_model = fields.Char(required=True, readonly=True)
    backend_id = fields.Many2oneReference(
        model_field="backend_model", required=True, readonly=True
    )
    res_model = fields.Char(string="Record model", required=True, readonly=True)
    res_id = fields.Many2oneReference(model_field="res_model", readonly=True, index=True)
    external_id = fields.Char(readonly=True)
    external_key = fields.Char(
        readonly=True, help="A second natural key of the external object, when it has one."
    )
    exchange_id = fields.Many2one("claims.exchange", readonly=True, ondelete="set null")
    company_id = fields.Many2one(
        "res.company", compute="_compute_company_id", store=True, readonly=True, index=True
    )
    date_sync = fields.Datetime(string="Last synchronised", readonly=True)

    _external_id_unique = models.UniqueIndex(
        "(backend_model, backend_id, res_model, external_id) WHERE external_id IS NOT NULL",
        "This external id is already bound to a record of this backend.",
    )
    _external_key_unique = models.UniqueIndex(
        "(backend_model, backend_id, res_model, external_key) WHERE external_key IS NOT NULL",
        "This external key is already bound to a record of this backend.",
    )
    _has_a_key = models.Constraint(
        "CHECK (external_id IS NOT NULL OR external_key IS NOT NULL)",
        "A binding needs an external id or an external key.",
    )

    @api.depends("backend_model", "backend_id")
    def _compute_company_id(self):
        """The backend's company (``_reserve`` writes it in its INSERT)."""
        for binding in self:
            if binding.backend_model not in self.env:
                binding.company_id = False
                continue
            backend = self.env[binding.backend_model].browse(binding.backend_id)
            binding.company_id = self._get_backend_company(backend.sudo().exists())

    @api.model
    def _reserve(self, backend, res_model, external_id=None, external_key=None, exchange=None):
        """Reserve the binding of an object before creating its record.

        Inserted in a savepoint: when another transaction holds the same id or key,
        PostgreSQL waits for it to end and then refuses the duplicate (whatever the snapshot),
        which rolls back to the savepoint only: two imports at once end with one binding, and
        the loser knows it lost. Set ``res_id`` (``_bind_record``) once the record exists.

        :returns: the new binding, or an empty recordset when the object is already bound
        """
        self.flush_model()
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(SQL(
                    """
                    INSERT INTO claims_binding (backend_model, backend_id, company_id,
                        res_model, external_id, external_key, exchange_id, date_sync,
                        create_uid, create_date, write_uid, write_date)
                    VALUES (%s, %s, %s, %s, %s, %s, %s, now() at time zone 'UTC', %s,
                        now() at time zone 'UTC', %s, now() at time zone 'UTC')
                    RETURNING id
                    """,
                    backend._name, backend.id, self._get_backend_company(backend).id or None,
                    res_model, external_id or None, external_key or None,
                    exchange.id if exchange else None, self.env.uid, self.env.uid,
                ), log_exceptions=False)
                row = self.env.cr.fetchone()
        except UniqueViolation:
            return self.browse()
        return self.browse(row[0])

    @api.model
    def _find(self, backend, res_model, external_ids=None, external_keys=None):
        """Existing bindings of ``backend`` among these ids or keys (one query)."""
        domain = [
            ("backend_model", "=", backend._name),
            ("backend_id", "=", backend.id),
            ("res_model", "=", res_model),
        ]
        keys = []
        if external_ids:
            keys.append([("external_id", "in", list(external_ids))])
        if external_keys:
            keys.append([("external_key", "in", list(external_keys))])
        if not keys:
            return self.browse()
        return self.sudo().search(domain + (["|"] * (len(keys) - 1)) + [d[0] for d in keys])

    @api.model
    def _get_backend_company(self, backend):
        """The company whose data the backend's bindings are (none for a shared backend)."""
        if "company_id" not in backend._fields:
            return self.env["res.company"]
        return backend.sudo().company_id

    def _bind_record(self, record):
        self.sudo().write({"res_id": record.id})
