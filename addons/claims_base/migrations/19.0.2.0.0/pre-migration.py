# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""19.0.2.0.0: the connector framework and the partner API left claims_base.

They are the addons claims_connector and claims_api now, which claims_policyport (and the other
connectors) depend on, so ``-u all`` installs them after claims_base. Before claims_base is
updated, the xml ids of the records that moved (models, fields, views, menus, groups, rules,
access lines, crons, job functions and channels) are given to their new addon: the update
then keeps those records, their tables and their rows, instead of deleting them as records
claims_base no longer declares, and the new addons find them on install and update them in
place. Nothing is copied, so nothing is left twice. Both addons are marked for installation:
a database upgraded from the single addon keeps its connectors and its partner API (uninstall
claims_api afterwards where no partner system uses it).

The lists are every xml id that the new addons hold and claims_base does not, on a database
installed fresh with the new layout; ``tests/upgrade/`` upgrades a database of the old layout
and compares it with a fresh one.
"""

import logging

_logger = logging.getLogger(__name__)

MOVED = {
    "claims_connector": (
        "access_claims_binding_integration", "access_claims_binding_user",
        "access_claims_exchange_integration", "access_claims_exchange_user",
        "claims_binding_rule_company", "claims_claim_view_form_connector",
        "claims_exchange_action", "claims_exchange_action_failed", "claims_exchange_menu",
        "claims_exchange_menu_failed", "claims_exchange_rule_claims_user",
        "claims_exchange_rule_company", "claims_exchange_view_form",
        "claims_exchange_view_list", "claims_exchange_view_search",
        "constraint_claims_binding_external_id_unique",
        "constraint_claims_binding_external_key_unique", "constraint_claims_binding_has_a_key",
        "constraint_claims_exchange_message_unique", "field_claims_backend_mixin__active",
        "field_claims_backend_mixin__company_id", "field_claims_backend_mixin__cursor",
        "field_claims_backend_mixin__date_last_poll",
        "field_claims_backend_mixin__date_last_success",
        "field_claims_backend_mixin__display_name", "field_claims_backend_mixin__endpoint",
        "field_claims_backend_mixin__exchange_count",
        "field_claims_backend_mixin__exchange_error_count",
        "field_claims_backend_mixin__has_message", "field_claims_backend_mixin__id",
        "field_claims_backend_mixin__login",
        "field_claims_backend_mixin__message_attachment_count",
        "field_claims_backend_mixin__message_follower_ids",
        "field_claims_backend_mixin__message_has_error",
        "field_claims_backend_mixin__message_has_error_counter",
        "field_claims_backend_mixin__message_has_sms_error",
        "field_claims_backend_mixin__message_ids",
        "field_claims_backend_mixin__message_is_follower",
        "field_claims_backend_mixin__message_needaction",
        "field_claims_backend_mixin__message_needaction_counter",
        "field_claims_backend_mixin__message_partner_ids", "field_claims_backend_mixin__name",
        "field_claims_backend_mixin__notification_email",
        "field_claims_backend_mixin__poll_interval", "field_claims_backend_mixin__secret",
        "field_claims_backend_mixin__sequence", "field_claims_backend_mixin__timeout",
        "field_claims_backend_mixin__user_id",
        "field_claims_backend_mixin__website_message_ids", "field_claims_binding__backend_id",
        "field_claims_binding__backend_model", "field_claims_binding__company_id",
        "field_claims_binding__create_date", "field_claims_binding__create_uid",
        "field_claims_binding__date_sync", "field_claims_binding__display_name",
        "field_claims_binding__exchange_id", "field_claims_binding__external_id",
        "field_claims_binding__external_key", "field_claims_binding__id",
        "field_claims_binding__res_id", "field_claims_binding__res_model",
        "field_claims_binding__write_date", "field_claims_binding__write_uid",
        "field_claims_claim__exchange_count", "field_claims_claim__sync_backend",
        "field_claims_claim__sync_error", "field_claims_claim__sync_state",
        "field_claims_exchange__attempts", "field_claims_exchange__backend_id",
        "field_claims_exchange__backend_model", "field_claims_exchange__backend_ref",
        "field_claims_exchange__batch", "field_claims_exchange__company_id",
        "field_claims_exchange__create_date", "field_claims_exchange__create_uid",
        "field_claims_exchange__date_done", "field_claims_exchange__date_notified",
        "field_claims_exchange__direction", "field_claims_exchange__display_name",
        "field_claims_exchange__error_kind", "field_claims_exchange__error_text",
        "field_claims_exchange__external_id", "field_claims_exchange__id",
        "field_claims_exchange__job_uuid", "field_claims_exchange__kind",
        "field_claims_exchange__message_id", "field_claims_exchange__payload",
        "field_claims_exchange__payload_attachment_id", "field_claims_exchange__payload_name",
        "field_claims_exchange__record_ref", "field_claims_exchange__res_id",
        "field_claims_exchange__res_model", "field_claims_exchange__state",
        "field_claims_exchange__summary", "field_claims_exchange__write_date",
        "field_claims_exchange__write_uid", "field_claims_exchange_record_mixin__display_name",
        "field_claims_exchange_record_mixin__exchange_count",
        "field_claims_exchange_record_mixin__id",
        "field_claims_exchange_record_mixin__sync_backend",
        "field_claims_exchange_record_mixin__sync_error",
        "field_claims_exchange_record_mixin__sync_state", "field_queue_job__display_name",
        "field_queue_job__id", "group_claims_integration", "ir_sequence_claims_exchange_batch",
        "job_function_claims_exchange_job_process", "menu_claims_connectors",
        "model_claims_backend_mixin", "model_claims_binding", "model_claims_exchange",
        "model_claims_exchange_record_mixin",
        "model_inherit__claims_claim__claims_exchange_record_mixin", "model_queue_job",
        "queue_job_channel_claims_connector", "selection__claims_claim__sync_state__done",
        "selection__claims_claim__sync_state__error",
        "selection__claims_claim__sync_state__pending",
        "selection__claims_exchange__direction__in",
        "selection__claims_exchange__direction__out", "selection__claims_exchange__state__done",
        "selection__claims_exchange__state__error",
        "selection__claims_exchange__state__pending",
        "selection__claims_exchange__state__skipped",
        "selection__claims_exchange_record_mixin__sync_state__done",
        "selection__claims_exchange_record_mixin__sync_state__error",
        "selection__claims_exchange_record_mixin__sync_state__pending",
    ),
    "claims_api": (
        "access_claims_change_api", "access_claims_change_user", "access_claims_claim_api",
        "access_claims_claim_coverage_api", "access_claims_claim_stage_api",
        "access_claims_claim_type_api", "access_claims_coverage_type_api",
        "access_claims_document_api", "access_claims_document_category_api",
        "access_claims_exchange_api", "access_claims_incident_api", "access_claims_webhook_api",
        "access_claims_webhook_manager", "claims_change_rule_company",
        "claims_exchange_action_webhook", "claims_exchange_rule_partner_system",
        "claims_webhook_action", "claims_webhook_exchange_menu", "claims_webhook_menu",
        "claims_webhook_rule_company", "claims_webhook_rule_integration",
        "claims_webhook_rule_manager", "claims_webhook_rule_partner_system",
        "claims_webhook_view_form", "claims_webhook_view_list",
        "constraint_claims_change_number_unique", "field_claims_api__display_name",
        "field_claims_api__id", "field_claims_change__claim_id",
        "field_claims_change__company_id", "field_claims_change__data",
        "field_claims_change__date", "field_claims_change__display_name",
        "field_claims_change__id", "field_claims_change__kind", "field_claims_change__number",
        "field_claims_change__res_id", "field_claims_change__res_model",
        "field_claims_change_mixin__display_name", "field_claims_change_mixin__id",
        "field_claims_exchange__webhook_id", "field_claims_exchange__webhook_user_id",
        "field_claims_webhook__active", "field_claims_webhook__company_id",
        "field_claims_webhook__create_date", "field_claims_webhook__create_uid",
        "field_claims_webhook__cursor", "field_claims_webhook__date_last_poll",
        "field_claims_webhook__date_last_success",
        "field_claims_webhook__date_secret_previous_end", "field_claims_webhook__display_name",
        "field_claims_webhook__endpoint", "field_claims_webhook__exchange_count",
        "field_claims_webhook__exchange_error_count", "field_claims_webhook__exchange_ids",
        "field_claims_webhook__has_message", "field_claims_webhook__id",
        "field_claims_webhook__login", "field_claims_webhook__message_attachment_count",
        "field_claims_webhook__message_follower_ids", "field_claims_webhook__message_has_error",
        "field_claims_webhook__message_has_error_counter",
        "field_claims_webhook__message_has_sms_error", "field_claims_webhook__message_ids",
        "field_claims_webhook__message_is_follower", "field_claims_webhook__message_needaction",
        "field_claims_webhook__message_needaction_counter",
        "field_claims_webhook__message_partner_ids", "field_claims_webhook__name",
        "field_claims_webhook__notification_email", "field_claims_webhook__on_claim_created",
        "field_claims_webhook__on_document_added", "field_claims_webhook__on_payment_paid",
        "field_claims_webhook__on_stage_changed", "field_claims_webhook__poll_interval",
        "field_claims_webhook__secret", "field_claims_webhook__secret_previous",
        "field_claims_webhook__sequence", "field_claims_webhook__timeout",
        "field_claims_webhook__url", "field_claims_webhook__user_id",
        "field_claims_webhook__website_message_ids", "field_claims_webhook__write_date",
        "field_claims_webhook__write_uid", "field_ir_http__display_name", "field_ir_http__id",
        "field_res_users_apikeys__display_name", "field_res_users_apikeys__id",
        "group_claims_api", "ir_cron_claims_change_assign_numbers",
        "ir_cron_claims_change_assign_numbers_ir_actions_server", "model_claims_api",
        "model_claims_change", "model_claims_change_mixin", "model_claims_webhook",
        "model_inherit__auth_totp_device__res_users_apikeys",
        "model_inherit__claims_claim__claims_change_mixin",
        "model_inherit__claims_document__claims_change_mixin",
        "model_inherit__claims_payment__claims_change_mixin",
        "model_inherit__claims_webhook__claims_backend_mixin", "model_ir_http",
        "model_res_users_apikeys", "queue_job_channel_claims_webhook",
        "selection__claims_change__kind__claim_created",
        "selection__claims_change__kind__claim_updated",
        "selection__claims_change__kind__document_added",
        "selection__claims_change__kind__payment_state_changed",
        "selection__claims_change__kind__stage_changed",
    ),
}
# Models whose constraints and many2many tables now belong to the new addons.
MOVED_MODELS = {
    "claims_connector": ("claims.binding", "claims.exchange"),
    "claims_api": ("claims.change", "claims.webhook"),
}
# System parameters renamed with their addon.
RENAMED_PARAMS = {
    "claims_base.webhook_allow_private_hosts": "claims_api.webhook_allow_private_hosts",
}


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        "UPDATE ir_module_module SET state = 'to install' "
        "WHERE name IN %s AND state = 'uninstalled'",
        (tuple(MOVED),),
    )
    for module, names in MOVED.items():
        cr.execute(
            "UPDATE ir_model_data SET module = %s WHERE module = 'claims_base' AND name IN %s",
            (module, names),
        )
        _logger.info("claims_base: %s xml ids moved to %s", cr.rowcount, module)
        cr.execute("SELECT id FROM ir_module_module WHERE name = %s", (module,))
        row = cr.fetchone()
        if row:
            for table in ("ir_model_constraint", "ir_model_relation"):
                cr.execute(
                    f"UPDATE {table} SET module = %s "  # noqa: S608 - table names above
                    "WHERE model IN (SELECT id FROM ir_model WHERE model IN %s)",
                    (row[0], MOVED_MODELS[module]),
                )
    for old, new in RENAMED_PARAMS.items():
        cr.execute("UPDATE ir_config_parameter SET key = %s WHERE key = %s", (new, old))
