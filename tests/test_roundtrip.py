"""Round trip: fill with no values gives back the cleaned text, byte for byte, for every document."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import summaryparse
from conftest import checked, corpus_paths


@pytest.mark.parametrize("path", corpus_paths(), ids=lambda p: p.stem)
def test_every_corpus_document_round_trips(path):
    data = path.read_bytes()
    template = checked(summaryparse.extract(data, name=path.name))
    assert summaryparse.fill(template) == summaryparse.clean_text(data)


def test_seed_round_trips(seed_bytes, seed_template):
    assert summaryparse.fill(seed_template) == summaryparse.clean_text(seed_bytes)


def test_cleaned_text_is_the_input_without_the_removed_lines(seed_bytes, seed_template):
    lines = seed_bytes.decode("utf-8").split("\n")
    removed = {r.line for r in seed_template.removed}
    assert summaryparse.fill(seed_template) == "\n".join(line for i, line in enumerate(lines, 1) if i not in removed)


PIECES = st.sampled_from(
    [
        "一、", "（二）", "(三) ", "1.", "2、", "（1）", "第一部分", "### ", "**", "【一】",
        "加强学习教育，提高素质。", "全年召开会议", "3次", "两次", "X天", "XX乡XX村", "20XX年", "1.2亿元", "15%",
        "十九大", "一岗双责", "“4+1”", "存在的问题", "下一步工作打算", "总之，", "2023年7月10日", "{", "}", "{s1}",
        "\n", "\r\n", "\n\n", "\u3000\u3000", "\u00a0", " ", "\t", "。", "，", "仅供学习 禁止外传", "下面是小编为大家整理的",
        "（此处省略680字，正式会员可完整阅读）", "当前位置：首页 > 范文", "第2页 共5页", "某某", "○○", "__", "××", "百分之十五",
    ]
)
DOCUMENTS = st.lists(st.one_of(PIECES, st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)), min_size=1, max_size=40).map("".join)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS)
def test_generated_documents_round_trip(text):
    try:
        template = summaryparse.extract(text)
    except summaryparse.InputError:
        return  # empty or binary-looking input is refused, with a reason
    checked(template)
    assert summaryparse.fill(template) == summaryparse.clean_text(text)
