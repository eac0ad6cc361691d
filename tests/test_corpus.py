"""The labelled corpus: every gold file resolves against its text, and the corpus covers what it must."""
from __future__ import annotations

from collections import Counter

import pytest

from conftest import CORPUS
from summaryparse.labelled import GOLD_LABELS, load_corpus


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(CORPUS)


def test_every_document_resolves_and_is_fully_labelled(corpus):
    assert len(corpus) >= 150
    for doc in corpus:
        assert doc.labels and all(label in GOLD_LABELS for label in doc.labels), doc.name
        assert doc.meta.get("trade") and doc.meta.get("genre"), doc.name


def test_corpus_covers_trades_layouts_and_sections(corpus):
    trades = Counter(d.trade for d in corpus)
    assert len(trades) >= 10
    labels = Counter(label for d in corpus for label in set(d.labels))
    for label in GOLD_LABELS:
        assert labels[label] >= 10, label
    one_line = [d for d in corpus if d.text.strip().count("\n") == 0]
    assert len(one_line) >= 10
