"""Hostile input: whatever text comes in, extract answers with a valid template that round-trips, or a clear refusal.

The quick subset runs with the normal suite; `pytest -m fuzz` runs 10,000 examples of each property.
"""
from __future__ import annotations

import json
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import summaryparse
from conftest import checked
from summaryparse.template import from_json

MARKERS = ["一、", "（一）", "(一)", "1.", "1、", "（1）", "①", "第一部分", "【一】", "### ", "**", "|", "- ", "> "]
WORDS = ["加强学习", "存在的问题", "下一步", "工作打算", "总之", "召开会议", "全年", "完成", "我局", "党建", "十九大", "一岗双责", "“4+1”"]
NUMBERS = ["3", "两", "1,508", "１２", "1.2亿元", "15%", "百分之十五", "2023年7月10日", "3-5次", "近百人", "X", "XX", "××", "**", "○○", "某某", "__", "20XX年", "xx.xx%"]
NOISE = ["仅供学习 禁止外传", "下面是小编为大家整理的", "（此处省略680字，正式会员可完整阅读）", "……此处隐藏955个字……", "当前位置：首页 > 范文", "第2页 共5页", "篇一", "版权声明：本文由用户提供"]
SPACE = ["\n", "\r\n", "\n\n", "\u3000\u3000", "\u00a0", " ", "\t", "。", "，", "；", "：", "{", "}", "\ufeff"]
PIECES = st.sampled_from(MARKERS + WORDS + NUMBERS + NOISE + SPACE)
MIXED = st.lists(st.one_of(PIECES, st.text(max_size=8)), min_size=1, max_size=60).map("".join)
RANDOM = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=300)


def _holds(text: str) -> None:
    try:
        template = summaryparse.extract(text)
    except summaryparse.InputError as e:
        assert str(e)
        return
    checked(template)
    assert summaryparse.fill(template) == summaryparse.clean_text(text)
    assert from_json(template.to_json()).to_dict() == template.to_dict()


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MIXED)
def test_mixed_report_pieces_quick(text):
    _holds(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(RANDOM)
def test_random_unicode_quick(text):
    _holds(text)


@pytest.mark.fuzz
@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MIXED)
def test_mixed_report_pieces_fuzz(text):
    _holds(text)


@pytest.mark.fuzz
@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(RANDOM)
def test_random_unicode_fuzz(text):
    _holds(text)


@pytest.mark.fuzz
@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=5)), lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=5), c, max_size=4), max_leaves=20))
def test_arbitrary_json_is_refused_cleanly_by_fill(document):
    with pytest.raises(summaryparse.TemplateError):
        from_json(json.dumps(document))


@pytest.mark.parametrize(
    "line",
    [
        "一、" * 20_000,
        "（" * 50_000,
        "X" * 100_000,
        "1." * 20_000,
        "仅供学习" + "，" * 60_000,
        "**" * 40_000,
        "首页 > " * 20_000,
        "2" * 100_000,
    ],
    ids=["markers", "brackets", "masks", "numbered", "commas", "stars", "breadcrumb", "digits"],
)
def test_pathological_lines_finish_quickly(line):
    """Each of these once could have made a careless pattern backtrack; all must stay near-linear."""
    start = time.perf_counter()
    _holds(line)
    assert time.perf_counter() - start < 20  # generous: minutes would mean backtracking; seconds are fine
