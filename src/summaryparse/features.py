"""What the models see: the section model a block (its words, its heading context, its place), the
noise-line model a line (its characters and their shapes).

Features are strings hashed into a fixed number of buckets (crc32, stable across runs and
machines), so that training and serving compute exactly the same vector without a vocabulary.
"""
from __future__ import annotations

import math
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from . import rules
from .document import Block
from .words import cut

FEATURES_VERSION = 4
LINE_FEATURES_VERSION = 2  # of line_vector, the noise-line model's features
DIMENSION = 1 << 15
HEAD_CHARS = 60  # the topic sentence of a paragraph carries its section
WORD_CHARS = 80
NUMBERS = regex.compile(r"[\d０-９]+(?:[.．,][\d０-９]+)*|[XxＸ×＊*○□_＿]{1,8}")
# Some mirrors print a character's pinyin after it, 關(guān)于: the gloss breaks the words the model knows.
PINYIN_GLOSS = regex.compile(r"[(（](?=[^)）]{0,7}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]")
CUES = tuple((c.name, regex.compile(c.pattern)) for c in rules.SECTION_CUES)


@dataclass(frozen=True)
class BlockView:
    """A block as the model sees it: its own text and the headings it stands under."""

    kind: str
    level: int | None
    style: str | None
    text: str
    top_heading: str
    parent_heading: str
    index: int
    count: int
    previous_kind: str
    next_kind: str
    paragraphs_after: int  # paragraphs between this block and the end of the document


def normalise(text: str) -> str:
    """Simplified characters, numbers and placeholders as 0, a mirror's pinyin glosses gone: what carries beyond one document."""
    return NUMBERS.sub("0", PINYIN_GLOSS.sub("", text).translate(rules.TRADITIONAL_TO_SIMPLIFIED))


def views(blocks: list[Block]) -> list[BlockView]:
    out = []
    stack: list[tuple[int, str]] = []  # (level, normalised heading text) of the open headings
    kinds = ["start"] + [b.kind for b in blocks] + ["end"]
    paragraphs_after = _paragraphs_after(blocks)
    for i, b in enumerate(blocks):
        if b.kind == "heading" and b.level is not None:
            stack = [h for h in stack if h[0] < b.level]
        top = stack[0][1] if stack else ""
        parent = stack[-1][1] if stack else ""
        text = normalise(b.text[len(b.marker or "") :] if b.marker and b.text.startswith(b.marker) else b.text)
        out.append(BlockView(b.kind, b.level, b.style, text, top, parent, i, len(blocks), kinds[i], kinds[i + 2], paragraphs_after[i]))
        if b.kind == "heading" and b.level is not None:
            stack.append((b.level, text))
    return out


def _paragraphs_after(blocks: list[Block]) -> list[int]:
    counts, seen = [], 0
    for b in reversed(blocks):
        counts.append(seen)
        seen += b.kind == "paragraph"
    return counts[::-1]


def block_features(view: BlockView) -> dict[str, float]:
    """Named features with values; groups are scaled so that a long paragraph does not drown its context."""
    feats: dict[str, float] = {}
    _group(feats, _shape(view), 1.0)
    head = view.text[:HEAD_CHARS]
    _group(feats, ["c:" + g for g in _ngrams(head, 1, 3)], 1.0)
    _group(feats, ["b:" + g for g in _ngrams(view.text, 2, 2)], 0.7)
    _group(feats, ["w:" + w for w in _words(view.text[:WORD_CHARS])], 0.8)
    _group(feats, ["cue:" + n for n, p in CUES if p.search(view.text)], 1.0)
    _group(feats, ["cue0:" + n for n, p in CUES if p.search(view.text[:20])], 1.0)
    _group(feats, ["first:" + g for g in _ngrams(_first_sentence(view.text), 2, 2)], 0.6)
    _group(feats, ["top:" + g for g in _ngrams(view.top_heading[:30], 2, 2)], 0.8)
    _group(feats, ["topcue:" + n for n, p in CUES if p.search(view.top_heading)], 1.0)
    _group(feats, ["par:" + g for g in _ngrams(view.parent_heading[:30], 2, 2)], 0.5)
    return feats


