"""fill as a Word file: the official layout, and filling into the original .docx's own formatting."""
from __future__ import annotations

import dataclasses
import hashlib
import re
from functools import cache, lru_cache
from io import BytesIO

import pytest

docx = pytest.importorskip("docx", reason="writing .docx needs python-docx (pip install '.[test]')")
from conftest import EXAMPLE, SEED, run
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from docx_maker import report_to_docx, save, set_font
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import summaryparse
from summaryparse.docx_reading import body_lines
from summaryparse.docx_writing import write_docx
from summaryparse.reading import InputError, read_document

HEADER_TEXT = "XX县水利局文件"
CUSTOM_SIZE = Pt(12)
NUMERIC_KINDS = ("count", "quantity")
SIGNATURE_DATE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")


def report_texts() -> list:
    seed = pytest.param(SEED, marks=pytest.mark.skipif(not SEED.exists(), reason=f"the seed is not here ({SEED})"), id="seed")
    return [pytest.param(EXAMPLE, id="example"), seed]


def opened(data: bytes):
    return docx.Document(BytesIO(data))


def non_blank_lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def lines_modulo_indent(text: str) -> list[str]:
    return [line.lstrip() for line in text.split("\n") if line.strip()]


def some_values(template: summaryparse.Template) -> dict[str, object]:
    return {s.id: 40 + n for n, s in enumerate(template.slots) if s.kind == "count"} | {
        s.id: "某某" for s in template.slots if s.kind == "placeholder"
    }


def east_asia_font(element) -> str | None:
    fonts = element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def inherited(paragraph, read):
    """A paragraph property as Word resolves it: the paragraph's own, else its style's, else the style's bases'."""
    value = read(paragraph.paragraph_format)
    style = paragraph.style
    while value is None and style is not None:
        value, style = read(style.paragraph_format), style.base_style
    return value


# ------------------------------------------------------------------ the official layout
@pytest.mark.parametrize("path", report_texts())
@pytest.mark.parametrize("with_values", [False, True], ids=["as-is", "new-values"])
def test_default_layout_holds_fills_text_one_paragraph_per_line(path, with_values):
    template = summaryparse.extract(path.read_bytes())
    values = some_values(template) if with_values else {}
    written = opened(write_docx(template, values))
    assert "\n".join(p.text for p in written.paragraphs) == "\n".join(non_blank_lines(summaryparse.fill(template, values)))


def test_default_layout_is_gb9704():
    template = summaryparse.extract(EXAMPLE.read_bytes())
    document = opened(write_docx(template))
    section = document.sections[0]
    assert [round(v.mm) for v in (section.page_width, section.page_height)] == [210, 297]
    assert [round(v.mm) for v in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)] == [37, 35, 28, 26]

    title, *rest = document.paragraphs
    assert title.text == template.title
    assert title.style.name == "Title" and inherited(title, lambda f: f.alignment) == WD_ALIGN_PARAGRAPH.CENTER
    assert title.style.font.size == Pt(22) and east_asia_font(title.style.element) == "方正小标宋简体"

    heading1 = next(p for p in rest if p.text.startswith("一、"))
    assert heading1.style.name == "Heading 1" and east_asia_font(heading1.style.element) == "黑体"
    assert heading1.style.font.size == Pt(16)
    heading2 = next(p for p in rest if p.text.startswith("（一）"))
    assert heading2.style.name == "Heading 2" and east_asia_font(heading2.style.element) == "楷体_GB2312"

    body = next(p for p in rest if p.style.name == "Normal" and p.text.startswith("2023年上半年"))
    assert inherited(body, lambda f: f.first_line_indent) == Pt(32)
    assert east_asia_font(body.style.element) == "仿宋_GB2312" and body.style.font.size == Pt(16)
    assert not body.text.startswith("\u3000")

    date = next(p for p in rest if SIGNATURE_DATE.match(p.text))
    assert date.alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_a_run_in_paragraph_after_a_heading_is_set_in_the_body_font():
    template = summaryparse.extract(EXAMPLE.read_bytes())
    run_in = next(p for p in opened(write_docx(template)).paragraphs if p.text.startswith("（一）防汛备汛扎实有效。年初"))
    heading_run, body_run = run_in.runs
    assert heading_run.text == "（一）防汛备汛扎实有效。" and east_asia_font(heading_run._r) is None  # the style's 楷体
    assert east_asia_font(body_run._r) == "仿宋_GB2312" and body_run.font.bold is False


