"""Block labels and whole-document decoding.

The linear model scores each block; a Viterbi pass over the document then chooses the label
sequence that best agrees with the scores, with the order sections usually come in, and with how
rarely a block under a top-level heading leaves that heading's section (all three learnt from the
corpus as log-probabilities, so that strong evidence in a block can overrule its heading). The
title found by segmenting is fixed; nothing else may be called a title except at the very top.
"""
from __future__ import annotations

import math
import operator
from array import array

import regex

from . import rules
from .document import NOISE_LABEL, Block, Section
from .features import FEATURES_VERSION, document_vectors
from .model_file import SectionModel, packaged

MODEL_RESOURCE = "sections.json"
NOISE_CERTAINTY = 0.6  # unseen report lines stay below 0.1 (validation/ measured max 0.09); noise left by the rules reaches 0.4 to 0.9
NOISE_LINE_MAX = 60  # and only short lines: paragraphs are never the model's to remove
TITLE_ZONE = 2  # a block this close to the top may be a title the segmenter did not recognise
IMPOSSIBLE = -1e9
TITLE_BREAKERS = regex.compile(r"[，。；！？,;!?：:]")
SIGNATURE_BREAKERS = regex.compile(r"[，。；！？,;!?]")  # 述职人：张三 has a colon; a clause or a sentence is never a signature
SIGNATURE_MAX = 40  # the corpus's 321 signature lines are all shorter
SUBTREE_EXITS = ("closing", "signature")  # what may follow inside the last heading's subtree without a heading of its own
# The confidences' emission temperature: blocks' own probabilities are over-confident on documents the model has
# not seen; 2.0 gives the best log-likelihood of the gold labels on held-out corpus documents and windows
# (`python bench/calibration.py corpus --cross-validate`: 0.186 against 0.215 at 1.0). The labels (Viterbi) do not use it.
CONFIDENCE_TEMPERATURE = 2.0


def default_model() -> SectionModel:
    return packaged(MODEL_RESOURCE, FEATURES_VERSION)


def label_blocks(blocks: list[Block], model: SectionModel | None = None) -> None:
    """Set `section` and `confidence` on every block."""
    if not blocks:
        return
    model = model or default_model()
    probabilities = [array("d", model.probabilities(v)) for v in document_vectors(blocks)]  # rows of doubles: a third of a list's memory
    allowed = [_allowed(model, b, i) for i, b in enumerate(blocks)]
    inside = inside_top_heading(blocks)
    path = viterbi(model, probabilities, allowed, inside)
    posterior = marginals(model, probabilities, allowed, inside, CONFIDENCE_TEMPERATURE)
    noise_index = model.labels.index(NOISE_LABEL) if NOISE_LABEL in model.labels else None
    for block, label_index, probs, belief in zip(blocks, path, probabilities, posterior):
        block.section = model.labels[label_index]
        block.confidence = 1.0 if block.kind == "title" else belief[label_index]
        block.noise = None if noise_index is None else probs[noise_index]


def _allowed(model: SectionModel, block: Block, index: int) -> list[bool]:
    if block.kind == "title":
        return [label == "title" for label in model.labels]
    title_ok = index < TITLE_ZONE and block.kind != "heading" and _reads_as_title(block.text)
    signature_ok = _reads_as_signature(block.text)
    return [label != NOISE_LABEL and (label != "title" or title_ok) and (label != "signature" or signature_ok) for label in model.labels]


def _reads_as_title(text: str) -> bool:
    """A title is a headline, never prose: short, without clause or sentence punctuation (市委督查室： is an address)."""
    return len(text.strip()) <= rules.TITLE_MAX and not TITLE_BREAKERS.search(text)


def _reads_as_signature(text: str) -> bool:
    """A signature is a unit's name, a person's, a date: never prose (an excerpt cut off mid-paragraph ends in prose)."""
    return len(text.strip()) <= SIGNATURE_MAX and not SIGNATURE_BREAKERS.search(text)


def likely_noise(blocks: list[Block]) -> list[Block]:
    """Blocks the rules kept but the model takes for site noise: short whole-line paragraphs that hold a
    site word (公众号, 微信群, 下载 …) too weak for the rules alone; the rules decide where they are certain."""
    found = []
    for i, block in enumerate(blocks):
        starts_line = i == 0 or "\n" in block.before or "\r" in block.before
        ends_line = i == len(blocks) - 1 or "\n" in blocks[i + 1].before or "\r" in blocks[i + 1].before
        sure = block.noise is not None and block.noise >= NOISE_CERTAINTY
        if sure and block.kind == "paragraph" and starts_line and ends_line and len(block.text) <= NOISE_LINE_MAX:
            if rules.ANY_SITE_WORD.search(block.text.translate(rules.TRADITIONAL_TO_SIMPLIFIED)):
                found.append(block)
    return found


