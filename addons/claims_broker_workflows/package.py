# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Workflow packages: a zip with ``workflow.json`` and one ``templates/<key>.xml`` per mail
template. ``read_package`` checks the container and the syntax without a database and raises
``PackageError`` with every problem it finds; the import wizard checks the rest against the
database. ``build_package`` writes a package from a definition."""

import io
import json
import re
import zipfile

from lxml import etree

FORMAT = "claims-workflow"
FORMAT_VERSION = 1
MAX_ENTRIES = 100
MAX_FILE_SIZE = 1024 * 1024
MAX_TOTAL_SIZE = 5 * 1024 * 1024
MAX_RATIO = 100
KEY_RE = re.compile(r"^[a-z0-9_]{1,64}$")
TEMPLATE_PATH_RE = re.compile(r"^templates/([a-z0-9_]{1,64})\.xml$")
TEMPLATE_FIELDS = ("name", "subject", "body_html", "email_from", "email_to", "partner_to")
TRANSLATED_TEMPLATE_FIELDS = ("name", "subject", "body_html")


class PackageError(ValueError):
    """A package that cannot be imported; ``problems`` lists every reason."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


def _safe_name(name):
    """Whether a zip entry name stays inside the package (no zip slip)."""
    return not (
        name.startswith(("/", "\\")) or "\\" in name or ".." in name.split("/")
        or re.match(r"^[A-Za-z]:", name) or "\x00" in name
    )


# C901: flat checks on each file of the archive, collecting every problem so that the importer
# sees them all at once; split into helpers, the checks would only be scattered.
def read_package(data):  # noqa: C901
    """Return ``(workflow, templates)`` from the bytes of a zip package.

    ``workflow`` is the parsed workflow.json, ``templates`` maps a key to a dict of field ->
    {lang: value} (``model`` -> model name). Raises ``PackageError``."""
    problems = []
    if len(data) > MAX_TOTAL_SIZE:
        raise PackageError([f"The package is larger than {MAX_TOTAL_SIZE // 1024} KB."])
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as error:
        raise PackageError([f"The file is not a zip archive ({error})."]) from error
    if len(infos) > MAX_ENTRIES:
        raise PackageError([f"The package has {len(infos)} files; at most {MAX_ENTRIES}."])
    files = {}
    total = 0
    for info in infos:
        name = info.filename
        if not _safe_name(name):
            problems.append(f"{name!r}: a path outside the package is not allowed.")
            continue
        if info.is_dir():
            continue
        if (info.external_attr >> 16) & 0o170000 == 0o120000:
            problems.append(f"{name}: symbolic links are not allowed.")
            continue
        if info.flag_bits & 0x1:
            problems.append(f"{name}: encrypted files are not allowed.")
            continue
        if name != "workflow.json" and not TEMPLATE_PATH_RE.match(name):
            problems.append(
                f"{name}: unexpected file (only workflow.json and templates/<key>.xml)."
            )
            continue
        if info.file_size > MAX_FILE_SIZE:
            problems.append(f"{name}: {info.file_size} bytes, more than {MAX_FILE_SIZE}.")
            continue
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
            problems.append(f"{name}: compressed {info.file_size // info.compress_size} times, "
                            "a zip bomb is refused.")
            continue
        try:
            with archive.open(info) as stream:
                content = stream.read(MAX_FILE_SIZE + 1)
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError) as error:
            problems.append(f"{name}: cannot be read ({error}).")
            continue
        if len(content) > MAX_FILE_SIZE:
            problems.append(f"{name}: larger than {MAX_FILE_SIZE} bytes once unpacked.")
            continue
        total += len(content)
        if total > MAX_TOTAL_SIZE:
            problems.append("The package is larger than allowed once unpacked.")
            break
        files[name] = content
    if problems:
        raise PackageError(problems)
    if "workflow.json" not in files:
        raise PackageError(["workflow.json is missing."])
    try:
        workflow = json.loads(files.pop("workflow.json").decode("utf-8"))
    except UnicodeDecodeError as error:
        raise PackageError([f"workflow.json is not UTF-8 ({error}).".replace("'", "")]) from error
    except json.JSONDecodeError as error:
        raise PackageError([
            f"workflow.json is not valid JSON: {error.msg} at line {error.lineno}, "
            f"column {error.colno}."
        ]) from error
    problems += _check_workflow_shape(workflow)
    templates = {}
    for name, content in sorted(files.items()):
        key = TEMPLATE_PATH_RE.match(name).group(1)
        try:
            templates[key] = _parse_template(content)
        except PackageError as error:
            problems += [f"{name}: {problem}" for problem in error.problems]
    if not problems:
        used = {step.get("template") for step in workflow["steps"]} - {None}
        problems += [f"Step template {key!r} has no templates/{key}.xml." for key in
                     sorted(used - set(templates))]
    if problems:
        raise PackageError(problems)
    return workflow, templates


