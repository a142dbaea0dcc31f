# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Plain helpers of the workflow definitions, shared by the models and the import wizard:
date offsets, field paths and the safety of a workflow's condition. They take a model or a
date, never a workflow record."""

import ast

from dateutil.relativedelta import relativedelta

from odoo.fields import Domain

# Technical models stay out even when the system parameter names them, and no condition or
# field path of a workflow reaches into them.
FORBIDDEN_MODEL_PREFIXES = ("ir.", "res.users", "res.groups", "base.", "bus.", "mail.", "queue.")


def shift_date(date, amount, unit, direction="after"):
    """Return ``date`` moved by ``amount`` ``unit``s forward (after) or backward (before)."""
    sign = -1 if direction == "before" else 1
    return date + relativedelta(**{f"{unit}s": sign * (amount or 0)})


def check_field_path(model, path, comodel=None):
    """Return an error text when ``path`` (``a.b.c``) is not a chain of stored or related
    fields of ``model`` ending on ``comodel``, else ``None``."""
    if not path:
        return None
    for name in path.split("."):
        field = model._fields.get(name)
        if field is None:
            return model.env._("%(model)s has no field %(field)s", model=model._name, field=name)
        if field.groups:
            return model.env._("Field %(field)s is restricted", field=name)
        if field.type in ("many2one",):
            model = model.env[field.comodel_name]
        else:
            return model.env._("Field %(field)s is not a link", field=name)
    if comodel and model._name != comodel:
        return model.env._(
            "%(path)s leads to %(found)s, not to %(expected)s",
            path=path, found=model._name, expected=comodel,
        )
    return None


def domain_error(Model, text):
    """Return why ``text`` is not a safe domain on ``Model``, or ``None``.

    Literal values only (parsed with ``ast.literal_eval``: no names, calls or attributes), each
    field path made of fields the model has and that no group restricts, no path through
    users, groups or technical models."""
    try:
        value = ast.literal_eval(text or "[]")
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return Model.env._("The condition %(domain)s is not a literal domain.", domain=text)
    if not isinstance(value, (list, tuple)):
        return Model.env._("The condition must be a list, not %(domain)s.", domain=text)
    try:
        domain = Domain(value)
    except (ValueError, TypeError) as error:
        return Model.env._(
            "The condition %(domain)s is not a domain: %(error)s", domain=text, error=error
        )
    for condition in domain.iter_conditions():
        model = Model
        for name in condition.field_expr.split("."):
            field = model._fields.get(name)
            if field is None:
                return Model.env._("The condition uses %(field)s, which %(model)s does not have.",
                                   field=condition.field_expr, model=model._name)
            if field.groups or name in ("password", "api_key_ids"):
                return Model.env._("The condition uses the restricted field %(field)s.",
                                   field=condition.field_expr)
            if field.relational:
                model = Model.env[field.comodel_name]
                if model._name.startswith(FORBIDDEN_MODEL_PREFIXES):
                    return Model.env._(
                        "The condition reaches into %(model)s, which is not allowed.",
                        model=model._name,
                    )
    try:
        domain.validate(Model)
    except (ValueError, TypeError, KeyError) as error:
        return Model.env._(
            "The condition %(domain)s is not valid: %(error)s", domain=text, error=error
        )
    return None
