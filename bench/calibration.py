"""How often blocks and sections at each confidence band carry the right label, on a gold-labelled folder.

    python bench/calibration.py DIR                       (e.g. .realdev, validation)
    python bench/calibration.py corpus --cross-validate   (how sections.CONFIDENCE_TEMPERATURE was chosen)

For every NAME.txt beside NAME.gold.json: extract, find each block in the text, take the gold label that
covers most of its characters, and count, per band of the block's confidence (and of its section's), how
many blocks (and characters) are right. A calibrated confidence of 0.8 is right about 80 % of the time.

With --cross-validate (a corpus: needs scikit-learn), the model is trained without each of 5 grouped folds
and confidences are computed for the held-out documents and their random windows at several emission
temperatures: the mean negative log-likelihood of the gold labels and the calibration error of each.
"""
from __future__ import annotations

import argparse
import math
from array import array
from collections import defaultdict
from pathlib import Path

import summaryparse
from summaryparse.labelled import load_corpus, locate, majority_label

BANDS = (0.0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 1.01)
TEMPERATURES = (1.0, 1.25, 1.5, 1.75, 2.0, 2.25, 2.5, 3.0)


def band(confidence: float) -> str:
    low = max(b for b in BANDS if b <= confidence)
    high = BANDS[BANDS.index(low) + 1]
    return f"{low:.2f}–{min(high, 1.0):.2f}"


def cross_validated(folder: Path) -> None:
    from summaryparse import training
    from summaryparse.features import document_vectors
    from summaryparse.sections import _allowed, inside_top_heading, marginals, viterbi

    labelled = load_corpus(folder)
    docs = [training.document_blocks(d) for d in labelled]
    extra, windows = training.corpus_variants(labelled), training.evaluation_windows(labelled)
    held_out = []  # (model, block probabilities, allowed labels, inside flags, best path, gold labels) per document
    for test in training.grouped_folds(docs):
        model, _ = training.train([d for i, d in enumerate(docs) if i not in test] + [v for i, group in enumerate(extra) if i not in test for v in group])
        for d in [docs[i] for i in test] + [w for i in test for w in windows[i]]:
            if d.blocks:
                probabilities = [array("d", model.probabilities(v)) for v in document_vectors(d.blocks)]
                allowed = [_allowed(model, b, i) for i, b in enumerate(d.blocks)]
                inside = inside_top_heading(d.blocks)
                gold = [g if b.kind != "title" else None for g, b in zip(d.gold, d.blocks)]
                held_out.append((model, probabilities, allowed, inside, viterbi(model, probabilities, allowed, inside), gold))
    print("| temperature | negative log-likelihood | calibration error (blocks) |")
    print("|---|---|---|")
    for temperature in TEMPERATURES:
        loss = error = count = 0.0
        bins: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0.0])
        for model, probabilities, allowed, inside, path, gold in held_out:
            for j, g, row in zip(path, gold, marginals(model, probabilities, allowed, inside, temperature)):
                if g is None or g == "noise":
                    continue
                loss -= math.log(max(row[model.labels.index(g)], 1e-9))
                count += 1
                cell = bins[band(row[j])]
                cell[0] += model.labels[j] == g
                cell[1] += 1
                cell[2] += row[j]
        error = sum(abs(right - confidence) for right, _, confidence in bins.values()) / count
        print(f"| {temperature:.2f} | {loss / count:.4f} | {error:.4f} |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--cross-validate", action="store_true", help="held-out confidences of a corpus at several temperatures")
    args = parser.parse_args()
    if args.cross_validate:
        cross_validated(Path(args.folder))
        return
    blocks = defaultdict(lambda: [0, 0, 0.0])  # band → right, all, sum of confidence
    sections = defaultdict(lambda: [0, 0, 0.0])  # band → right characters, all characters, confidence weighted
    for doc in load_corpus(Path(args.folder)):
        template = summaryparse.extract(doc.text)
        offsets = locate(doc.text, [b.text for b in template.blocks])
        for section in template.sections:
            for block in section.blocks:
                offset = offsets[template.blocks.index(block)]
                gold = None if offset is None else majority_label(doc.labels, offset, block.text)
                if gold is None or gold == "noise" or block.confidence is None:
                    continue
                row = blocks[band(block.confidence)]
                row[0] += gold == section.type
                row[1] += 1
                row[2] += block.confidence
                weight = len(block.text)
                srow = sections[band(section.confidence)]
                srow[0] += weight * (gold == section.type)
                srow[1] += weight
                srow[2] += weight * section.confidence
    print("| confidence | blocks | right | mean confidence | sections' characters | right |")
    print("|---|---|---|---|---|---|")
    for name in sorted(set(blocks) | set(sections)):
        b, s = blocks[name], sections[name]
        b_right = f"{b[0] / b[1]:.2f}" if b[1] else "–"
        b_mean = f"{b[2] / b[1]:.2f}" if b[1] else "–"
        s_right = f"{s[0] / s[1]:.2f}" if s[1] else "–"
        print(f"| {name} | {b[1]} | {b_right} | {b_mean} | {s[1]} | {s_right} |")


if __name__ == "__main__":
    main()
