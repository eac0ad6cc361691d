"""Corpus → section model, and its evaluation. The only module that imports scikit-learn.

Blocks come from the same reading, cleaning and segmenting stages that extraction uses; each
block takes the gold label that covers most of its characters. Blocks the gold calls noise are
left out of the section model (the cleaner's job).
"""
from __future__ import annotations

import math
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import regex

from .cleaning import clean
from .document import NOISE_LABEL, SECTION_LABELS, Block
from .features import DIMENSION, FEATURES_VERSION, LINE_FEATURES_VERSION, document_vectors, line_vector
from . import rules
from .labelled import LabelledDocument, in_traditional, joined_lines, load_corpus, locate, majority_label, window, without_markers
from .model_file import FORMAT, NOISE_FORMAT, LinearModel, SectionModel, dumps, encode_array, from_document
from .sections import SUBTREE_EXITS, inside_top_heading, label_blocks
from .segmenting import segment

REGULARISATION = 8.0  # C of the logistic regression; chosen by grouped cross-validation on the corpus (4, 8, 16 tried; again at 394 documents: grouped macro-F1 0.952, 0.958, 0.955)
SOLVER_TOLERANCE = 1e-4  # stops lbfgs after about 50 iterations instead of 130 (1e-6): 5 s of training, not 14
TRANSITION_WEIGHT = 0.3  # weight of section-order log-probabilities against block scores (0.2 to 1.0 tried)
SMOOTHING = 0.5  # add-k on transition counts: unusual orders stay possible
MODEL_LABELS = SECTION_LABELS + (NOISE_LABEL,)  # noise is learnt too: the model's second opinion after the rules
NOISE_PIECES = "noise"  # CORPUS/noise/*.tsv: site-noise pieces (category, place, text) written apart from the documents
NOISE_LINE_LABELS = ("content", NOISE_LABEL)
NOISE_REGULARISATION = 4.0  # C of the noise-line model (unseen pieces: recall 0.95 at 0.8 certainty, no report line above it)
SECTIONS_FILE, NOISE_FILE = "sections.json", "noise-lines.json"
# Report lines are also shown cut into clauses: short report text (走访1508户) must not look like noise for being short.
CLAUSE_BREAK = re.compile(r"[，。；：！？,;:!?]")
CLAUSE_MIN = 4
# Real text is excerpts, unnumbered or run together, in either script: every corpus document is also learnt as
# random windows of its lines and in one altered form, so that a block is known by what it says.
FRAGMENTS_PER_DOCUMENT = 2
FRAGMENT_SEED = 20261204
EVALUATION_WINDOWS = 3  # excerpts of each held-out document scored by the fragments evaluation
EVALUATION_SEED = 7
HEADING_MARKERS = regex.compile(r"[#*\s]*(?:" + "|".join(f"(?:{s.pattern})" for s in rules.HEADING_STYLES) + ")")
SIMPLIFIED_TO_TRADITIONAL = str.maketrans(rules.TRADITIONAL_PAIRS[1::2], rules.TRADITIONAL_PAIRS[0::2])


@dataclass
class DocumentBlocks:
    doc: LabelledDocument
    blocks: list[Block]
    gold: list[str | None]  # per block; None where the gold has noise or nothing
    offsets: list[int | None]
    noise_vectors: list[dict[int, float]] = field(default_factory=list)  # the document's noise lines, seen in place


def document_blocks(doc: LabelledDocument) -> DocumentBlocks:
    """Blocks as extraction sees them (noise taken out) with gold sections, and the noise lines' own features."""
    blocks, _ = segment(clean(doc.text))
    offsets = locate(doc.text, [b.text for b in blocks])
    gold = [_gold(doc, b, offset) for b, offset in zip(blocks, offsets)]
    return DocumentBlocks(doc, blocks, [g if g in SECTION_LABELS else None for g in gold], offsets, _noise_vectors(doc))