# C901: one flat check per key of workflow.json, collecting every problem (as read_package).
def _check_workflow_shape(workflow):  # noqa: C901
    """Types and required keys of workflow.json (values are checked against the database by
    the import)."""
    problems = []
    if not isinstance(workflow, dict):
        return ["workflow.json must hold an object."]
    if workflow.get("format") != FORMAT:
        problems.append(f"workflow.json: format must be {FORMAT!r}.")
    if workflow.get("format_version") != FORMAT_VERSION:
        problems.append(f"workflow.json: format_version {workflow.get('format_version')!r} "
                        f"is not supported (expected {FORMAT_VERSION}).")
    namespace = workflow.get("namespace")
    if not isinstance(namespace, str) or not KEY_RE.match(namespace):
        problems.append("workflow.json: namespace must be 1-64 characters a-z, 0-9 or _.")
    definition = workflow.get("definition")
    if not isinstance(definition, dict):
        problems.append("workflow.json: definition must be an object.")
    else:
        for key, kind in (("name", dict), ("model", str), ("date_field", str),
                          ("domain", str)):
            if not isinstance(definition.get(key), kind):
                problems.append(f"workflow.json: definition.{key} must be a {kind.__name__}.")
    steps = workflow.get("steps")
    if not isinstance(steps, list) or not steps:
        problems.append("workflow.json: steps must be a non-empty list.")
        return problems
    codes = set()
    for index, step in enumerate(steps, start=1):
        where = f"workflow.json: step {index}"
        if not isinstance(step, dict):
            problems.append(f"{where} must be an object.")
            continue
        code = step.get("code")
        if not isinstance(code, str) or not re.match(r"^[A-Za-z0-9_.-]{1,32}$", code):
            problems.append(f"{where}: code must be 1-32 letters, digits, _ . or -.")
        elif code in codes:
            problems.append(f"{where}: code {code!r} is used twice.")
        codes.add(code)
        if not isinstance(step.get("name"), dict):
            problems.append(f"{where}: name must be an object of language -> text.")
        template = step.get("template")
        if template is not None and (not isinstance(template, str) or not KEY_RE.match(template)):
            problems.append(f"{where}: template must be a template key.")
        for option in step.get("options") or []:
            if not isinstance(option, dict) or not isinstance(option.get("name"), dict):
                problems.append(f"{where}: each option needs a name object.")
    for index, step in enumerate(steps, start=1):
        if not isinstance(step, dict):
            continue
        targets = [step.get("goto")] + [
            option.get("next") for option in step.get("options") or [] if isinstance(option, dict)
        ]
        for target in targets:
            if target is not None and target not in codes:
                problems.append(f"workflow.json: step {index} jumps to unknown step {target!r}.")
    return problems


