"""Slots: every placeholder style, every kind of number, and nothing from the not-a-slot table."""
from __future__ import annotations

import pytest
import regex

import summaryparse
from summaryparse import rules
from summaryparse.slots import find_in_text

import slotset


def found(text):
    return [(text[f.start : f.end], f.kind, f.value, f.unit) for f in find_in_text(text)]


def raws(text):
    return [r for r, *_ in found(text)]


@pytest.mark.parametrize("idiom", rules.NOT_SLOTS, ids=lambda i: i.reason.split(":")[0])
def test_every_not_a_slot_entry_keeps_its_example_text(idiom):
    assert regex.search(idiom.pattern, idiom.example), "the entry's example must show the pattern"
    assert found(idiom.example) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("召开会议X次", ["X"]),
        ("走访XX户", ["XX"]),
        ("培训x人次", ["x"]),
        ("完成xx项", ["xx"]),
        ("新增Ｘ家企业", ["Ｘ"]),
        ("全年办结×件", ["×"]),
        ("受理投诉××件", ["××"]),
        ("发展党员*名", ["*"]),
        ("**区财政局", ["**"]),
        ("办结＊件", ["＊"]),
        ("○同志", ["○"]),
        ("○○同志", ["○○"]),
        ("〇〇镇", ["〇〇"]),
        ("整改通知书□份", ["□"]),
        ("某局", ["某"]),
        ("某某单位", ["某某"]),
        ("活动_次", ["_"]),
        ("参与党员__人次", ["__"]),
        ("共＿＿人", ["＿＿"]),
        ("20XX年上半年", ["20XX"]),
        ("20__年度", ["20__"]),
        ("202X-202X学年", ["202X", "202X"]),
        ("20**年工作总结", ["20**"]),
        ("同比增长xx.xx%", ["xx.xx"]),
        ("全县共有2xxxx人", ["2xxxx"]),
        ("XX乡XX村", ["XX", "XX"]),
        ("X局", ["X"]),
        ("××市", ["××"]),
        ("完成**产品产量", ["**"]),
    ],
)
def test_placeholder_styles(text, expected):
    assert raws(text) == expected
    assert all(kind == "placeholder" for _, kind, _, _ in found(text))


@pytest.mark.parametrize(
    "text",
    ["**加强组织领导**，压实责任", "### 一、主要工作", "- **业绩指标**：超额完成", "拍摄X光片", "3×4米的展板"],
)
def test_formatting_and_words_are_not_placeholders(text):
    assert all(kind != "placeholder" for _, kind, _, _ in found(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("召开会议3次", [("3", "count", 3, "次")]),
        ("完成产值1.2亿元", [("1.2", "quantity", 1.2, "亿元")]),
        ("走访1,508户", [("1,508", "count", 1508, "户")]),
        ("新增３５家", [("３５", "count", 35, "家")]),
        ("先后两次深入", [("两", "count", 2, "次")]),
        ("查处案件十二起", [("十二", "count", 12, "起")]),
        ("覆盖三百余人", [("三百", "count", 300, "人")]),
        ("发放补贴3万元", [("3", "quantity", 3, "万元")]),
        ("参与50多人次", [("50", "count", 50, "人次")]),
        ("筹集10万余元", [("10", "quantity", 10, "万元")]),
        ("近百人参加", [("百", "count", 100, "人")]),
        ("印发上千份", [("千", "count", 1000, "份")]),
        ("每月3-5次", [("3", "count", 3, "次"), ("5", "count", 5, "次")]),
        ("每周三至五次", [("三", "count", 3, "次"), ("五", "count", 5, "次")]),
        ("增长15%", [("15", "quantity", 15, "%")]),
        ("合格率98.5%", [("98.5", "quantity", 98.5, "%")]),
        ("达到百分之十五", [("十五", "quantity", 15, "%")]),
        ("2020年7月10日召开", [("2020", "date", 2020, "年"), ("7", "date", 7, "月"), ("10", "date", 10, "日")]),
        ("二〇二三年七月", [("二〇二三", "date", 2023, "年"), ("七", "date", 7, "月")]),
        ("截至2020.7", [("2020", "date", 2020, "年"), ("7", "date", 7, "月")]),
        ("接种３.２万剂次", [("３.２", "count", 3.2, "万剂次")]),
        ("全年培訓員工八百餘人次", [("八百", "count", 800, "人次")]),
    ],
)
def test_numbers_values_units_and_kinds(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", ["两三个单位", "一两个月", "切两半", "两点半开会", "数十次宣传", "三番五次", "十分重视"])
def test_classic_false_conversions_stay_text(text):
    assert found(text) == []


def test_labels_name_what_is_counted():
    t = summaryparse.extract("XX局工作总结\n看望了3名退休干部职工，共受理群众来信来访12件，召开党建工作会1次，集中学习X天。\n")
    labels = {s.raw: s.label for s in t.slots}
    assert labels["3"] == "退休干部职工"
    assert labels["12"] == "群众来信来访"
    assert labels["1"] == "党建工作会"
    assert [s.label for s in t.slots if s.raw == "X"][-1] == "集中学习"


@pytest.mark.parametrize(
    "text, raw, value, expected",
    [
        ("先后两次深入", "两", 3, "先后三次深入"),
        ("查处十二起", "十二", 105, "查处一百零五起"),
        ("完成1.2亿元", "1.2", 2.5, "完成2.5亿元"),
        ("走访1,508户", "1,508", 20000, "走访20,000户"),
        ("二〇二三年", "二〇二三", 2024, "二〇二四年"),
        ("新增３５家", "３５", 40, "新增４０家"),
        ("覆盖3万人", "3", 4, "覆盖4万人"),
    ],
)
def test_fill_writes_values_in_the_original_style(text, raw, value, expected):
    t = summaryparse.extract(f"XX工作总结\n{text}\n")
    slot = next(s for s in t.slots if s.raw == raw)
    assert summaryparse.fill(t, {slot.id: value}).splitlines()[-1] == expected


def test_fill_refuses_a_value_that_does_not_fit():
    t = summaryparse.extract("XX工作总结\n先后两次深入，完成1.2亿元\n")
    twice = next(s for s in t.slots if s.raw == "两")
    with pytest.raises(summaryparse.FillError):
        summaryparse.fill(t, {twice.id: 1.5})
    with pytest.raises(summaryparse.FillError):
        summaryparse.fill(t, {twice.id: "很多"})


def test_labelled_slot_set_scores(capsys):
    """The labelled sentences of tests/data: precision, recall, kind and value accuracy (figures in bench/README.md)."""
    lines = slotset.load()
    assert len(lines) >= 400
    scores = slotset.score(lines).summary()
    with capsys.disabled():
        print(f"\nslot set: {scores}")
    assert scores["precision"] >= 0.97
    assert scores["recall"] >= 0.95
    assert scores["kind_accuracy"] >= 0.97
    assert scores["value_accuracy"] >= 0.99


def test_the_dictionary_reads_as_triples():
    """words.py reads data/words.txt as whitespace-separated triples: no word may hold a space of any kind."""
    from importlib import resources

    lines = (resources.files("summaryparse") / "data" / "words.txt").read_text(encoding="utf-8").splitlines()
    assert all(len(line.split()) == 3 and line.split() == line.split(" ") for line in lines)
