"""Word segmentation and part-of-speech tags: jieba (the rjieba binding of jieba-rs) over a compact dictionary.

rjieba's built-in dictionary of 350,000 words costs 0.2 s to load at every start. Work reports
use common words; the 30,000 most frequent entries of jieba's dictionary (shipped in data/words.txt,
built by tools/make_wordlist.py) load in 0.04 s, and jieba's HMM still segments words beyond them.
"""
from __future__ import annotations

import importlib.util
from functools import lru_cache
from importlib import resources
from pathlib import Path


def _jieba_class():
    """rjieba's Jieba class without running the package's __init__, which loads the full dictionary (0.2 s)."""
    spec = importlib.util.find_spec("rjieba")
    for location in spec.submodule_search_locations or []:
        for path in sorted(Path(location).glob("rjieba*.so")) + sorted(Path(location).glob("rjieba*.pyd")):
            extension = importlib.util.spec_from_file_location("rjieba.rjieba", path)
            module = importlib.util.module_from_spec(extension)
            extension.loader.exec_module(module)
            return module.Jieba
    import rjieba  # an unusual layout: pay for the full import

    return rjieba.Jieba


@lru_cache(maxsize=1)
def _segmenter():
    segmenter = _jieba_class().empty()
    text = (resources.files("summaryparse") / "data" / "words.txt").read_text(encoding="utf-8")
    fields = iter(text.split())  # "word frequency tag" lines, no word holds a space: read as triples, a fifth faster
    for word, frequency, tag in zip(fields, fields, fields):
        segmenter.add_word(word, int(frequency), tag)
    return segmenter


def cut(text: str) -> list[str]:
    return _segmenter().cut(text)


def tag(text: str) -> list[tuple[str, str]]:
    return _segmenter().tag(text)
