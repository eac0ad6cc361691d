"""The labelled slot sentences of tests/data/slot_sentences.txt and their scoring.

Each line is a sentence with its slots marked inline as ⟦raw|kind|value|unit|label⟧.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import regex

from summaryparse.slots import find_in_text, find_label

DATA = Path(__file__).parent / "data" / "slot_sentences.txt"
MARK = regex.compile(r"⟦([^⟧|]*)\|([^⟧|]*)\|([^⟧|]*)\|([^⟧|]*)\|([^⟧|]*)⟧")


@dataclass(frozen=True)
class GoldSlot:
    start: int
    raw: str
    kind: str
    value: float | None
    unit: str
    label: str


def parse_line(line: str) -> tuple[str, list[GoldSlot]]:
    text, slots, position = [], [], 0
    offset = 0
    for m in MARK.finditer(line):
        text.append(line[position : m.start()])
        offset += m.start() - position
        raw, kind, value, unit, label = m.groups()
        slots.append(GoldSlot(offset, raw, kind, float(value) if value else None, unit, label))
        text.append(raw)
        offset += len(raw)
        position = m.end()
    text.append(line[position:])
    return "".join(text), slots


def load() -> list[tuple[str, list[GoldSlot]]]:
    return [parse_line(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


@dataclass
class SlotScores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    kind_right: int = 0
    value_total: int = 0
    value_right: int = 0
    unit_right: int = 0
    label_right: int = 0
    label_total: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def summary(self) -> dict:
        return {
            "slots": self.tp + self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "kind_accuracy": round(self.kind_right / self.tp, 4) if self.tp else 0,
            "value_accuracy": round(self.value_right / self.value_total, 4) if self.value_total else 0,
            "unit_accuracy": round(self.unit_right / self.tp, 4) if self.tp else 0,
            "label_accuracy": round(self.label_right / self.label_total, 4) if self.label_total else 0,
        }


def score(lines, errors: list | None = None) -> SlotScores:
    s = SlotScores()
    for text, gold in lines:
        found = {(f.start, text[f.start : f.end]): f for f in find_in_text(text)}
        expected = {(g.start, g.raw): g for g in gold}
        for key, f in found.items():
            g = expected.get(key)
            if g is None:
                s.fp += 1
                _note(errors, "FP", text, key)
                continue
            s.tp += 1
            s.kind_right += f.kind == g.kind
            s.unit_right += (f.unit or "") == g.unit
            if g.value is not None and f.kind != "placeholder":
                s.value_total += 1
                s.value_right += f.value is not None and abs(float(f.value) - g.value) < 1e-9
            if g.label:
                s.label_total += 1
                s.label_right += find_label(text, f) == g.label
            if f.kind != g.kind:
                _note(errors, f"KIND {f.kind}/{g.kind}", text, key)
        for key in expected.keys() - found.keys():
            s.fn += 1
            _note(errors, "FN", text, key)
    return s


def _note(errors, what, text, key):
    if errors is not None:
        start, raw = key
        errors.append(f"{what} {raw!r} in {text[max(0, start - 10):start + len(raw) + 8]!r}")
