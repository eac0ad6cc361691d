"""fill: the cleaned text back exactly, new values in the style of the original, clear refusals."""
from __future__ import annotations

import json

import pytest
from conftest import EXAMPLE

import summaryparse
from summaryparse import FillError, TemplateError
from summaryparse.template import from_json

REPORT = "X局2021年工作总结\n一、主要工作\n全年召开会议两次，看望3名退休干部，完成投资1.2亿元，增长15%。\n二、下一步打算\n走访1,508户，完成２５项。\n"


def slot(template, raw, context):
    block = next(b for b in template.blocks if context in b.text)
    at = block.text.find(context)
    return next(s for s in template.slots if s.block == block.id and at <= s.span[0] < at + len(context) and s.raw == raw)


@pytest.fixture()
def report():
    return summaryparse.extract(REPORT)


def test_no_values_gives_the_text_back(report):
    assert summaryparse.fill(report) == REPORT


def test_values_in_the_style_of_the_original(report):
    values = {
        slot(report, "两", "两次").id: 3,
        slot(report, "3", "3名").id: 12,
        slot(report, "1.2", "1.2亿元").id: 2.5,
        slot(report, "X", "X局").id: "水利",
        slot(report, "1,508", "1,508户").id: 23456,
        slot(report, "２５", "２５项").id: 31,
    }
    text = summaryparse.fill(report, values)
    assert "召开会议三次" in text
    assert "看望12名退休干部" in text
    assert "完成投资2.5亿元" in text
    assert text.startswith("水利局2021年工作总结")
    assert "走访23,456户" in text and "完成３１项" in text


def test_two_stays_liang(report):
    assert "召开会议两次" in summaryparse.fill(report, {slot(report, "两", "两次").id: 2})


def test_unknown_slot_wrong_type_and_strict(report):
    with pytest.raises(FillError, match="unknown slot id s99"):
        summaryparse.fill(report, {"s99": 1})
    with pytest.raises(FillError, match="needs a number"):
        summaryparse.fill(report, {slot(report, "3", "3名").id: "许多"})
    with pytest.raises(FillError, match="whole number"):
        summaryparse.fill(report, {slot(report, "两", "两次").id: 2.5})
    with pytest.raises(FillError, match="placeholder"):
        summaryparse.fill(report, {}, strict=True)
    assert summaryparse.fill(report, {slot(report, "X", "X局").id: "审计"}, strict=True).startswith("审计局")


def test_braces_in_text_survive_the_template():
    text = "XX公司2023年总结\n完成{重点}项目3个。\n"
    template = summaryparse.extract(text)
    assert "{{重点}}" in template.blocks[-1].template
    assert summaryparse.fill(template) == text


def test_json_round_trip(report):
    again = from_json(report.to_json())
    assert again.to_dict() == report.to_dict()
    assert summaryparse.fill(again) == REPORT


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda d: d.update(schema="summaryparse.template/2"), "newer than this program"),
        (lambda d: d.update(schema="other/1"), "does not follow the schema"),
        (lambda d: d["slots"][0].update(block="b999"), "does not exist"),
        (lambda d: d["slots"][0].update(span=[0, 40]), "does not hold"),
        (lambda d: d["sections"][0]["blocks"][0].update(template="{s77}"), "names no slot"),
        (lambda d: d["sections"][0]["blocks"][0].update(template="X局{"), "stray"),
        (lambda d: d.pop("slots"), "slots"),
    ],
)
def test_hand_edited_templates_are_checked(report, mutate, message):
    document = json.loads(report.to_json())
    mutate(document)
    with pytest.raises(TemplateError, match=message):
        from_json(json.dumps(document))


@pytest.mark.parametrize("indent", [None, 1, 2])
def test_json_built_block_by_block_is_what_json_dumps_writes(indent):
    for text in (EXAMPLE.read_text(encoding="utf-8"), "工作总结\n", "一、主要工作\n{花括号}与\"引号\"\\反斜杠\t制表。\n"):
        template = summaryparse.extract(text)
        assert template.to_json(indent=indent) == json.dumps(template.to_dict(), ensure_ascii=False, indent=indent)
