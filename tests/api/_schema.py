# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The part of OpenAPI 3.0 schema validation that openapi.json uses: $ref, allOf, type,
nullable, required, properties, items, enum, minimum/maximum, maxItems."""

TYPES = {
    "object": dict, "array": list, "string": str, "boolean": bool,
    "integer": int, "number": (int, float),
}


def validate(value, schema, spec, where="$"):
    """Raise AssertionError naming the first place where ``value`` breaks ``schema``."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return validate(value, spec["components"]["schemas"][name], spec, where)
    for part in schema.get("allOf", ()):
        validate(value, part, spec, where)
    if value is None:
        assert schema.get("nullable"), f"{where} is null"
        return None
    kind = schema.get("type")
    if kind:
        ok = isinstance(value, TYPES[kind]) and not (
            kind in ("integer", "number") and isinstance(value, bool))
        assert ok, f"{where} is {type(value).__name__}, not {kind}"
    if "enum" in schema:
        assert value in schema["enum"], f"{where} = {value!r} not in {schema['enum']}"
    if "minimum" in schema:
        assert value >= schema["minimum"], f"{where} below minimum"
    if "maximum" in schema:
        assert value <= schema["maximum"], f"{where} above maximum"
    if isinstance(value, dict):
        for key in schema.get("required", ()):
            assert key in value, f"{where}.{key} is missing"
        for key, sub in schema.get("properties", {}).items():
            if key in value:
                validate(value[key], sub, spec, f"{where}.{key}")
    if isinstance(value, list):
        if "maxItems" in schema:
            assert len(value) <= schema["maxItems"], f"{where} has too many items"
        for index, item in enumerate(value):
            validate(item, schema.get("items", {}), spec, f"{where}[{index}]")
    return None


def response_schema(operation, status):
    """The documented JSON schema of ``status`` (AssertionError if the status is undocumented)."""
    responses = operation["responses"]
    assert str(status) in responses, f"status {status} is not documented: {sorted(responses)}"
    content = responses[str(status)].get("content", {})
    return content.get("application/json", {}).get("schema")
