# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A concrete backend for testing the connector framework, and a fixture around it.

The framework names no connector: its tests add a small backend model to the registry for the
duration of a test class (tables created in the test transaction, rolled back with it).
"""

from odoo import fields, models
from odoo.orm import model_classes
from odoo.orm.models import MetaModel
from odoo.tests import new_test_user

from odoo.addons.claims_base.tests.common import ClaimsCommon
from odoo.addons.claims_connector.connector.exceptions import PermanentError, RetryableError

INTEGRATION_GROUP = "claims_connector.group_claims_integration"


class ClaimsTestBackend(models.Model):
    """Processes an exchange as its ``kind`` says: ``ok``, ``retry``, ``fail``, ``skip``."""

    _name = "claims.test.backend"
    _description = "Connector framework test backend"
    _inherit = ["claims.backend.mixin"]
    _module = "claims_connector"

    processed = fields.Integer()

    def _poll(self):
        exchanges = self.env["claims.exchange"]._create_for(self, [
            {"direction": "in", "kind": "ok", "external_id": f"OBJ-{n}", "batch": "B1"}
            for n in range(3)
        ])
        exchanges._enqueue()
        self._mark_success(cursor="3")
        return exchanges

    def _process_exchange(self, exchange):
        self.sudo().processed += 1
        if exchange.kind == "retry":
            raise RetryableError("simulated 503", kind="http_503", retry_after=7)
        if exchange.kind == "fail":
            raise PermanentError("simulated 400: bad claim number", kind="http_400")
        if exchange.kind == "skip":
            exchange._set_skipped("nothing to do")
            return None
        return self.env["claims.claim"].browse(exchange.res_id)


# Defining the class listed it among claims_connector's models: unlist it, so that a registry
# loaded later in this process does not look for its table.
MetaModel._module_to_models__["claims_connector"].remove(ClaimsTestBackend)


class ClaimsConnectorCommon(ClaimsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        registry = cls.env.registry
        cls.addClassCleanup(cls._remove_test_backend)
        model_classes.add_to_registry(registry, ClaimsTestBackend)
        registry._setup_models__(cls.env.cr, [ClaimsTestBackend._name])
        registry.init_models(cls.env.cr, [ClaimsTestBackend._name], {"module": "claims_connector"})
        registry.registry_invalidated = False
        cls.env.invalidate_all()
        model = cls.env["ir.model"]._get(ClaimsTestBackend._name)
        cls.env["ir.model.access"].create([{
            "name": f"test backend {group}",
            "model_id": model.id,
            "group_id": cls.env.ref(group).id,
            "perm_read": True,
            "perm_write": group == INTEGRATION_GROUP,
            "perm_create": group == INTEGRATION_GROUP,
        } for group in ("claims_base.group_claims_user", INTEGRATION_GROUP)])
        cls.user_integration = new_test_user(
            cls.env, login="integration", groups="claims_connector.group_claims_integration",
            company_id=cls.company.id, company_ids=[(6, 0, cls.company.ids)],
            name="Ivo Integration",
        )
        cls.backend = cls.env[ClaimsTestBackend._name].create({
            "name": "Test system",
            "endpoint": "http://127.0.0.1:1/",
            "login": "desk",
            "secret": "s3cret",
            "company_id": cls.company.id,
            "user_id": cls.user_integration.id,
            "notification_email": "ops@example.com",
        })

    @classmethod
    def _remove_test_backend(cls):
        registry = cls.env.registry
        if registry.models.pop(ClaimsTestBackend._name, None) is None:
            return
        for model_cls in registry.models.values():
            model_cls._inherit_children.discard(ClaimsTestBackend._name)
        registry._setup_models__(cls.env.cr)
        registry.registry_invalidated = False

    def _exchange(self, kind="ok", record=None, **values):
        return self.env["claims.exchange"]._create_for(self.backend, [{
            "direction": values.pop("direction", "in"),
            "kind": kind,
            "external_id": values.pop("external_id", f"EXT-{kind}"),
            "res_model": record._name if record else False,
            "res_id": record.id if record else False,
            **values,
        }])
