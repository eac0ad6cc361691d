"""Decoding: the heading's section is a learnt preference that strong evidence overrules; confidences are
the labels' probabilities given the whole document."""
from __future__ import annotations

import pytest

import summaryparse
from summaryparse.sections import default_model, marginals, viterbi


def _probabilities(model, rows: list[dict[str, float]]) -> list[list[float]]:
    out = []
    for row in rows:
        rest = (1.0 - sum(row.values())) / (len(model.labels) - len(row))
        out.append([row.get(label, rest) for label in model.labels])
    return out


def test_strong_evidence_in_a_block_leaves_its_headings_section_and_weak_evidence_does_not():
    model = default_model()
    allowed = [[label != "noise" for label in model.labels]] * 4
    inside = [False, True, True, True]  # a top heading, then three blocks under it
    heading = {"achievements": 0.9}
    work = {"achievements": 0.9}
    for plans, expected in ((0.999, "plans"), (0.6, "achievements")):
        rows = [heading, work, work, {"plans": plans, "achievements": (1 - plans) / 2}]
        path = viterbi(model, _probabilities(model, rows), allowed, inside)
        assert model.labels[path[-1]] == expected


def test_marginals_are_probabilities_and_agree_with_the_best_path_where_the_evidence_is_clear():
    model = default_model()
    rows = [{"preamble": 0.95}, {"achievements": 0.95}, {"achievements": 0.9}, {"problems": 0.95}, {"plans": 0.95}]
    probabilities = _probabilities(model, rows)
    allowed = [[label != "noise" for label in model.labels]] * len(rows)
    inside = [False] * len(rows)
    beliefs = marginals(model, probabilities, allowed, inside)
    assert all(abs(sum(row) - 1.0) < 1e-9 for row in beliefs)
    path = viterbi(model, probabilities, allowed, inside)
    assert [max(range(len(row)), key=row.__getitem__) for row in beliefs] == path


def test_block_and_section_confidences_lie_between_zero_and_one():
    template = summaryparse.extract("XX局2023年工作总结\n一、主要工作\n全年召开会议3次。\n二、存在问题\n学习不够深入。\n三、下一步打算\n明年将加强学习。\n")
    assert all(0.0 <= b.confidence <= 1.0 for b in template.blocks)
    assert [s.type for s in template.sections] == ["title", "achievements", "problems", "plans"]


@pytest.mark.parametrize(
    "text, allowed",
    [
        ("述职人：张三", True),
        ("XX区住房和城乡建设局", True),
        ("2024年1月8日", True),
        ("认真履职,服务群众,落实责任:本季度共走访了", False),  # an excerpt cut off mid-paragraph
        ("全年共接待来访群众326人次。", False),
    ],
)
def test_only_a_line_that_reads_as_a_signature_may_be_one(text, allowed):
    from summaryparse.document import Block
    from summaryparse.sections import _allowed, default_model

    model = default_model()
    block = Block("b9", "paragraph", None, None, "\n", text, 9)
    assert _allowed(model, block, 8)[model.labels.index("signature")] is allowed