def inside_top_heading(blocks: list[Block]) -> list[bool]:
    """Whether each block must keep the label of the block before it (or end the report: closing, signature).

    Under a top-level heading, a block follows its heading; a heading that names a part of a report
    (存在的不足, 下一步打算, 经验体会) may open a new section at any level, since levels can be misread.
    """
    inside, seen = [], False
    for b in blocks:
        top = b.kind == "heading" and (b.level == 1 or bool(rules.PLAIN_HEADING_CUES.search(b.text)))
        inside.append(seen and not top)
        seen = seen or (b.kind == "heading" and b.level == 1)
    return inside


def lattice(model: SectionModel, probabilities: list[list[float]], allowed: list[list[bool]], inside: list[bool], temperature: float = 1.0):
    """The label lattice's log-scores, shared by the best path and the marginals: a block's own evidence (divided
    by `temperature`), how sections follow each other, and under a top heading how rarely a block leaves the
    label before it (ending the report, closing or signature, costs nothing)."""
    n = len(model.labels)
    weight = model.transition_weight
    enders = {j for j, label in enumerate(model.labels) if label in SUBTREE_EXITS}
    stay, change = model.subtree
    emit = [array("d", (math.log(max(p[j], 1e-12)) / temperature if ok[j] else IMPOSSIBLE for j in range(n))) for p, ok in zip(probabilities, allowed)]
    first = [emit[0][j] + weight * model.start[j] for j in range(n)]

    def transition(under_heading: bool, k: int, j: int) -> float:
        subtree = 0.0 if not under_heading or j in enders else (stay if k == j else change)
        return weight * model.transitions[k][j] + subtree

    return first, emit, transition


def viterbi(model: SectionModel, probabilities: list[list[float]], allowed: list[list[bool]], inside: list[bool]) -> list[int]:
    """The best label path through the lattice."""
    n = len(model.labels)
    best, emit, transition = lattice(model, probabilities, allowed, inside)
    back: list[list[int]] = []
    for i in range(1, len(probabilities)):
        row, pointers = [], []
        for j in range(n):
            k = max(range(n), key=lambda k: best[k] + transition(inside[i], k, j))
            row.append(best[k] + transition(inside[i], k, j) + emit[i][j])
            pointers.append(k)
        best = row
        back.append(pointers)
    j = max(range(n), key=lambda j: best[j])
    path = [j]
    for pointers in reversed(back):
        j = pointers[j]
        path.append(j)
    return path[::-1]


def marginals(model: SectionModel, probabilities: list[list[float]], allowed: list[list[bool]], inside: list[bool], temperature: float = 1.0) -> list[list[float]]:
    """Each block's probability of each label given the whole document (forward-backward over the lattice,
    in probabilities rescaled at every step): the confidence of the label the decoding chose."""
    n = len(model.labels)
    first, emit, transition = lattice(model, probabilities, allowed, inside, temperature)
    steps = {flag: [[math.exp(transition(flag, k, j)) for j in range(n)] for k in range(n)] for flag in (False, True)}
    columns = {flag: list(zip(*rows)) for flag, rows in steps.items()}
    likelihood = [array("d", map(math.exp, row)) for row in emit]
    forward = [_normalised([math.exp(x) for x in first])]
    for i in range(1, len(emit)):
        previous = forward[-1]
        forward.append(_normalised([e * sum(map(operator.mul, previous, column)) for e, column in zip(likelihood[i], columns[inside[i]])]))
    backward = [array("d", [1.0] * n)]  # built from the end, reversed once
    for i in range(len(emit) - 1, 0, -1):
        after = list(map(operator.mul, likelihood[i], backward[-1]))
        backward.append(_normalised([sum(map(operator.mul, row, after)) for row in steps[inside[i]]]))
    backward.reverse()
    return [_normalised([f * b for f, b in zip(fs, bs)]) for fs, bs in zip(forward, backward)]


def _normalised(values: list[float]) -> array:
    total = sum(values) or 1.0
    return array("d", (v / total for v in values))


def group_sections(blocks: list[Block]) -> list[Section]:
    """Neighbouring blocks with one label form a section; its confidence is the length-weighted mean."""
    sections: list[Section] = []
    for block in blocks:
        if sections and sections[-1].type == block.section:
            sections[-1].blocks.append(block)
        else:
            sections.append(Section(block.section or "achievements", 0.0, [block]))
    for section in sections:
        weights = [max(1, len(b.text)) for b in section.blocks]
        section.confidence = sum(w * (b.confidence or 0.0) for w, b in zip(weights, section.blocks)) / sum(weights)
    return sections
