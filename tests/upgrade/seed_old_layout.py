# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Run in ``odoo shell`` on a database of the single-addon layout: the rows of the framework
and of the partner API that an upgrade must keep (a webhook subscription, its deliveries, the
change feed, a PolicyPort binding and exchange, a system parameter)."""

env["ir.config_parameter"].set_param("claims_base.webhook_allow_private_hosts", "1")  # noqa: F821
admin = env.ref("base.user_admin")  # noqa: F821
hook = env["claims.webhook"].with_user(admin).create({  # noqa: F821
    "name": "Upgrade broker", "url": "http://127.0.0.1:9/hook",
})
claim = env["claims.claim"].create({"description": "Made before the upgrade"})  # noqa: F821
claim.write({"stage_id": env["claims.claim.stage"].search([], limit=1, order="sequence desc").id})  # noqa: F821
env["claims.change"]._cron_assign_numbers()  # noqa: F821
backend = env["claims.policyport.backend"].create({  # noqa: F821
    "name": "Upgrade PolicyPort", "endpoint": "http://127.0.0.1:9", "user_id": admin.id,
})
env["claims.binding"]._reserve(backend, "claims.claim", external_id="PP-UPGRADE")  # noqa: F821
env["claims.exchange"]._create_for(backend, [{  # noqa: F821
    "direction": "in", "kind": "claim", "external_id": "PP-UPGRADE",
}])
env.cr.commit()  # noqa: F821
print("SEEDED", hook.id, hook.secret, claim.id)
