# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""HTML of the simulated Opus pages, in the classic layout or the variant.

Both layouts carry the same labels, legends, headings, captions, column headers and button
names (PAGEMAP.md). The variant changes everything else: ids, input names and option values
look generated; inputs sit inside their label, selects and textareas are named by
``aria-labelledby`` with the label after the control; sections are ``div role=group`` with a
heading, in reverse order and with their fields reversed; the allocation page groups its fields
differently; table columns are reversed and named by ``aria-label``; buttons come before the
fields; pagination links are arrows named by ``aria-label``.

``Layout.renamed`` (label -> new label) renames a label in either layout: a layout change the
robot cannot follow, to see it fail loudly.
"""

import hashlib
from html import escape

from . import pagemap

# Option values that are data, not ids: kept as they are in the variant too.
KEEP_VALUES = {"document_type"}
INPUT_TYPES = {"date": "date", "datetime": "datetime-local", "integer": "number",
               "password": "password", "file": "file"}
STYLE = (
    "body{font-family:sans-serif;margin:0}header{background:#1b365d;color:#fff;padding:8px}"
    "main{padding:12px}fieldset,.group{margin:8px 0;border:1px solid #ccc;padding:8px}"
    ".field,.row{display:block;margin:4px 0}table{border-collapse:collapse;margin:8px 0}"
    "td,th{border:1px solid #ccc;padding:2px 6px}[role=alert]{color:#a00}"
)


class Layout:
    def __init__(self, variant=False, renamed=None):
        self.variant = variant
        self.renamed = dict(renamed or {})

    def _hash(self, prefix, text):
        return prefix + hashlib.sha1(f"opus-v2:{text}".encode()).hexdigest()[:10]

    def label(self, text):
        return self.renamed.get(text, text)

    def id(self, key):
        return self._hash("x", "id:" + key) if self.variant else f"f_{key}"

    def name(self, key):
        return self._hash("n", "name:" + key) if self.variant else key

    def value(self, key, value):
        if not self.variant or key in KEEP_VALUES or not value:
            return value
        return self._hash("o", f"{key}:{value}")


def text(layout, value):
    return escape(layout.label(value))


def page(layout, title, body, flash=None, alert=None):
    heading = (f"<div class='title'><h2>{text(layout, title)}</h2></div>" if layout.variant
               else f"<h1>{text(layout, title)}</h1>")
    notes = ""
    if flash:
        notes += f"<p role='status'>{escape(flash)}</p>"
    if alert:
        notes += f"<div role='alert'>{escape(alert)}</div>"
    return (
        "<!DOCTYPE html><html lang='en-AU'><head><meta charset='utf-8'>"
        f"<title>{escape(title)} - IAG Opus</title><style>{STYLE}</style></head>"
        f"<body><header>IAG Opus</header><main>{heading}{notes}{body}</main></body></html>"
    )


def control(layout, field, value="", readonly=False):
    key, label, kind, options = field
    attrs = f"id='{layout.id(key)}' name='{layout.name(key)}'" + (" readonly" if readonly else "")
    value = "" if value is None else str(value)
    if kind == "select":
        items = "".join(
            f"<option value='{escape(layout.value(key, option))}'"
            f"{' selected' if label_ == value else ''}>{escape(label_)}</option>"
            for option, label_ in (("", ""), *options))
        html = f"<select {attrs}>{items}</select>"
    elif kind == "text":
        html = f"<textarea {attrs} rows='3'>{escape(value)}</textarea>"
    else:
        value_attr = "" if kind == "file" else f" value='{escape(value)}'"
        html = f"<input type='{INPUT_TYPES.get(kind, 'text')}' {attrs}{value_attr}>"
    caption = text(layout, label)
    if not layout.variant:
        return f"<div class='field'><label for='{layout.id(key)}'>{caption}</label>{html}</div>"
    if kind in ("select", "text"):
        label_id = layout.id("label:" + key)
        html = html.replace(attrs, f"{attrs} aria-labelledby='{label_id}'", 1)
        return f"<div class='row'>{html} <span id='{label_id}'>{caption}</span></div>"
    return f"<label class='row'>{caption} {html}</label>"


def section(layout, legend, inner):
    if legend is None:
        return inner
    if not layout.variant:
        return f"<fieldset><legend>{text(layout, legend)}</legend>{inner}</fieldset>"
    group_id = layout.id("group:" + legend)
    return (f"<div role='group' class='group' aria-labelledby='{group_id}'>"
            f"<h3 id='{group_id}'>{text(layout, legend)}</h3>{inner}</div>")


def sections(layout, groups, values, readonly=False):
    """``groups``: ((legend, (field, ...)), ...); ``values``: {field key: value}."""
    groups = list(groups)[::-1] if layout.variant else groups
    return "".join(
        section(layout, legend, "".join(
            control(layout, field, values.get(field[0], ""), readonly)
            for field in (list(fields)[::-1] if layout.variant else fields)))
        for legend, fields in groups)


def allocation_fields(layout, allocation):
    values = {key: allocation.get(key, "") for _legend, fields in pagemap.ALLOCATION_SECTIONS
              for key, *_rest in fields}
    values["sum_insured"] = f"${float(allocation['sum_insured']):,.2f}"
    groups = pagemap.ALLOCATION_SECTIONS
    if layout.variant:
        by_key = {field[0]: field for _legend, fields in groups for field in fields}
        groups = [(legend, [by_key[key] for key in keys])
                  for legend, keys in pagemap.VARIANT_ALLOCATION_GROUPS]
    return sections(layout, groups, values, readonly=True)


def button(layout, action, label):
    if layout.variant:
        return (f"<button type='submit' class='btn' name='{layout.name('action')}' "
                f"value='{layout.value('action', action)}'><span>{text(layout, label)}</span>"
                "</button>")
    return f"<button type='submit' name='action' value='{action}'>{text(layout, label)}</button>"


def form(layout, form_def, url, csrf, values):
    """A form of the page map, filled with ``values`` ({field key: value})."""
    content = sections(layout, form_def.sections, values)
    buttons = "".join(button(layout, action, label) for action, label in form_def.buttons)
    content = buttons + content if layout.variant else content + buttons
    enctype = " enctype='multipart/form-data'" if form_def.key == "upload" else ""
    return (f"<form method='post' action='{escape(url)}' aria-label='{text(layout, form_def.name)}'"
            f"{enctype}><input type='hidden' name='{layout.name('csrf_token')}' value='{csrf}'>"
            f"{content}</form>")


def table(layout, caption, columns, rows):
    """``rows``: [{column: text or (text, href)}]."""
    columns = list(columns)[::-1] if layout.variant else list(columns)

    def cell(value):
        if isinstance(value, tuple):
            return f"<a href='{escape(value[1])}'>{escape(str(value[0]))}</a>"
        return escape(str(value or ""))

    head = "".join(f"<th scope='col'>{text(layout, column)}</th>" for column in columns)
    body = "".join("<tr>" + "".join(f"<td>{cell(row.get(column))}</td>" for column in columns)
                   + "</tr>" for row in rows)
    name = (f" aria-label='{text(layout, caption)}'>" if layout.variant
            else f"><caption>{text(layout, caption)}</caption>")
    return f"<table{name}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def pagination(layout, path, number, count):
    previous = next_ = ""
    if layout.variant:
        if number > 1:
            previous = f"<a href='{path}?page={number - 1}' aria-label='Previous page'>&lsaquo;</a>"
        if number < count:
            next_ = f"<a href='{path}?page={number + 1}' aria-label='Next page'>&rsaquo;</a>"
        return (f"<nav aria-label='Pagination'>{next_} {previous} "
                f"<small>Page {number} of {count}</small></nav>")
    if number > 1:
        previous = f"<a href='{path}?page={number - 1}'>Previous page</a>"
    if number < count:
        next_ = f"<a href='{path}?page={number + 1}'>Next page</a>"
    return (f"<nav aria-label='Pagination'>{previous} <span>Page {number} of {count}</span> "
            f"{next_}</nav>")


def delayed(inner, seconds):
    """``inner`` shown by a script after ``seconds``: a page that is slow to show its data."""
    return (f"<div id='late'></div><template id='late-content'>{inner}</template><script>"
            f"setTimeout(function(){{var t=document.getElementById('late-content');"
            f"document.getElementById('late').appendChild(t.content.cloneNode(true));}}, "
            f"{int(seconds * 1000)});</script>")


def links(layout, name, items):
    anchors = " ".join(f"<a href='{escape(href)}'>{text(layout, label)}</a>"
                       for label, href in items)
    return f"<nav aria-label='{name}'>{anchors}</nav>"