def test_a_value_holding_a_line_break_becomes_two_paragraphs_or_a_soft_break():
    source = report_to_docx(EXAMPLE.read_text(encoding="utf-8"))
    template = summaryparse.extract(source)
    placeholder = next(s.id for s in template.slots if s.kind == "placeholder" and template.blocks[0].id != s.block)
    values = {placeholder: "甲镇\n乙乡"}
    expected = summaryparse.fill(template, values)
    assert [p.text for p in opened(write_docx(template, values)).paragraphs] == non_blank_lines(expected)
    assert lines_modulo_indent(read_document(write_docx(template, values, like=source)).text) == lines_modulo_indent(expected)


# ------------------------------------------------------------------ into the original's formatting
@dataclasses.dataclass(frozen=True)
class SlotPlace:
    paragraph: int  # index in document.paragraphs
    start: int  # in the paragraph's own text (Word's number not included)
    end: int
    slot: str


def slot_places(data: bytes) -> list[SlotPlace]:
    """Where each number slot of the file's template sits in its paragraph (files of report_to_docx: one line a paragraph)."""
    template = summaryparse.extract(data)
    blocks = {b.id: b for b in template.blocks}
    body = body_lines(opened(data))
    places = []
    for slot in template.slots:
        block = blocks[slot.block]
        item = body[block.line - 1]
        start = (item.marker + item.text).find(block.text) + slot.span[0] - len(item.marker)
        if slot.kind in NUMERIC_KINDS and start >= 0:
            places.append(SlotPlace(block.line - 1, start, start + len(slot.raw), slot.id))
    return places


@dataclasses.dataclass(frozen=True)
class FormattedReport:
    data: bytes
    bold: SlotPlace  # a number inside a bold run in the middle of its paragraph
    sized: SlotPlace  # a number in a paragraph set in a custom size


@cache
def formatted_report(path) -> FormattedReport:
    """The report as Word numbers it, then edited as a clerk would: a bold phrase, a smaller paragraph, a header."""
    plain = report_to_docx(path.read_text(encoding="utf-8"))
    bold, *others = slot_places(plain)
    sized = next(p for p in others if p.paragraph != bold.paragraph)
    document = opened(plain)
    embolden(document.paragraphs[bold.paragraph], bold.start, bold.end + 1)
    set_font(document.paragraphs[sized.paragraph], CUSTOM_SIZE.pt)
    document.sections[0].header.paragraphs[0].text = HEADER_TEXT
    data = save(document)
    assert slot_places(data)[: len(others) + 1] == [bold, *others]  # formatting moved no slot
    return FormattedReport(data, bold, sized)


def embolden(paragraph, start: int, end: int) -> None:
    text = paragraph.text
    for old in paragraph.runs:
        old._r.getparent().remove(old._r)
    paragraph.add_run(text[:start])
    paragraph.add_run(text[start:end]).bold = True
    paragraph.add_run(text[end:])


def section_setup(document) -> bytes:
    return etree.tostring(document.element.body.find(qn("w:sectPr")))


def numbered_headings(document) -> list[bool]:
    return [p._p.pPr is not None and p._p.pPr.numPr is not None for p in document.paragraphs if p.style.name.startswith("Heading")]


@pytest.mark.parametrize("path", report_texts())
def test_like_keeps_the_originals_formatting(path):
    report = formatted_report(path)
    template = summaryparse.extract(report.data)
    values = {report.bold.slot: 987, report.sized.slot: 654}
    written = write_docx(template, values, like=report.data)
    original, document = opened(report.data), opened(written)

    assert lines_modulo_indent(read_document(written).text) == lines_modulo_indent(summaryparse.fill(template, values))
    bold_paragraph = next(p for p in document.paragraphs if "987" in p.text)
    assert [run.bold for run in bold_paragraph.runs if "987" in run.text] == [True]
    assert not bold_paragraph.runs[0].bold
    sized_paragraph = next(p for p in document.paragraphs if "654" in p.text)
    assert {run.font.size for run in sized_paragraph.runs} == {CUSTOM_SIZE}

    assert document.sections[0].header.paragraphs[0].text == HEADER_TEXT
    assert numbered_headings(document) and all(numbered_headings(document))
    assert numbered_headings(document) == numbered_headings(original)
    assert section_setup(document) == section_setup(original)


