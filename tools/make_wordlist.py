"""Build src/summaryparse/data/words.txt: the words of jieba's dictionary that reports use, with their tags.

The full dictionary takes 0.2 s to load at every start; labels and word features need only common
words and the vocabulary of work reports (the words of jieba's dictionary that occur in corpus/);
rarer words fall back to jieba's HMM. Run with the `jieba` package installed:

    python tools/make_wordlist.py 30000
"""
from __future__ import annotations

import sys
from pathlib import Path

import jieba

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "summaryparse" / "data" / "words.txt"
CORPUS = ROOT / "corpus"
LONGEST = 8


def report_vocabulary() -> set[str]:
    text = "\n".join(p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt"))
    return {text[i : i + n] for n in range(2, LONGEST + 1) for i in range(len(text) - n + 1)}


def main(count: int) -> None:
    source = Path(jieba.__file__).parent / "dict.txt"
    entries = [line.split(" ") for line in source.read_text(encoding="utf-8").splitlines() if line.count(" ") == 2]
    entries.sort(key=lambda e: (-int(e[1]), e[0]))
    vocabulary = report_vocabulary()
    chosen = entries[:count] + [e for e in entries[count:] if e[0] in vocabulary]
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text("".join(f"{w} {f} {t}\n" for w, f, t in chosen), encoding="utf-8")
    print(f"wrote {OUT} ({len(chosen)} words)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30000)