def _gold(doc: LabelledDocument, block: Block, offset: int | None) -> str | None:
    return None if offset is None else majority_label(doc.labels, offset, block.text)


def _noise_vectors(doc: LabelledDocument) -> list[dict[int, float]]:
    """Features of the gold noise lines within the whole, uncleaned document, so the model learns noise in context."""
    blocks, _ = segment(clean(doc.text, keep_noise=True))
    offsets = locate(doc.text, [b.text for b in blocks])
    return [v for v, b, o in zip(document_vectors(blocks), blocks, offsets) if _gold(doc, b, o) == NOISE_LABEL]


def variants(doc: LabelledDocument, rng: random.Random) -> list[LabelledDocument]:
    """What real text does to a corpus document: windows that start and stop anywhere, and one altered whole."""
    out = [random_window(doc, rng) for _ in range(FRAGMENTS_PER_DOCUMENT)]
    alter = rng.choice((lambda d: without_markers(d, HEADING_MARKERS), joined_lines, lambda d: in_traditional(d, SIMPLIFIED_TO_TRADITIONAL)))
    return out + [alter(doc)]


def random_window(doc: LabelledDocument, rng: random.Random) -> LabelledDocument:
    """A run of whole lines that starts and stops anywhere in the document."""
    lines = doc.text.count("\n") + 1
    first = rng.randrange(lines)
    return window(doc, first, rng.randrange(first, lines))


def training_set(labelled: list[LabelledDocument], docs: list[DocumentBlocks]) -> list[DocumentBlocks]:
    """What the shipped section model learns from: the corpus documents and their variants."""
    return docs + [v for group in corpus_variants(labelled) for v in group]


def corpus_variants(labelled: list[LabelledDocument]) -> list[list[DocumentBlocks]]:
    """Each document's variants as blocks, in corpus order, from one seeded draw (the same corpus gives the same model)."""
    rng = random.Random(FRAGMENT_SEED)
    return [[document_blocks(v) for v in variants(doc, rng)] for doc in labelled]


def dataset(docs: list[DocumentBlocks]):
    """Sparse design matrix, label indices and document groups of every labelled block."""
    from scipy.sparse import csr_matrix

    rows, cols, vals, y, groups = [], [], [], [], []
    for g, d in enumerate(docs):
        labelled = [(v, label) for v, label in zip(document_vectors(d.blocks), d.gold) if label is not None]
        for vector, label in labelled + [(v, NOISE_LABEL) for v in d.noise_vectors]:
            for index, value in vector.items():
                rows.append(len(y))
                cols.append(index)
                vals.append(value)
            y.append(MODEL_LABELS.index(label))
            groups.append(g)
    matrix = csr_matrix((vals, (rows, cols)), shape=(len(y), DIMENSION))
    return matrix, y, groups


def fit_classifier(docs: list[DocumentBlocks]):
    from sklearn.linear_model import LogisticRegression

    matrix, y, _ = dataset(docs)
    classifier = LogisticRegression(C=REGULARISATION, max_iter=3000, tol=SOLVER_TOLERANCE)
    classifier.fit(matrix, y)
    return classifier


def transition_logprobs(docs: list[DocumentBlocks]) -> tuple[list[float], list[list[float]]]:
    n = len(MODEL_LABELS)
    start = Counter()
    pairs = Counter()
    for d in docs:
        sequence = [MODEL_LABELS.index(label) for label in d.gold if label is not None]
        if sequence:
            start[sequence[0]] += 1
        pairs.update(zip(sequence, sequence[1:]))
    start_total = sum(start.values()) + SMOOTHING * n
    start_log = [math.log((start[j] + SMOOTHING) / start_total) for j in range(n)]
    rows = []
    for i in range(n):
        total = sum(pairs[(i, j)] for j in range(n)) + SMOOTHING * n
        rows.append([math.log((pairs[(i, j)] + SMOOTHING) / total) for j in range(n)])
    return start_log, rows