def _parse_template(content):
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
        remove_comments=True,
    )
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as error:
        raise PackageError([f"not valid XML: {error}"]) from error
    if root.getroottree().docinfo.doctype:
        raise PackageError(["a DOCTYPE is not allowed (no entities, no DTD)."])
    if root.tag != "template":
        raise PackageError([f"the root element must be <template>, not <{root.tag}>."])
    template = {"model": root.get("model")}
    if not template["model"]:
        raise PackageError(["<template> needs a model attribute."])
    for element in root:
        if not isinstance(element.tag, str):
            continue
        if element.tag not in TEMPLATE_FIELDS:
            raise PackageError([f"unknown element <{element.tag}>."])
        lang = element.get("lang", "en_US")
        if not re.match(r"^[a-z]{2,3}(_[A-Za-z0-9@]{2,8})?$", lang):
            raise PackageError([f"<{element.tag}>: bad language {lang!r}."])
        if lang != "en_US" and element.tag not in TRANSLATED_TEMPLATE_FIELDS:
            raise PackageError([
                f"<{element.tag}> is not translatable: give it once, without a language "
                f"(found lang={lang!r})."
            ])
        template.setdefault(element.tag, {})[lang] = element.text or ""
    if not template.get("subject") or not template.get("name"):
        raise PackageError(["a template needs a <name> and a <subject>."])
    return template


def build_package(definition):
    """The zip bytes of ``definition`` (one record), its steps and its mail templates."""
    env = definition.env
    langs = [code for code, _name in env["res.lang"].get_installed()]

    def translations(record, fname):
        return {lang: record.with_context(lang=lang)[fname] or "" for lang in langs}

    def xmlid(record):
        return record.get_external_id().get(record.id) if record else None

    templates = {}
    steps = []
    for step in definition.step_ids.sorted(lambda s: (s.sequence, s.id)):
        template_key = None
        if step.mail_template_id:
            template_key = re.sub(r"[^a-z0-9_]", "_", (
                xmlid(step.mail_template_id) or f"template_{step.mail_template_id.id}"
            ).split(".")[-1].lower())[:64]
            templates[template_key] = step.mail_template_id
        steps.append({
            "code": step.code,
            "sequence": step.sequence,
            "kind": step.kind,
            "name": translations(step, "name"),
            "note": translations(step, "note") if step.note else None,
            "note_on_customer": step.note_on_customer,
            "template": template_key,
            "activity_type": xmlid(step.activity_type_id),
            "assign_to": step.assign_to,
            "user": step.user_id.login or None,
            "group": xmlid(step.group_id),
            "due_from": step.due_from,
            "due_amount": step.due_amount,
            "due_unit": step.due_unit,
            "due_direction": step.due_direction,
            "goto": step.goto_step_id.code or None,
            "goto_max": step.goto_max,
            "options": [{
                "name": translations(option, "name"),
                "sequence": option.sequence,
                "answer": option.answer or None,
                "next": option.next_step_id.code or None,
            } for option in step.option_ids],
        })
    workflow = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "namespace": re.sub(r"[^a-z0-9_]", "_", definition.with_context(
            lang="en_US").name.lower())[:64],
        "definition": {
            "name": translations(definition, "name"),
            "model": definition.model,
            "date_field": definition.date_field,
            "domain": definition.domain,
            "start_amount": definition.start_amount,
            "start_unit": definition.start_unit,
            "start_direction": definition.start_direction,
            "grace_days": definition.grace_days,
            "repeat": definition.repeat,
            "repeat_years": definition.repeat_years,
            "no_email": definition.no_email,
            "partner_path": definition.partner_path or None,
            "user_path": definition.user_path or None,
        },
        "steps": steps,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("workflow.json", json.dumps(workflow, indent=2, ensure_ascii=False))
        for key, template in templates.items():
            root = etree.Element("template", model=template.model)
            for fname in TEMPLATE_FIELDS:
                values = (translations(template, fname) if fname in TRANSLATED_TEMPLATE_FIELDS
                          else {"en_US": template[fname] or ""})
                for lang, value in values.items():
                    if value:
                        etree.SubElement(root, fname, lang=lang).text = value
            archive.writestr(f"templates/{key}.xml", etree.tostring(
                root, xml_declaration=True, encoding="utf-8", pretty_print=True))
    return buffer.getvalue()
