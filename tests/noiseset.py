"""A noisy test set: corpus documents wrapped in site noise, with the exact noise known, and its scoring.

Noise pieces are lines of category, place and text, written apart from the rules by category, with
traditional-character and half-width variants. Up to 120 documents of corpus/ whose gold holds no noise,
spread over the corpus, are wrapped: header lines above the title, page markers and inline cuts between and inside
paragraphs, footer lines at the end. Ten piece sets, each written by its own hand apart from
the rules. Each new set was measured once while neither the rules nor the noise-line model had seen it,
then its misses were read and it joined the training pieces in corpus/noise/:
`dev` and `second` (even and odd lines of pieces-dev.tsv; the rules were written against dev),
`fresh` (first measured at 0.897), `held` (0.898, and 43 characters of content lost: a whole-line
rule took a sentence with its advert), `fourth` (0.890 by the rules, 0.940 with the noise-line model),
`fifth` (0.900), `sixth` (0.875, and 8 characters lost: a sentence cut ran past its advert),
`seventh` (real pages' kinds: collection headlines, site intros, terms, furniture; 0.550 and 137
characters lost). `unseen` (tests/data/noise_pieces_unseen4.tsv) and `unseen5` (real pages' kinds,
first measured at 0.770) are neither trained on nor read (of unseen5 only its losses were read):
their figures are the honest ones.
"""
from __future__ import annotations

import random
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import summaryparse
from summaryparse.labelled import load_corpus

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
PIECES = ROOT / "corpus" / "noise"
SETS = {
    "dev": (PIECES / "pieces-dev.tsv", 0),
    "second": (PIECES / "pieces-dev.tsv", 1),
    "fresh": (PIECES / "pieces-fresh.tsv", None),
    "held": (PIECES / "pieces-held.tsv", None),
    "fourth": (PIECES / "pieces-fourth.tsv", None),
    "fifth": (PIECES / "pieces-fifth.tsv", None),
    "sixth": (PIECES / "pieces-sixth.tsv", None),
    "seventh": (PIECES / "pieces-seventh.tsv", None),
    "unseen": (DATA / "noise_pieces_unseen4.tsv", None),
    "unseen5": (DATA / "noise_pieces_unseen5.tsv", None),
}
MAX_DOCUMENTS = 120  # corpus documents wrapped per set, spread over the corpus: enough to measure, quick to run
HEADER = ("subscribe", "group", "warning", "breadcrumb", "chrome", "meta", "editor", "collection", "url")
MIDDLE = ("pages",)
FOOTER = ("copyright", "url", "pages", "chrome", "collection", "subscribe", "group", "editor")


@dataclass(frozen=True)
class Piece:
    category: str
    place: str
    text: str


@dataclass
class NoisyDocument:
    name: str
    text: str
    noise: list[tuple[int, int]]  # character spans of inserted noise


def load_pieces(name: str) -> list[Piece]:
    file, parity = SETS[name]
    lines = file.read_text(encoding="utf-8").splitlines()
    chosen = [line for i, line in enumerate(lines) if parity is None or i % 2 == parity]
    return [Piece(*line.split("\t")) for line in chosen if line.count("\t") == 2]


def _base(category: str) -> str:
    return category.split("-")[0]


def documents(name: str, seed: int = 7) -> list[NoisyDocument]:
    pieces = load_pieces(name)
    lines_of = {c: [p for p in pieces if _base(p.category) == c and p.place == "line"] for c in set(map(_base, (p.category for p in pieces)))}
    inline = [p for p in pieces if p.place == "inline"]
    rng = random.Random(seed)
    clean = [doc for doc in load_corpus(ROOT / "corpus") if "noise" not in doc.labels and doc.text.count("\n") >= 5]
    stride = max(1, round(len(clean) / MAX_DOCUMENTS))
    return [_wrap(doc.name, doc.text, lines_of, inline, rng) for doc in clean[::stride]]


def _wrap(name, text, lines_of, inline, rng) -> NoisyDocument:
    parts: list[tuple[str, bool]] = []  # (text, is_noise)
    for category in rng.sample(HEADER, rng.randint(1, 4)):
        if lines_of.get(category):
            parts += [(rng.choice(lines_of[category]).text, True), ("\n", False)]
    body = text.split("\n")
    for i, line in enumerate(body):
        if i and i % 9 == 0 and lines_of.get("pages"):
            parts += [(rng.choice(lines_of["pages"]).text, True), ("\n", False)]
        cut_at = line.find("。")
        if inline and i % 5 == 3 and 0 < cut_at < len(line) - 1:
            parts += [(line[: cut_at + 1], False), (rng.choice(inline).text, True), (line[cut_at + 1 :], False)]
        else:
            parts.append((line, False))
        parts.append(("\n", False))
    for category in rng.sample(FOOTER, rng.randint(1, 3)):
        if lines_of.get(category):
            parts += [(rng.choice(lines_of[category]).text, True), ("\n", False)]
    noisy, spans, position = [], [], 0
    for piece, is_noise in parts:
        if is_noise:
            spans.append((position, position + len(piece)))
        noisy.append(piece)
        position += len(piece)
    return NoisyDocument(name, "".join(noisy), spans)


@dataclass
class NoiseScores:
    noise_chars: int = 0
    removed_noise: int = 0
    removed_content: int = 0
    removed_total: int = 0

    def summary(self) -> dict:
        return {
            "noise_recall": round(self.removed_noise / self.noise_chars, 4) if self.noise_chars else 1.0,
            "noise_precision": round(self.removed_noise / self.removed_total, 4) if self.removed_total else 1.0,
            "content_chars_lost": self.removed_content,
        }


def removed_mask(text: str) -> list[bool]:
    """Which characters of `text` extraction takes out (the rules, then the model's sure cases)."""
    starts = [0]
    for i, c in enumerate(text):
        if c == "\n":
            starts.append(i + 1)
    mask = [False] * len(text)
    for r in summaryparse.extract(text).removed:
        base = starts[r.line - 1]
        begin, end = (base + r.start, base + r.end) if r.start is not None else (base, base + len(r.text))
        mask[begin:end] = [True] * (end - begin)
    return mask


def score(docs: list[NoisyDocument], misses: list | None = None) -> NoiseScores:
    s = NoiseScores()
    with ProcessPoolExecutor() as pool:  # the documents are independent: use every core
        masks = list(pool.map(removed_mask, [d.text for d in docs], chunksize=8))
    for d, mask in zip(docs, masks):
        noise = [False] * len(d.text)
        for a, b in d.noise:
            noise[a:b] = [True] * (b - a)
        for ch, gone, is_noise in zip(d.text, mask, noise):
            if ch.isspace():
                continue
            s.noise_chars += is_noise
            s.removed_noise += gone and is_noise
            s.removed_content += gone and not is_noise
            s.removed_total += gone
        if misses is not None:
            misses.extend((d.name, d.text[a:b]) for a, b in d.noise if not all(mask[a:b]))
            misses.extend((d.name, "LOST " + d.text[i : i + 30]) for i in range(len(d.text)) if mask[i] and not noise[i] and not d.text[i].isspace() and (i == 0 or not mask[i - 1]))
    return s