def _shape(view: BlockView) -> list[str]:
    relative = view.index / max(1, view.count - 1)
    from_end = view.count - 1 - view.index
    length = len(view.text)
    return [
        f"kind:{view.kind}",
        f"level:{view.level}",
        f"style:{view.style}",
        f"pos:{int(relative * 10)}",
        f"from_end:{min(from_end, 6)}",
        f"from_start:{min(view.index, 6)}",
        f"len:{min(int(math.log2(length + 1)), 12)}",
        f"kind_from_end:{view.kind}:{min(from_end, 3)}",
        f"has_top:{bool(view.top_heading)}",
        f"ends:{view.text[-1:] if view.text else ''}",
        f"previous:{view.previous_kind}",
        f"next:{view.next_kind}",
        f"paragraphs_after:{min(view.paragraphs_after, 4)}",
        f"kind_paragraphs_after:{view.kind}:{min(view.paragraphs_after, 3)}",
        f"sentences:{min(view.text.count('。'), 5)}",
    ]


def _first_sentence(text: str) -> str:
    end = min((i for i in (text.find(c) for c in "。；！？") if i >= 0), default=len(text))
    return text[: min(end, 40)]


def _group(feats: dict[str, float], names: list[str], weight: float) -> None:
    unique = set(names)
    if not unique:
        return
    value = weight / math.sqrt(len(unique))
    for name in unique:
        feats[name] = feats.get(name, 0.0) + value


def _ngrams(text: str, low: int, high: int) -> list[str]:
    chars = "".join(text.split())
    return [chars[i : i + n] for n in range(low, high + 1) for i in range(len(chars) - n + 1)]


def _words(text: str) -> list[str]:
    return [w for w in cut(text) if len(w) > 1 and not w.isspace()]


def hashed(feats: dict[str, float]) -> dict[int, float]:
    """Feature names to bucket indices, summing what collides."""
    out: dict[int, float] = {}
    for name, value in feats.items():
        index = _BUCKETS.get(name)
        if index is None:
            index = _bucket(name)
        out[index] = out.get(index, 0.0) + value
    return out


_BUCKETS: dict[str, int] = {}  # names recur across blocks and documents: hash each once per process
BUCKET_CACHE_MAX = 1 << 18  # about 25 MB at most; cleared, not grown, beyond it


def _bucket(name: str) -> int:
    if len(_BUCKETS) >= BUCKET_CACHE_MAX:
        _BUCKETS.clear()
    index = _BUCKETS[name] = zlib.crc32(name.encode("utf-8")) % DIMENSION
    return index


def document_vectors(blocks: list[Block]) -> Iterator[dict[int, float]]:
    """Each block's vector in turn: a caller that scores as it goes holds one at a time (a 10 MB report has 60,000)."""
    return (hashed(block_features(v)) for v in views(blocks))


def line_vector(line: str) -> dict[int, float]:
    """What the noise-line model sees of a line: short runs of its characters and of their shapes, its edges
    and its length; no words, so that a site's new wording still shares its pieces with known noise."""
    text = normalise(line.strip())
    shape = "".join(_shape_of(c) for c in text if not c.isspace())
    feats: dict[str, float] = {}
    _group(feats, ["c:" + g for g in _ngrams(text, 1, 3)], 1.0)
    _group(feats, ["s:" + shape[i : i + 3] for i in range(max(1, len(shape) - 2))], 1.0)
    _group(feats, [f"len:{min(int(math.log2(len(text) + 1)), 8)}", f"first:{text[:1]}", f"last:{text[-1:]}"], 1.0)
    return hashed(feats)


def _shape_of(char: str) -> str:
    if char.isdigit():
        return "d"
    if char.isascii() and char.isalpha():
        return "a"
    return "h" if char.isalnum() else "p"
