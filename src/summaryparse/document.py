"""The typed data that crosses pipeline stages: lines, removals, blocks, slots, sections.

Every stage reads and writes these; none of them knows how another stage works.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field

SCHEMA_ID = "summaryparse.template/1"

SECTION_LABELS = (
    "title",
    "preamble",
    "achievements",
    "problems",
    "experience",
    "plans",
    "closing",
    "signature",
)

NOISE_LABEL = "noise"

SLOT_KINDS = ("placeholder", "count", "quantity", "date")


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    sha256: str
    encoding: str
    bom: bool = False
    format: str = "txt"  # txt | docx | pdf


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of noise taken out of the input; `start`/`end` set when only part of a line went."""

    line: int
    text: str
    reason: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of the cleaned text with the input line it came from.

    `text` holds no line terminator; `newline` holds the terminator that followed it.
    """

    line: int
    text: str
    newline: str


@dataclass(frozen=True, slots=True)
class CleanText:
    pieces: tuple[Piece, ...]
    removed: tuple[Removal, ...]

    @property
    def text(self) -> str:
        return "".join(p.text + p.newline for p in self.pieces)


@dataclass(slots=True)
class Block:
    id: str
    kind: str  # title | heading | paragraph
    level: int | None
    marker: str | None
    before: str
    text: str
    line: int
    style: str | None = None  # the marker style, e.g. "cn_dun" for 一、; what the level was inferred from
    template: str = ""
    section: str | None = None
    confidence: float | None = None
    noise: float | None = None  # the section model's probability that this block is site noise


@dataclass(slots=True)
class Slot:
    id: str
    block: str
    span: tuple[int, int]
    raw: str
    kind: str
    value: float | int | str | None
    unit: str | None
    label: str | None
    style: str | None = None  # how the number is written: arabic, fullwidth, chinese, placeholder


@dataclass(slots=True)
class Section:
    type: str
    confidence: float
    blocks: list[Block] = field(default_factory=list)


@dataclass(slots=True)
class Template:
    source: Source
    title: str | None
    removed: list[Removal]
    sections: list[Section]
    slots: list[Slot]
    end: str = ""  # whitespace after the last block, so that fill gives the cleaned text back exactly

    @property
    def blocks(self) -> list[Block]:
        return [b for s in self.sections for b in s.blocks]

    def text(self) -> str:
        """The cleaned document: `before + text` of every block, then `end`."""
        return "".join(b.before + b.text for b in self.blocks) + self.end

    def to_dict(self) -> dict:
        """The JSON object of SPEC part 1 (schema `summaryparse.template/1`)."""
        return {
            "schema": SCHEMA_ID,
            "source": asdict(self.source),
            "title": self.title,
            "removed": [_removal_dict(r) for r in self.removed],
            "sections": [
                {"type": s.type, "confidence": round(s.confidence, 4), "blocks": [_block_dict(b) for b in s.blocks]}
                for s in self.sections
            ],
            "slots": [_slot_dict(s) for s in self.slots],
            "end": self.end,
        }

    def to_json(self, indent: int | None = 1) -> str:
        """The text of `json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)`, written block by block
        and joined once: a 10 MB report has 60,000 blocks and 100,000 slots, and their dict tree with the
        encoder's pieces, held at once, cost more than the whole extraction."""
        sections = (
            _Object([("type", s.type), ("confidence", round(s.confidence, 4)), ("blocks", _Array(_block_dict(b) for b in s.blocks))])
            for s in self.sections
        )
        document = _Object(
            [
                ("schema", SCHEMA_ID),
                ("source", asdict(self.source)),
                ("title", self.title),
                ("removed", _Array(_removal_dict(r) for r in self.removed)),
                ("sections", _Array(sections)),
                ("slots", _Array(_slot_dict(s) for s in self.slots)),
                ("end", self.end),
            ]
        )
        return "".join(_json_pieces(document, indent, 0))


@dataclass(frozen=True, slots=True)
class _Array:
    """A JSON array whose elements are made as they are written."""

    items: Iterable


@dataclass(frozen=True, slots=True)
class _Object:
    fields: list[tuple[str, object]]


def _json_pieces(value: object, indent: int | None, depth: int) -> Iterator[str]:
    if isinstance(value, _Object):
        members = ((json.dumps(key, ensure_ascii=False) + ": ", field) for key, field in value.fields)
        yield from _container("{", "}", members, indent, depth)
    elif isinstance(value, _Array):
        yield from _container("[", "]", (("", item) for item in value.items), indent, depth)
    else:
        text = json.dumps(value, ensure_ascii=False, indent=indent)
        yield text if indent is None else text.replace("\n", "\n" + " " * (indent * depth))  # JSON strings hold no raw line break


def _container(opening: str, closing: str, members: Iterator[tuple[str, object]], indent: int | None, depth: int) -> Iterator[str]:
    separator = ", " if indent is None else ",\n" + " " * (indent * (depth + 1))
    first = "" if indent is None else "\n" + " " * (indent * (depth + 1))
    last = "" if indent is None else "\n" + " " * (indent * depth)
    empty = True
    for prefix, member in members:
        yield (opening + first if empty else separator) + prefix
        yield from _json_pieces(member, indent, depth + 1)
        empty = False
    yield opening + closing if empty else last + closing


def _removal_dict(r: Removal) -> dict:
    d = {"line": r.line, "text": r.text, "reason": r.reason}
    if r.start is not None:
        d["start"], d["end"] = r.start, r.end
    return d


def _block_dict(b: Block) -> dict:
    return {
        "id": b.id,
        "kind": b.kind,
        "level": b.level,
        "marker": b.marker,
        "before": b.before,
        "text": b.text,
        "template": b.template,
        "line": b.line,
        "confidence": None if b.confidence is None else round(b.confidence, 4),
    }


def _slot_dict(s: Slot) -> dict:
    return {
        "id": s.id,
        "block": s.block,
        "span": list(s.span),
        "raw": s.raw,
        "kind": s.kind,
        "value": s.value,
        "unit": s.unit,
        "label": s.label,
        "style": s.style,
    }