@pytest.mark.parametrize("path", report_texts())
def test_like_without_values_gives_the_originals_text_less_its_noise(path):
    data = formatted_report(path).data
    template = summaryparse.extract(data)
    removed_lines = {r.line for r in template.removed if r.start is None}
    assert removed_lines, "the report should carry site noise for this test to mean something"
    original_lines = read_document(data).text.split("\n")
    kept = [line for number, line in enumerate(original_lines, start=1) if number not in removed_lines]
    assert non_blank_lines(read_document(write_docx(template, like=data)).text) == non_blank_lines("\n".join(kept))


def test_like_changes_table_cells_in_place():
    document = opened(report_to_docx(EXAMPLE.read_text(encoding="utf-8")))
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "新建水池"
    table.cell(0, 1).text = "共12座"
    table.cell(0, 1).add_paragraph("  另有3处")
    table.cell(0, 1).paragraphs[0].runs[0].bold = True
    data = save(document)
    template = summaryparse.extract(data)
    cell_slots = [s.id for s in template.slots if s.raw in ("12", "3") and template.blocks[-1].id == s.block]
    assert len(cell_slots) == 2
    written = opened(write_docx(template, dict(zip(cell_slots, (1234, 5))), like=data))
    cell = written.tables[0].cell(0, 1)
    assert [p.text for p in cell.paragraphs] == ["共1234座", "  另有5处"]
    assert cell.paragraphs[0].runs[0].bold


@lru_cache(maxsize=1)
def example_docx() -> tuple[bytes, summaryparse.Template]:
    data = formatted_report(EXAMPLE).data
    return data, summaryparse.extract(data)


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_any_counts_written_either_way_read_back_as_fill(data):
    source, template = example_docx()
    counts = [s.id for s in template.slots if s.kind == "count"]
    values = {sid: data.draw(st.integers(min_value=0, max_value=10**9), label=sid) for sid in counts}
    expected = summaryparse.fill(template, values)
    assert lines_modulo_indent(read_document(write_docx(template, values, like=source)).text) == lines_modulo_indent(expected)
    assert [p.text for p in opened(write_docx(template, values)).paragraphs] == non_blank_lines(expected)


# ------------------------------------------------------------------ errors
def test_like_refuses_a_file_the_template_was_not_extracted_from():
    source = report_to_docx(EXAMPLE.read_text(encoding="utf-8"))
    template = summaryparse.extract(EXAMPLE.read_bytes())
    with pytest.raises(summaryparse.FillError, match="extracted from another file"):
        write_docx(template, like=source)


def test_like_reports_a_broken_file_in_one_line():
    broken = b"PK\x03\x04 not really a zip"
    template = summaryparse.extract(EXAMPLE.read_bytes())
    template.source = dataclasses.replace(template.source, sha256=hashlib.sha256(broken).hexdigest())
    with pytest.raises(InputError, match="not a readable .docx"):
        write_docx(template, like=broken)


@pytest.mark.parametrize(
    "values, message",
    [({"s999": 1}, "unknown slot id"), ({"s1": "坏\x00值"}, "control character U\\+0000")],
    ids=["unknown-slot", "control-character"],
)
def test_bad_values_are_fill_errors(values, message):
    template = summaryparse.extract(EXAMPLE.read_bytes())
    with pytest.raises(summaryparse.FillError, match=message):
        write_docx(template, values)


def test_the_readme_word_round_trip_on_the_command_line(tmp_path):
    """README, "Word and PDF": extract a .docx, fill it with --like and as a new official document."""
    old = tmp_path / "old.docx"
    old.write_bytes(report_to_docx(EXAMPLE.read_text(encoding="utf-8")))
    assert run("extract", str(old), "-o", str(tmp_path / "old.json")).exit_code == 0
    like = run("fill", str(tmp_path / "old.json"), "--set", "s5=4", "--set", "s6=3", "--like", str(old), "-o", str(tmp_path / "new.docx"))
    plain = run("fill", str(tmp_path / "old.json"), "--set", "s5=4", "-o", str(tmp_path / "plain.docx"))
    assert like.exit_code == plain.exit_code == 0
    again = summaryparse.extract((tmp_path / "new.docx").read_bytes())
    assert "召开防汛工作专题会议4次，组织开展汛前隐患排查三轮" in again.text()
    assert again.source.format == "docx" and not any("订阅" in b.text for b in again.blocks)
    assert "召开防汛工作专题会议4次" in read_document((tmp_path / "plain.docx").read_bytes()).text
    refused = run("fill", str(tmp_path / "old.json"), "--like", str(old), "--format", "txt")
    assert refused.exit_code == 10 and "--like" in refused.stderr