def subtree_logprobs(docs: list[DocumentBlocks]) -> tuple[float, float]:
    """How often a block under a top-level heading keeps the gold label of the block before it, as log-probabilities."""
    kept = changed = 0
    for d in docs:
        inside = inside_top_heading(d.blocks)
        labelled = [(flag, label) for flag, label in zip(inside, d.gold) if label is not None]
        for (_, before), (flag, label) in zip(labelled, labelled[1:]):
            if flag and label not in SUBTREE_EXITS:
                kept += label == before
                changed += label != before
    total = kept + changed + 2 * SMOOTHING
    return math.log((kept + SMOOTHING) / total), math.log((changed + SMOOTHING) / total)


def model_payload(classifier, start: list[float], transitions: list[list[float]], subtree: tuple[float, float]) -> dict:
    """The model file's content: labels in MODEL_LABELS order, weights row-major by bucket."""
    import numpy as np

    n = len(MODEL_LABELS)
    coef = np.zeros((n, DIMENSION), dtype=np.float64)
    bias = np.zeros(n, dtype=np.float64)
    for row, label_index in enumerate(classifier.classes_):
        coef[label_index] = classifier.coef_[row]
        bias[label_index] = classifier.intercept_[row]
    missing = [i for i in range(n) if i not in set(classifier.classes_)]
    bias[missing] = -30.0  # a label the corpus never showed is never predicted
    return {
        **_linear_payload(FORMAT, MODEL_LABELS, FEATURES_VERSION, coef, bias),
        "start": [round(x, 8) for x in start],
        "transitions": [[round(x, 8) for x in row] for row in transitions],
        "transition_weight": TRANSITION_WEIGHT,
        "subtree": [round(x, 8) for x in subtree],
    }


def fit_sections(docs: list[DocumentBlocks]) -> tuple[object, str]:
    """The scikit-learn classifier and the model file's text written from it."""
    classifier = fit_classifier(docs)
    start, transitions = transition_logprobs(docs)
    return classifier, dumps(model_payload(classifier, start, transitions, subtree_logprobs(docs)))


def train(docs: list[DocumentBlocks]) -> tuple[SectionModel, str]:
    import json

    _, text = fit_sections(docs)
    return from_document(json.loads(text), FEATURES_VERSION), text


def train_corpus(corpus: str | Path, out: str | Path) -> dict:
    """Both models from a labelled corpus, written into the folder `out`: the noise-line model first,
    since the cleaning it does shapes the blocks the section model learns from."""
    from .output import write_atomic

    labelled = load_corpus(corpus)
    lines, y = noise_line_examples(labelled, Path(corpus) / NOISE_PIECES)
    _, noise_text = train_noise_lines(lines, y)
    write_atomic(Path(out) / NOISE_FILE, noise_text.encode("ascii"))
    docs = [document_blocks(d) for d in labelled]
    _, text = train(training_set(labelled, docs))
    write_atomic(Path(out) / SECTIONS_FILE, text.encode("ascii"))
    return {
        "documents": len(docs),
        "blocks": sum(1 for d in docs for g in d.gold if g),
        "noise_lines": sum(y),
        "content_lines": len(y) - sum(y),
        "bytes": len(text) + len(noise_text),
    }


# ------------------------------------------------------------------ the noise-line model
def noise_line_examples(docs: list[LabelledDocument], pieces: Path) -> tuple[list[str], list[int]]:
    """Lines with 1 for noise: the written noise pieces and the corpus's own noise lines, against every report line."""
    written = [line.split("\t")[2] for path in sorted(pieces.glob("*.tsv")) for line in path.read_text(encoding="utf-8").splitlines() if line.count("\t") == 2]
    noise, content = list(written), []
    for doc in docs:
        position = 0
        for line in doc.text.split("\n"):
            labels = {label for label, ch in zip(doc.labels[position : position + len(line)], line) if not ch.isspace()}
            if labels == {NOISE_LABEL}:
                noise.append(line)
            elif labels and NOISE_LABEL not in labels:
                content += [line] + [c for c in CLAUSE_BREAK.split(line) if len(c.strip()) >= CLAUSE_MIN]
            position += len(line) + 1
    return noise + content, [1] * len(noise) + [0] * len(content)


