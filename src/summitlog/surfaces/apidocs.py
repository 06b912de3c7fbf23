"""The JSON API documented for people at /docs: read from the app's own OpenAPI schema (so the
page cannot drift from the routes) and rendered by a template of the package, with no script or
stylesheet from elsewhere (Swagger UI and ReDoc load theirs from a CDN)."""

from __future__ import annotations

from typing import Any

INTRO = (
    "Meetings between heads of state as a source-linked record. Every route is GET and read-only; "
    "JSON by default. Lists take `format=csv` or `format=jsonl` for flat rows (one record a row, each "
    "with its page's URL, outlet, date and Event id); `/api/events` also takes `format=plover`. "
    "A date without a year reads \"26 Sep (year not given)\"; a full date is ISO (YYYY-MM-DD). "
    "An error is `{\"error\": \"...\"}` with a 4xx status."
)


def read(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema's operations as a page lists them: path, summary, what it returns, and each
    parameter with where it goes, its type, default, whether it is required and what it means."""
    operations = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            params = [{
                "name": p["name"], "in": p["in"], "required": p.get("required", False),
                "type": kind(p.get("schema", {})), "default": p.get("schema", {}).get("default"),
                "description": p.get("description") or p.get("schema", {}).get("description") or "",
            } for p in op.get("parameters", [])]
            operations.append({"method": method.upper(), "path": path, "anchor": anchor(method, path),
                               "summary": op.get("summary", ""), "description": op.get("description", ""),
                               "parameters": params})
    return {"title": schema["info"]["title"], "intro": schema["info"].get("description", ""),
            "operations": operations}


def kind(schema: dict[str, Any]) -> str:
    """A parameter's type in a word ("string", "integer ≥ 1", "one of json, csv")."""
    if "anyOf" in schema:
        return " or ".join(kind(s) for s in schema["anyOf"] if s.get("type") != "null")
    text = schema.get("type", "")
    if "pattern" in schema:
        text = "one of " + ", ".join(schema["pattern"].strip("^$()").split("|"))
    if "minimum" in schema:
        text += f" ≥ {schema['minimum']}"
    if "maximum" in schema:
        text += f" ≤ {schema['maximum']}"
    return text


def anchor(method: str, path: str) -> str:
    return method.lower() + "-" + "".join(ch if ch.isalnum() else "-" for ch in path).strip("-")
