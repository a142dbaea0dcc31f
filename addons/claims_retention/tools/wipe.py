# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Set-based wiping of what hangs on records by (model, id): files, mail, activities.

Each function takes ``targets``, a dict {model name: ids}, and works as superuser in a few
queries whatever the number of records, so that the retention job stays fast on large
batches. Used by the anonymisation of claims and incidents only, after their checks.
"""

from markupsafe import Markup

from odoo.tools import SQL

# Types of tracked fields whose old and new values are blanked in the chatter's history:
# names, addresses, free text, and the names of linked partners. Amounts, dates, stages,
# selections and yes/no values stay (they make the statistics).
PERSONAL_TRACKING_TYPES = ("char", "text", "html")
PERSONAL_TRACKING_RELATIONS = ("res.partner", "fleet.vehicle")


def record_domain(targets, model_field="res_model", id_field="res_id"):
    domain = []
    for model, ids in targets.items():
        if ids:
            part = ["&", (model_field, "=", model), (id_field, "in", list(ids))]
            domain = part if not domain else ["|", *domain, *part]
    return domain


def delete_attachments(env, targets, extra_ids=()):
    """Delete the files of the records (field attachments included) and ``extra_ids``."""
    domain = record_domain(targets)
    Attachment = env["ir.attachment"].sudo()
    attachments = Attachment.browse(extra_ids)
    if domain:
        # naming res_field keeps ir.attachment from hiding the attachments of binary fields
        attachments |= Attachment.search(
            domain + ["|", ("res_field", "=", False), ("res_field", "!=", False)])
    attachments.exists().unlink()
    return len(attachments)


def blank_messages(env, targets, placeholder):
    """Blank the chatter of the records: bodies, subjects, addresses, personal tracking.

    A message that had a body gets ``placeholder`` so the chatter still shows that something
    was said, and when; its files are deleted with the records' attachments. Mails still
    queued for these messages are dropped.
    """
    domain = record_domain(targets, model_field="model")
    if not domain:
        return 0
    messages = env["mail.message"].sudo().with_context(active_test=False).search(domain)
    if not messages:
        return 0
    env["mail.mail"].sudo().search([("mail_message_id", "in", messages.ids)]).unlink()
    env.flush_all()
    body = Markup("<p>%s</p>") % placeholder
    env.cr.execute(SQL(
        """
        UPDATE mail_message
           SET body = CASE WHEN COALESCE(body, '') = '' THEN body ELSE %(body)s END,
               subject = NULL, email_from = NULL, reply_to = NULL,
               incoming_email_to = NULL, incoming_email_cc = NULL, outgoing_email_to = NULL
         WHERE id IN %(ids)s
        """,
        body=str(body), ids=tuple(messages.ids),
    ))
    env.cr.execute(SQL(
        """
        UPDATE mail_tracking_value v
           SET old_value_char = NULL, new_value_char = NULL,
               old_value_text = NULL, new_value_text = NULL
          FROM ir_model_fields f
         WHERE f.id = v.field_id
           AND v.mail_message_id IN %(ids)s
           AND (f.ttype IN %(types)s OR f.relation IN %(relations)s)
        """,
        ids=tuple(messages.ids), types=PERSONAL_TRACKING_TYPES,
        relations=PERSONAL_TRACKING_RELATIONS,
    ))
    messages.invalidate_recordset()
    env["mail.tracking.value"].invalidate_model()
    return len(messages)


def delete_activities(env, targets):
    """Drop the to-dos left on the records (their notes are free text)."""
    domain = record_domain(targets, id_field="res_id")
    if domain:
        env["mail.activity"].sudo().search(domain).unlink()


def free_text_fields(model):
    """Names of the free-text fields of ``model`` a user or an insurer filled in: stored
    Text and Html fields that are not computed (descriptions, notes, declared damages)."""
    thread_fields = model.env["mail.thread"]._fields
    return [
        name for name, field in model._fields.items()
        if field.type in ("text", "html") and field.store and not field.compute
        and not field.related and not field.required and name not in thread_fields
    ]
