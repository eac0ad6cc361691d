"""The validation reports (never trained on): sections stay right on documents the model has not seen."""
from __future__ import annotations

from conftest import ROOT
from summaryparse.labelled import load_corpus
from summaryparse.sections import label_blocks
from summaryparse.training import Scores, document_blocks, score_predictions


def test_sections_on_unseen_reports(capsys):
    docs = [document_blocks(d) for d in load_corpus(ROOT / "validation")]
    assert len(docs) >= 20
    for d in docs:
        label_blocks(d.blocks)
    confusion: dict = {}
    score_predictions(docs, confusion)
    scores = Scores(confusion, len(docs))
    with capsys.disabled():
        print(f"\nvalidation: macro-F1 {scores.macro_f1():.3f}, character accuracy {scores.char_accuracy():.3f}")
    assert scores.macro_f1() >= 0.95
    assert scores.char_accuracy() >= 0.97
