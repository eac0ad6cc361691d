"""The typed data that crosses pipeline stages: lines, removals, blocks, slots, sections.

Every stage reads and writes these; none of them knows how another stage works.
"""
from __future__ import annotations

import json
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


@dataclass(frozen=True)
class Source:
    name: str
    sha256: str
    encoding: str
    bom: bool = False
    format: str = "txt"  # txt | docx | pdf


@dataclass(frozen=True)
class Removal:
    """A piece of noise taken out of the input; `start`/`end` set when only part of a line went."""

    line: int
    text: str
    reason: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Piece:
    """A run of the cleaned text with the input line it came from.

    `text` holds no line terminator; `newline` holds the terminator that followed it.
    """

    line: int
    text: str
    newline: str


@dataclass(frozen=True)
class CleanText:
    pieces: tuple[Piece, ...]
    removed: tuple[Removal, ...]

    @property
    def text(self) -> str:
        return "".join(p.text + p.newline for p in self.pieces)


@dataclass
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


@dataclass
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


@dataclass
class Section:
    type: str
    confidence: float
    blocks: list[Block] = field(default_factory=list)


@dataclass
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
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


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
