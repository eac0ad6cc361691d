"""The seed document must come out perfect: noise, title, headings, sections and slots exactly."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from conftest import SEED, SHARED, checked

HEADINGS = [
    ("一、主要工作和成效", 1),
    ("（一）加强学习教育，提高党员干部政治素质。", 2),
    ("（二）把握工作重点，促进组织建设取得实效。", 2),
    ("1.抓组织领导。", 3),
    ("2.抓班子建设。", 3),
    ("3.抓主题活动。", 3),
    ("(三) 加强廉政建设，筑牢党员反腐倡廉意识。", 2),
    ("1.谈心谈话，抓早抓小。", 3),
    ("2.严肃纪律，严格把关。", 3),
    ("3.抓住节点，强化检查。", 3),
    ("二、存在的问题", 1),
    ("三、下半年工作打算", 1),
]

NOT_SLOTS = ["十九大", "“4+1”", "“3+X”", "一岗双责", "四种形态", "三重一大", "“1+X”", "五一", "24小时"]


def test_only_the_ad_header_is_removed(seed_template):
    assert [r.line for r in seed_template.removed] == [1, 2, 3, 4, 5, 7, 8, 9]
    assert seed_template.removed[0].text == "仅供学习 禁止外传"
    assert all("订阅" not in b.text and "会员" not in b.text for b in seed_template.blocks)


def test_title_and_headings_with_levels(seed_template):
    assert seed_template.title == "X局2020年上半年党建工作总结"
    headings = [(b.text, b.level) for b in seed_template.blocks if b.kind == "heading"]
    assert headings == HEADINGS


def test_run_in_headings_are_split_with_nothing_between(seed_template):
    blocks = seed_template.blocks
    for heading_text, paragraph_start in (("（一）加强学习教育", "年初，局党组"), ("1.谈心谈话", "始终把纪律"), ("1.抓组织领导", "一是把党建")):
        i = next(i for i, b in enumerate(blocks) if b.text.startswith(heading_text))
        assert blocks[i + 1].kind == "paragraph"
        assert blocks[i + 1].before == ""
        assert blocks[i + 1].text.startswith(paragraph_start)


def test_markers_as_written(seed_template):
    markers = [b.marker for b in seed_template.blocks if b.kind == "heading"]
    assert markers[:7] == ["一、", "（一）", "（二）", "1.", "2.", "3.", "(三) "]


def test_sections_exactly(seed_template):
    expected = [
        ("title", "X局2020年上半年党建工作总结"),
        ("preamble", "2020年上半年，在州委"),
        ("achievements", "一、主要工作和成效"),
        ("problems", "二、存在的问题"),
        ("plans", "三、下半年工作打算"),
    ]
    assert [s.type for s in seed_template.sections] == [label for label, _ in expected]
    for section, (_, start) in zip(seed_template.sections, expected):
        assert section.blocks[0].text.startswith(start)
    assert all(0.5 <= s.confidence <= 1 for s in seed_template.sections)


def _slots_in(template, context: str):
    for b in template.blocks:
        at = b.text.find(context)
        if at >= 0:
            return [s for s in template.slots if s.block == b.id and at <= s.span[0] < at + len(context)]
    raise AssertionError(f"{context!r} not in the document")


def test_placeholders_counts_and_years(seed_template):
    t = seed_template
    assert [(s.raw, s.kind, s.value) for s in _slots_in(t, "X局2020年上半年")] == [("X", "placeholder", None), ("2020", "date", 2020)]
    assert [(s.raw, s.kind) for s in _slots_in(t, "为XXXXXX经济")] == [("XXXXXX", "placeholder")]
    x_counts = _slots_in(t, "上半年共组织集中学习X天、集中研讨X次、讲授党课X次、观看视频教学X次、组织参观书美影展X次、组织参观历史文献展X次、组织“主题党日”活动X次、组织“禁止车窗抛物”志愿服务活动X次、组织参观红军长征博物馆X次、瞻仰革命烈士纪念碑X次")
    assert [s.raw for s in x_counts] == ["X"] * 10
    assert x_counts[0].unit == "天" and x_counts[0].label == "集中学习"
    meeting, = _slots_in(t, "党建工作会1次")
    assert (meeting.raw, meeting.kind, meeting.value, meeting.unit) == ("1", "count", 1, "次")
    retired, = _slots_in(t, "3名退休干部职工")
    assert (retired.raw, retired.kind, retired.value, retired.unit, retired.label) == ("3", "count", 3, "名", "退休干部职工")
    twice, = _slots_in(t, "先后两次深入")
    assert (twice.raw, twice.kind, twice.value, twice.unit) == ("两", "count", 2, "次")
    assert [(s.raw, s.kind, s.label) for s in _slots_in(t, "XX乡XX村")] == [("XX", "placeholder", "乡"), ("XX", "placeholder", "村")]
    assert [(s.raw, s.value) for s in _slots_in(t, "2020年上半年，在州委")] == [("2020", 2020)]


@pytest.mark.parametrize("idiom", NOT_SLOTS)
def test_idioms_and_names_stay_text(seed_template, idiom):
    assert _slots_in(seed_template, idiom) == []


def test_no_slot_outside_the_gold(seed_template):
    """Every slot is one the gold file names (or marks optional)."""
    gold = json.loads((SEED.with_name(SEED.stem + ".gold.json")).read_text(encoding="utf-8"))
    text = SEED.read_text(encoding="utf-8")
    allowed = set()
    for g in gold["slots"]:
        at = text.find(g["context"]) + g["context"].find(g["raw"])
        allowed.add((at, g["raw"]))
    cursor = 0
    for b in seed_template.blocks:
        at = text.find(b.text, cursor)
        cursor = at + len(b.text)
        for s in (s for s in seed_template.slots if s.block == b.id):
            assert (at + s.span[0], s.raw) in allowed, f"unexpected slot {s.raw!r} in {b.text[max(0, s.span[0] - 8):s.span[1] + 8]!r}"


def test_template_validates(seed_template):
    checked(seed_template)


@pytest.mark.skipif(shutil.which("summaryparse") is None, reason="the summaryparse command is not installed")
def test_project_score_is_perfect(seed_bytes):
    score = SHARED / "tools" / "score.py"
    bars = ["char_accuracy=1", "section_macro_f1=1", "noise_recall=1", "content_loss<=0", "heading_f1=1", "heading_level_acc=1", "slot_precision=1", "slot_recall=1", "roundtrip_rate=1"]
    run = subprocess.run([sys.executable, str(score), "eval", str(SEED.parent), "--cmd", "summaryparse", *sum((["--bar", b] for b in bars), [])], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
