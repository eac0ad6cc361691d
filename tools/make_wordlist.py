"""Build src/summaryparse/data/words.txt: the most frequent words of jieba's dictionary, with their tags.

The full dictionary takes 0.2 s to load at every start; labels and word features need only common
words (rarer ones fall back to jieba's HMM for unknown words). Run with the `jieba` package installed:

    python tools/make_wordlist.py 30000
"""
from __future__ import annotations

import sys
from pathlib import Path

import jieba

OUT = Path(__file__).resolve().parents[1] / "src" / "summaryparse" / "data" / "words.txt"


def main(count: int) -> None:
    source = Path(jieba.__file__).parent / "dict.txt"
    entries = [line.split(" ") for line in source.read_text(encoding="utf-8").splitlines() if line.count(" ") == 2]
    entries.sort(key=lambda e: (-int(e[1]), e[0]))
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text("".join(f"{w} {f} {t}\n" for w, f, t in entries[:count]), encoding="utf-8")
    print(f"wrote {OUT} ({count} words)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30000)
