"""Training on what real text does to a report: excerpts, unnumbered headings, joined lines, traditional
characters; the fragments evaluation; the learnt cost of leaving a heading's section."""
from __future__ import annotations

import random

import pytest

from conftest import CORPUS
from summaryparse.labelled import in_traditional, joined_lines, load_document, window, without_markers

training = pytest.importorskip("summaryparse.training", reason="training needs scikit-learn (pip install '.[test]')")


@pytest.fixture(scope="module")
def doc():
    return load_document(CORPUS / "gov-01.txt")


def test_a_window_keeps_its_labels_in_place(doc):
    part = window(doc, 2, 5)
    lines = doc.text.split("\n")
    assert part.text == "\n".join(lines[2:6]) + "\n"
    start = doc.text.find(part.text)
    assert part.labels == doc.labels[start : start + len(part.text)]
    assert all(part.text[o:].startswith(doc.text[o + start : o + start + 3]) for o in part.headings)


def test_unnumbered_joined_and_traditional_variants_keep_their_labels(doc):
    bare = without_markers(doc, training.HEADING_MARKERS)
    assert "一、" not in bare.text and len(bare.labels) == len(bare.text)
    assert set(bare.labels) == set(doc.labels)
    joined = joined_lines(doc)
    assert "\n" not in joined.text and len(joined.labels) == len(joined.text)
    traditional = in_traditional(doc, training.SIMPLIFIED_TO_TRADITIONAL)
    assert traditional.text != doc.text and traditional.labels == doc.labels and len(traditional.text) == len(doc.text)


def test_variants_are_drawn_the_same_way_every_time(doc):
    first = [v.text for v in training.variants(doc, random.Random(1))]
    assert first == [v.text for v in training.variants(doc, random.Random(1))]
    assert len(first) == training.FRAGMENTS_PER_DOCUMENT + 1


def test_cross_validation_scores_whole_documents_and_their_fragments():
    from summaryparse.labelled import load_corpus

    labelled = load_corpus(CORPUS)[::14]
    docs = [training.document_blocks(d) for d in labelled]
    whole, fragments = training.cross_validate(docs, training.corpus_variants(labelled), training.grouped_folds(docs, 2), training.evaluation_windows(labelled))
    assert whole.documents == len(docs) and fragments.documents == len(docs) * training.EVALUATION_WINDOWS
    assert 0.5 < whole.char_accuracy() <= 1.0 and 0.3 < fragments.char_accuracy() <= 1.0


def test_leaving_a_headings_section_is_rare_but_possible(doc):
    stay, change = training.subtree_logprobs([training.document_blocks(doc)])
    assert change < stay <= 0.0 and change > -20
