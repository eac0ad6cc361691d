"""The template from JSON (untrusted: validated, every reference checked) and fill.

Fill renders each block's `template`, putting each slot's new value in the style of the
original (Arabic or Chinese numerals, full-width digits, thousands separators).
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

import regex

from .document import SCHEMA_ID, SLOT_KINDS, Block, Removal, Section, Slot, Source, Template
from .numerals import format_number, parse_number

TEMPLATE_FIELD = regex.compile(r"\{\{|\}\}|\{(s[1-9][0-9]{0,8})\}|[{}]")
SCHEMA_FAMILY = "summaryparse.template/"
SCHEMA_VERSION = 1


class TemplateError(ValueError):
    """The template JSON is broken, from another program, or inconsistent."""

    code = 9


class FillError(ValueError):
    """The values given to fill do not fit the template."""

    code = 10


@lru_cache(maxsize=1)
def schema() -> dict:
    """The JSON Schema of the template, shipped inside the package."""
    return json.loads(schema_text())


def schema_text() -> str:
    return (resources.files("summaryparse") / "schema" / "template.schema.json").read_text(encoding="utf-8")


def validate(document: object) -> None:
    """Raise TemplateError naming the first problem of an untrusted template object."""
    import jsonschema  # only fill and the tests need it

    if isinstance(document, dict):
        _check_version(document.get("schema"))
    errors = sorted(jsonschema.Draft202012Validator(schema()).iter_errors(document), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.absolute_path) or "(top)"
        raise TemplateError(f"template does not follow the schema at {where}: {first.message}")
    _check_references(document)


def _check_version(schema_id: object) -> None:
    if isinstance(schema_id, str) and schema_id.startswith(SCHEMA_FAMILY) and schema_id != SCHEMA_ID:
        version = schema_id[len(SCHEMA_FAMILY) :]
        if version.isdigit() and int(version) > SCHEMA_VERSION:
            raise TemplateError(f"template is {schema_id}, newer than this program reads ({SCHEMA_ID}): upgrade summaryparse")


def _check_references(document: dict) -> None:
    blocks = {}
    for section in document["sections"]:
        for b in section["blocks"]:
            if b["id"] in blocks:
                raise TemplateError(f"block id {b['id']} appears twice")
            blocks[b["id"]] = b
    slots_by_block: dict[str, list[dict]] = {}
    seen = set()
    for s in document["slots"]:
        if s["id"] in seen:
            raise TemplateError(f"slot id {s['id']} appears twice")
        seen.add(s["id"])
        block = blocks.get(s["block"])
        if block is None:
            raise TemplateError(f"slot {s['id']} refers to block {s['block']}, which does not exist")
        start, end = s["span"]
        if not 0 <= start < end <= len(block["text"]) or block["text"][start:end] != s["raw"]:
            raise TemplateError(f"slot {s['id']}: span {s['span']} does not hold {s['raw']!r} in block {s['block']}")
        slots_by_block.setdefault(s["block"], []).append(s)
    for block_id, block in blocks.items():
        raws = {s["id"]: s["raw"] for s in slots_by_block.get(block_id, [])}
        try:
            rendered = render(block["template"], raws)
        except FillError as e:
            raise TemplateError(f"block {block_id}: {e}") from None
        if rendered != block["text"]:
            raise TemplateError(f"block {block_id}: its template does not give back its text")


def from_dict(document: object) -> Template:
    validate(document)
    src = document["source"]
    sections = [
        Section(
            s["type"],
            s["confidence"],
            [
                Block(b["id"], b["kind"], b["level"], b["marker"], b["before"], b["text"], b["line"], None, b["template"], s["type"], b.get("confidence"))
                for b in s["blocks"]
            ],
        )
        for s in document["sections"]
    ]
    slots = [
        Slot(s["id"], s["block"], tuple(s["span"]), s["raw"], s["kind"], s["value"], s["unit"], s["label"], s.get("style"))
        for s in document["slots"]
    ]
    removed = [Removal(r["line"], r["text"], r["reason"], r.get("start"), r.get("end")) for r in document["removed"]]
    source = Source(src["name"], src["sha256"], src["encoding"], bool(src.get("bom", False)), src.get("format", "txt"))
    return Template(source, document["title"], removed, sections, slots, document.get("end", ""))


def from_json(text: str) -> Template:
    try:
        document = json.loads(text)
    except ValueError as e:
        raise TemplateError(f"template is not valid JSON: {e}") from None
    return from_dict(document)


def render(template: str, values: dict[str, str]) -> str:
    """Put `values` (already formatted text) into a block template; an unknown field is an error."""

    def replace(m: regex.Match) -> str:
        token = m.group()
        if token in ("{{", "}}"):
            return token[0]
        if m.group(1) is None:
            raise FillError(f"stray {token!r} in template (literal braces are doubled)")
        if m.group(1) not in values:
            raise FillError(f"template field {token} names no slot of this block")
        return values[m.group(1)]

    return TEMPLATE_FIELD.sub(replace, template)


def fill(template: Template, values: dict[str, object] | None = None, strict: bool = False) -> str:
    """The document with `values` (slot id → new value) in place; no values gives the cleaned text back."""
    return "".join(b.before + text for b, text in fill_blocks(template, values, strict)) + template.end


def fill_blocks(template: Template, values: dict[str, object] | None = None, strict: bool = False) -> list[tuple[Block, str]]:
    """Each block with its text filled (its `before` not included): what a writer of other formats lays out."""
    values = dict(values or {})
    by_id = {s.id: s for s in template.slots}
    unknown = sorted(set(values) - set(by_id), key=_id_order)
    if unknown:
        raise FillError(f"unknown slot id {unknown[0]} (this template has s1..s{len(by_id)})")
    if strict:
        open_ = [s.id for s in template.slots if s.kind == "placeholder" and s.id not in values]
        if open_:
            raise FillError(f"--strict: {len(open_)} placeholder(s) left unfilled: {', '.join(open_[:10])}")
    texts = {sid: format_value(by_id[sid], v) for sid, v in values.items()}
    per_block: dict[str, dict[str, str]] = {}
    for s in template.slots:
        per_block.setdefault(s.block, {})[s.id] = texts.get(s.id, s.raw)
    return [(b, render(b.template, per_block.get(b.id, {}))) for b in template.blocks]


def _id_order(slot_id: str) -> tuple[int, str]:
    digits = slot_id[1:]
    return (int(digits), slot_id) if digits.isdigit() else (1 << 60, slot_id)


def format_value(slot: Slot, value: object) -> str:
    """`value` written the way the slot's original was written; FillError when it does not fit the slot."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise FillError(f"slot {slot.id}: value {value!r} is not text or a number")
    if slot.kind == "placeholder":
        return str(value)
    number = parse_number(value) if isinstance(value, str) else value
    if number is None:
        raise FillError(f"slot {slot.id} is a {slot.kind} and needs a number, not {value!r}")
    if number < 0:
        raise FillError(f"slot {slot.id}: a {slot.kind} cannot be negative ({value!r})")
    style = slot.style or "arabic"
    if style.startswith("chinese") and float(number) != int(number):
        raise FillError(f"slot {slot.id} is written in Chinese numerals and takes a whole number, not {value!r}")
    return format_number(number, style, liang=slot.kind == "count" and style == "chinese" and (slot.raw == "两" or bool(slot.unit)))


def parse_assignment(text: str) -> tuple[str, object]:
    """`s1=12` from the command line: numbers become numbers, anything else stays text."""
    key, sep, raw = text.partition("=")
    if not sep or not key.strip():
        raise FillError(f"--set expects ID=VALUE, got {text!r}")
    number = parse_number(raw.strip()) if raw.strip() else None
    return key.strip(), number if number is not None and raw.strip().isascii() else raw


__all__ = ["SLOT_KINDS", "TemplateError", "FillError", "fill", "from_dict", "from_json", "schema", "schema_text", "validate"]
