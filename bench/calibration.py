"""How often blocks and sections at each confidence band carry the right label, on a gold-labelled folder.

    python bench/calibration.py DIR        (e.g. .realdev, validation, corpus)

For every NAME.txt beside NAME.gold.json: extract, find each block in the text, take the gold label that
covers most of its characters, and count, per band of the block's confidence (and of its section's), how
many blocks (and characters) are right. A calibrated confidence of 0.8 is right about 80 % of the time.
"""
from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

import summaryparse
from summaryparse.labelled import load_corpus, locate, majority_label

BANDS = (0.0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 1.01)


def band(confidence: float) -> str:
    low = max(b for b in BANDS if b <= confidence)
    high = BANDS[BANDS.index(low) + 1]
    return f"{low:.2f}–{min(high, 1.0):.2f}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    args = parser.parse_args()
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