def fit_noise_classifier(lines: list[str], y: list[int]):
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    rows, cols, vals = [], [], []
    for row, line in enumerate(lines):
        for index, value in line_vector(line).items():
            rows.append(row)
            cols.append(index)
            vals.append(value)
    matrix = csr_matrix((vals, (rows, cols)), shape=(len(lines), DIMENSION))
    return LogisticRegression(C=NOISE_REGULARISATION, max_iter=3000, tol=1e-6, class_weight="balanced").fit(matrix, y)


def noise_payload(classifier) -> dict:
    """A binary logistic regression as two labels' weights: content gets zeros, noise the learnt ones."""
    import numpy as np

    coef = np.zeros((2, DIMENSION), dtype=np.float64)
    coef[1] = classifier.coef_[0]
    return _linear_payload(NOISE_FORMAT, NOISE_LINE_LABELS, LINE_FEATURES_VERSION, coef, [0.0, float(classifier.intercept_[0])])


def _linear_payload(format: str, labels: tuple[str, ...], features_version: int, coef, bias) -> dict:
    """What every model file holds: labels, weights row-major by bucket (float32), biases."""
    import numpy as np

    return {
        "format": format,
        "labels": list(labels),
        "dimension": DIMENSION,
        "features_version": features_version,
        "weights": encode_array(coef.T.astype(np.float32).ravel().tolist()),
        "bias": [round(float(b), 8) for b in bias],
    }


def train_noise_lines(lines: list[str], y: list[int]) -> tuple[LinearModel, str]:
    import json

    text = dumps(noise_payload(fit_noise_classifier(lines, y)))
    return from_document(json.loads(text), LINE_FEATURES_VERSION, format=NOISE_FORMAT), text


# ------------------------------------------------------------------ evaluation
@dataclass
class Scores:
    confusion: dict[str, Counter]  # gold → predicted → characters
    documents: int

    def per_label(self) -> dict[str, tuple[float, float, float]]:
        out = {}
        for label in SECTION_LABELS:
            tp = self.confusion.get(label, Counter())[label]
            fn = sum(self.confusion.get(label, Counter()).values()) - tp
            fp = sum(c[label] for g, c in self.confusion.items() if g != label)
            if tp + fn == 0:
                continue
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn)
            out[label] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
        return out

    def macro_f1(self) -> float:
        scores = self.per_label()
        return sum(f for _, _, f in scores.values()) / len(scores) if scores else 0.0

    def char_accuracy(self) -> float:
        total = sum(sum(c.values()) for c in self.confusion.values())
        right = sum(c[g] for g, c in self.confusion.items())
        return right / total if total else 0.0


def score_predictions(docs: list[DocumentBlocks], confusion: dict[str, Counter]) -> None:
    """Add character counts of gold vs predicted section for every non-space content character."""
    for d in docs:
        predicted: list[str | None] = [None] * len(d.doc.text)
        for b, offset in zip(d.blocks, d.offsets):
            if offset is not None:
                predicted[offset : offset + len(b.text)] = [b.section] * len(b.text)
        for ch, gold, pred in zip(d.doc.text, d.doc.labels, predicted):
            if ch.isspace() or gold is None or gold == "noise":
                continue
            confusion.setdefault(gold, Counter())[pred or "noise"] += 1


