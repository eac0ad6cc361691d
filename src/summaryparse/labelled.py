"""The labelled corpus: each document NAME.txt beside NAME.gold.json (the gold format of ../shared/tools).

The gold file anchors labelled segments, headings and slots in the exact text by a short
piece of the text where each starts; this module resolves the anchors into character labels,
heading positions and slot positions, and refuses a file whose anchors do not resolve.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import regex

GOLD_LABELS = ("title", "preamble", "achievements", "problems", "experience", "plans", "closing", "signature", "noise")


class GoldError(ValueError):
    pass


@dataclass
class GoldSlot:
    start: int
    raw: str
    kind: str | None
    value: object
    optional: bool


@dataclass
class LabelledDocument:
    name: str
    text: str
    labels: list[str | None]  # one per character
    headings: dict[int, int]  # character offset → level
    slots: list[GoldSlot]
    meta: dict = field(default_factory=dict)

    @property
    def trade(self) -> str:
        return self.meta.get("trade", "unknown")


def find_nth(text: str, needle: str, occurrence: int = 1, start: int = 0) -> int:
    position = start - 1
    for _ in range(occurrence):
        position = text.find(needle, position + 1)
        if position < 0:
            return -1
    return position


def resolve(gold: dict, text: str) -> tuple[list[str | None], dict[int, int], list[GoldSlot]]:
    errors: list[str] = []
    starts: list[tuple[int, str]] = []
    cursor = 0
    for seg in gold.get("segments", []):
        if seg.get("label") not in GOLD_LABELS:
            errors.append(f"bad label {seg.get('label')!r}")
            continue
        position = find_nth(text, seg["starts_with"], seg.get("occurrence", 1), 0 if "occurrence" in seg else cursor)
        if position < 0 or position < cursor:
            errors.append(f"segment anchor not found in order: {seg['starts_with']!r}")
            continue
        starts.append((position, seg["label"]))
        cursor = position
    labels: list[str | None] = [None] * len(text)
    for i, (position, label) in enumerate(starts):
        begin = 0 if i == 0 else position
        end = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        labels[begin:end] = [label] * (end - begin)
    headings = {}
    for h in gold.get("headings", []):
        position = find_nth(text, h["starts_with"], h.get("occurrence", 1))
        if position < 0:
            errors.append(f"heading anchor not found: {h['starts_with']!r}")
        else:
            headings[position] = h["level"]
    slots = []
    for s in gold.get("slots") or []:  # "slots": null marks a document annotated for sections and headings only
        context = find_nth(text, s["context"], s.get("occurrence", 1))
        inner = find_nth(s["context"], s["raw"], s.get("raw_occurrence", 1))
        if context < 0 or inner < 0:
            errors.append(f"slot not found: {s['raw']!r} in {s['context']!r}")
            continue
        slots.append(GoldSlot(context + inner, s["raw"], s.get("kind"), s.get("value"), bool(s.get("optional"))))
    if errors:
        raise GoldError("; ".join(errors))
    return labels, headings, slots


def load_document(text_path: Path) -> LabelledDocument:
    gold_path = text_path.with_name(text_path.name[: -len(".txt")] + ".gold.json")
    text = text_path.read_text(encoding="utf-8")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    try:
        labels, headings, slots = resolve(gold, text)
    except GoldError as e:
        raise GoldError(f"{gold_path.name}: {e}") from None
    meta = {k: v for k, v in gold.items() if k not in ("segments", "headings", "slots")}
    return LabelledDocument(text_path.stem, text, labels, headings, slots, meta)


def load_corpus(directory: str | Path) -> list[LabelledDocument]:
    """Every labelled document of a folder, in name order."""
    paths = sorted(p for p in Path(directory).glob("*.txt") if p.with_name(p.stem + ".gold.json").exists())
    return [load_document(p) for p in paths]


def locate(text: str, pieces: list[str]) -> list[int | None]:
    """Offsets of consecutive pieces of `text` (block texts), searched in order."""
    out: list[int | None] = []
    cursor = 0
    for piece in pieces:
        position = text.find(piece, cursor) if piece else -1
        out.append(None if position < 0 else position)
        if position >= 0:
            cursor = position + len(piece)
    return out


def majority_label(labels: list[str | None], start: int, text: str) -> str | None:
    counts: dict[str, int] = {}
    for offset, label in enumerate(labels[start : start + len(text)]):
        if label is not None and not text[offset].isspace():
            counts[label] = counts.get(label, 0) + 1
    return max(counts, key=counts.get) if counts else None


# ---------------------------------------------------------------- variants: what real text does to a report
def window(doc: LabelledDocument, first_line: int, last_line: int) -> LabelledDocument:
    """Lines first_line..last_line (0-based, inclusive) of a document: an excerpt that starts and stops anywhere."""
    starts = [0] + [i + 1 for i, c in enumerate(doc.text) if c == "\n"]
    begin = starts[first_line]
    end = starts[last_line + 1] if last_line + 1 < len(starts) else len(doc.text)
    return _edited(doc, f"{doc.name}#lines{first_line}-{last_line}", list(range(begin, end)))


def without_markers(doc: LabelledDocument, markers: regex.Pattern) -> LabelledDocument:
    """The document with its headings' numbering markers taken out: a block must be known by what it says."""
    dropped: set[int] = set()
    for position in doc.headings:
        m = markers.match(doc.text, position)
        if m:
            dropped.update(range(m.start(), m.end()))
    return _edited(doc, f"{doc.name}#unnumbered", [i for i in range(len(doc.text)) if i not in dropped])


def joined_lines(doc: LabelledDocument) -> LabelledDocument:
    """The document with its line breaks gone: a report copied as one run-together line."""
    return _edited(doc, f"{doc.name}#joined", [i for i, c in enumerate(doc.text) if c not in "\r\n"])


def in_traditional(doc: LabelledDocument, simplified_to_traditional: dict[int, int]) -> LabelledDocument:
    """The document in traditional characters (one for one, so every label stays in place)."""
    return LabelledDocument(f"{doc.name}#traditional", doc.text.translate(simplified_to_traditional), doc.labels, doc.headings, doc.slots, doc.meta)


def _edited(doc: LabelledDocument, name: str, kept: list[int]) -> LabelledDocument:
    """The document reduced to the characters at `kept` (in order), its labels and headings following them."""
    new_offset = {old: new for new, old in enumerate(kept)}
    headings = {new_offset[o]: level for o, level in doc.headings.items() if o in new_offset}
    slots = [GoldSlot(new_offset[s.start], s.raw, s.kind, s.value, s.optional) for s in doc.slots if s.start in new_offset and s.start + len(s.raw) - 1 in new_offset]
    return LabelledDocument(name, "".join(doc.text[i] for i in kept), [doc.labels[i] for i in kept], headings, slots, doc.meta)