def cross_validate(docs: list[DocumentBlocks], extra: list[list[DocumentBlocks]], folds: list[list[int]], windows: list[list[DocumentBlocks]] | None = None) -> tuple[Scores, Scores | None]:
    """Train without each fold's documents (and their variants), predict them, and, given `windows` (excerpts of
    every document), predict the held-out documents' excerpts too; folds are lists of document indices."""
    confusion: dict[str, Counter] = {}
    excerpts: dict[str, Counter] = {}
    for test in folds:
        held_out = set(test)
        model, _ = train([d for i, d in enumerate(docs) if i not in held_out] + [v for i, group in enumerate(extra) if i not in held_out for v in group])
        tested = [docs[i] for i in test]
        tested_windows = [w for i in test for w in (windows[i] if windows else [])]
        for d in tested + tested_windows:
            label_blocks(d.blocks, model)
        score_predictions(tested, confusion)
        score_predictions(tested_windows, excerpts)
    return Scores(confusion, len(docs)), (Scores(excerpts, sum(map(len, windows))) if windows else None)


def evaluation_windows(labelled: list[LabelledDocument]) -> list[list[DocumentBlocks]]:
    """Random windows of every document, drawn apart from the training variants: how excerpts fare."""
    rng = random.Random(EVALUATION_SEED)
    return [[document_blocks(random_window(doc, rng)) for _ in range(EVALUATION_WINDOWS)] for doc in labelled]


def grouped_folds(docs: list[DocumentBlocks], k: int = 5) -> list[list[int]]:
    """k folds of whole documents, spread over trades (a document is never on both sides)."""
    order = sorted(range(len(docs)), key=lambda i: (docs[i].doc.trade, docs[i].doc.name))
    return [order[f::k] for f in range(k)]


def trade_folds(docs: list[DocumentBlocks]) -> dict[str, list[int]]:
    trades: dict[str, list[int]] = {}
    for i, d in enumerate(docs):
        trades.setdefault(d.doc.trade, []).append(i)
    return trades


def evaluate_corpus(corpus: str | Path, k: int = 5, by_trade: bool = True) -> dict:
    labelled = load_corpus(corpus)
    docs = [document_blocks(d) for d in labelled]
    extra = corpus_variants(labelled)
    grouped, fragments = cross_validate(docs, extra, grouped_folds(docs, k), evaluation_windows(labelled))
    report = {"documents": len(docs), "grouped": _summary(grouped), "fragments": _summary(fragments)}
    if by_trade:
        trades = trade_folds(docs)
        report["leave_one_trade_out"] = _summary(cross_validate(docs, extra, list(trades.values()))[0])
    return report


def _summary(scores: Scores) -> dict:
    return {
        "macro_f1": round(scores.macro_f1(), 4),
        "char_accuracy": round(scores.char_accuracy(), 4),
        "per_label": {k: [round(x, 4) for x in v] for k, v in scores.per_label().items()},
        "confusion": {g: dict(c) for g, c in scores.confusion.items()},
    }


def format_report(report: dict) -> str:
    lines = [f"documents: {report['documents']}"]
    for name, title in (("grouped", "grouped cross-validation (by document)"), ("fragments", "fragments (the same folds, random windows of the held-out documents)"), ("leave_one_trade_out", "leave one trade out")):
        if name not in report:
            continue
        r = report[name]
        lines += ["", f"{title}: macro-F1 {r['macro_f1']:.3f}, character accuracy {r['char_accuracy']:.3f}", f"  {'label':<13}{'P':>7}{'R':>7}{'F1':>7}"]
        lines += [f"  {label:<13}{p:>7.3f}{rec:>7.3f}{f:>7.3f}" for label, (p, rec, f) in r["per_label"].items()]
        labels = [label for label in SECTION_LABELS if label in r["confusion"]] + ["noise"]
        lines += ["  confusion (characters; rows gold, columns predicted):", "  " + " " * 13 + "".join(f"{label[:6]:>8}" for label in labels)]
        for gold in labels[:-1]:
            row = r["confusion"].get(gold, {})
            lines.append(f"  {gold:<13}" + "".join(f"{row.get(label, 0):>8}" for label in labels))
    return "\n".join(lines)
